import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { html } from '../../platform/html.js';
import { formatDate } from '../../platform/i18n/format.js';
import { isPublicLang, LOCALES, type PublicLang } from '../../platform/i18n/locales.js';
import { t } from '../../platform/i18n/messages.js';
import { everyone } from '../../platform/policy.js';
import { renderPage } from '../public-site/layout.js';
import { langParam, sendNotFoundPage, sendPage } from '../public-site/public-site.routes.js';
import { publicText } from '../public-site/text.js';
import type { CampaignsService } from './campaigns.service.js';
import { publicPagePath } from './campaigns.presenter.js';
import { SLUG } from './campaigns.schemas.js';
import { renderMarkdown } from './markdown.js';
import { isCountedVisit, PageVisits, scheduleForgetting } from './page-visits.js';
import { publicationPath } from './outreach.presenter.js';
import { registerPublicationPdfRoute } from './publication-pdf.js';
import { isPublicationLang, type PublicationLang, type RecommendationsService } from './recommendations.service.js';

interface PublicPage {
  slug: string;
  title: string;
  body: string;
  otherLangs: string[];
}

function renderCampaignPage(lang: PublicLang, page: PublicPage): string {
  const text = publicText(lang);
  const others = page.otherLangs.filter(isPublicLang);
  const main = html`<article class="campaign">
<h1>${page.title}</h1>
${renderMarkdown(page.body)}
</article>
${others.length > 0 && html`<nav class="campaign-langs" aria-labelledby="campaign-langs">
<h2 id="campaign-langs">${text('campaign.otherLanguages')}</h2>
<ul>${others.map((l) => html`<li><a href="${publicPagePath(l, page.slug)}" lang="${LOCALES[l].tag}" hreflang="${LOCALES[l].tag}">${LOCALES[l].nativeName}</a></li>`)}</ul>
</nav>`}`;
  return renderPage({ lang, path: `campaigns/${page.slug}`, title: page.title, main });
}

interface PublicPublication {
  slug: string;
  title: string;
  intro: string;
  publishedAt: string;
  recommendations: { addressee: string; gap: string; text: string }[];
}

/**
 * A publication of recommendations. It exists in the staff languages only (Serbian in both
 * scripts and English), so its headings come from the staff catalogue.
 */
function renderPublicationPage(lang: PublicationLang, pub: PublicPublication, timeZone: string): string {
  const text = (key: string, values?: Record<string, string | number>) => t(lang, `staff:campaign.publication.${key}`, values);
  const others = (['sr-Latn', 'sr-Cyrl', 'en'] as const).filter((l) => l !== lang);
  const main = html`<article class="publication">
<h1>${pub.title}</h1>
<p class="published">${text('published', { date: formatDate(lang, new Date(pub.publishedAt), timeZone) })}</p>
<p class="publication-pdf"><a href="${publicationPath(lang, pub.slug)}.pdf" type="application/pdf">${text('pdf')}</a></p>
${renderMarkdown(pub.intro)}
${pub.recommendations.map((r, i) => html`<section class="recommendation">
<h2>${text('recommendation', { n: i + 1 })}</h2>
<p>${r.text}</p>
<dl>
<dt>${text('gap')}</dt>
<dd>${r.gap}</dd>
<dt>${text('addressee')}</dt>
<dd>${r.addressee}</dd>
</dl>
</section>`)}
</article>
<nav class="campaign-langs" aria-labelledby="publication-langs">
<h2 id="publication-langs">${publicText(lang)('campaign.otherLanguages')}</h2>
<ul>${others.map((l) => html`<li><a href="${publicationPath(l, pub.slug)}" lang="${LOCALES[l].tag}" hreflang="${LOCALES[l].tag}">${LOCALES[l].nativeName}</a></li>`)}</ul>
</nav>`;
  return renderPage({ lang, path: `recommendations/${pub.slug}`, title: pub.title, main });
}

/**
 * `/:lang/campaigns/:slug`: a campaign's page in one language, counted as a view unless a known
 * bot asks. It sets no cookie; the answer may not be reused from a cache without asking us, so
 * every view reaches the counter.
 */
export function registerCampaignPageRoutes(app: FastifyInstance, ctx: AppContext, campaigns: CampaignsService, recommendations: RecommendationsService): void {
  const visits = new PageVisits(ctx.db, ctx.cipher, ctx.config.orgTimezone);
  scheduleForgetting(app, visits);

  app.get('/:lang/campaigns/:slug', { config: { policy: everyone } }, async (request, reply) => {
    const lang = langParam(request);
    const { slug } = request.params as { slug: string };
    const page = lang && SLUG.test(slug) ? await campaigns.publicPage(slug, lang) : null;
    if (!lang || !page) return sendNotFoundPage(request, reply);
    if (isCountedVisit(request)) {
      try {
        await visits.record(page.campaignId, lang, { address: request.ip, userAgent: request.headers['user-agent'] ?? '' });
      } catch (err) {
        // A reader gets the page even when the counter fails.
        request.log.error({ err }, 'counting a campaign page view failed');
      }
    }
    return reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(renderCampaignPage(lang, page));
  });

  app.get('/:lang/recommendations/:slug', { config: { policy: everyone } }, async (request, reply) => {
    const lang = langParam(request);
    const { slug } = request.params as { slug: string };
    const pub = lang && isPublicationLang(lang) && SLUG.test(slug) ? await recommendations.publicPublication(slug, lang) : null;
    if (!lang || !isPublicationLang(lang) || !pub) return sendNotFoundPage(request, reply);
    return sendPage(reply, renderPublicationPage(lang, pub, ctx.config.orgTimezone));
  });

  registerPublicationPdfRoute(app, ctx, recommendations);
}
