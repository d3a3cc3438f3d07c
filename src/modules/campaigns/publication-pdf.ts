import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import MarkdownIt, { type Token } from 'markdown-it';
import type { AppContext } from '../../context.js';
import { formatDate } from '../../platform/i18n/format.js';
import { text } from '../../platform/i18n/messages.js';
import { reportFrame } from '../../platform/pdf/frame.js';
import { renderReportPdf, type PdfBlock } from '../../platform/pdf/report-pdf.js';
import { everyone } from '../../platform/policy.js';
import { localDate } from '../../platform/time.js';
import { langParam, sendNotFoundPage } from '../public-site/public-site.routes.js';
import { SLUG } from './campaigns.schemas.js';
import { isPublicationLang, type PublicationLang, type RecommendationsService } from './recommendations.service.js';

export type PublicPublication = NonNullable<Awaited<ReturnType<RecommendationsService['publicPublication']>>>;

const markdown = new MarkdownIt({ html: false, linkify: true });

/** An inline run as plain text; a link to another site keeps its address after the words, for readers on paper. */
function inlineText(tokens: readonly Token[]): string {
  let out = '';
  let href: string | null = null;
  let linkText = '';
  for (const t of tokens) {
    if (t.type === 'link_open') {
      href = String(t.attrGet('href') ?? '');
      linkText = '';
    } else if (t.type === 'link_close') {
      out += href && /^https?:/i.test(href) && linkText !== href ? ` (${href})` : '';
      href = null;
    } else if (t.type === 'softbreak' || t.type === 'hardbreak') out += t.type === 'softbreak' ? ' ' : '\n';
    else if (t.type === 'text' || t.type === 'code_inline' || t.type === 'image') {
      const s = t.content;
      out += s;
      if (href !== null) linkText += s;
    }
  }
  return out;
}

/** The publication's Markdown introduction as headings, paragraphs and lists; raw HTML stays text, as on the page. */
export function markdownBlocks(source: string): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  const lists: { ordered: boolean; items: string[] }[] = [];
  let inHeading = false;
  for (const t of markdown.parse(source, {})) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') lists.push({ ordered: t.type === 'ordered_list_open', items: [] });
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
      const list = lists.pop()!;
      // A list inside a list adds its items to its parent's: a report has one level of bullets.
      const parent = lists.at(-1);
      if (parent) parent.items.push(...list.items);
      else blocks.push({ type: 'list', items: list.items, ordered: list.ordered });
    } else if (t.type === 'heading_open') inHeading = true;
    else if (t.type === 'heading_close') inHeading = false;
    else if (t.type === 'inline') {
      const s = inlineText(t.children ?? []);
      if (inHeading) blocks.push({ type: 'heading', text: s });
      else if (lists.length > 0) lists.at(-1)!.items.push(s);
      else blocks.push({ type: 'paragraph', text: s });
    } else if (t.type === 'fence' || t.type === 'code_block') blocks.push({ type: 'paragraph', text: t.content.trimEnd() });
  }
  return blocks;
}

/**
 * A published publication of recommendations as a PDF in one of its languages: the introduction,
 * then each recommendation with the gap in the legal framework it addresses and its addressee.
 */
export function publicationPdf(pub: PublicPublication, lang: PublicationLang, timeZone: string): Promise<Buffer> {
  const l = (key: string, values?: Record<string, string | number>) => text(lang, `staff:campaign.publication.${key}`, values);
  return renderReportPdf({
    ...reportFrame(lang, timeZone),
    title: pub.title,
    subtitle: l('published', { date: formatDate(lang, new Date(pub.publishedAt), timeZone) }),
    blocks: [
      ...markdownBlocks(pub.intro),
      ...pub.recommendations.flatMap((r, i): PdfBlock[] => [
        { type: 'heading', text: l('recommendation', { n: i + 1 }) },
        { type: 'paragraph', text: r.text },
        { type: 'paragraph', label: `${l('gap')}:`, text: r.gap },
        { type: 'paragraph', label: `${l('addressee')}:`, text: r.addressee },
      ]),
    ],
  });
}

/** Rendered files by what they show: a publication changes rarely, and rendering is the costly part. */
const CACHED = 16;

/**
 * `/:lang/recommendations/:slug.pdf`: the published publication as a PDF in Serbian (either
 * script) or English, linked from its page. Like the page it is public, sets no cookie and loads
 * nothing from elsewhere (the fonts are embedded). The same text on the same day is rendered once.
 */
export function registerPublicationPdfRoute(app: FastifyInstance, ctx: AppContext, recommendations: RecommendationsService): void {
  const cache = new Map<string, Buffer>();
  app.get('/:lang/recommendations/:slug.pdf', { config: { policy: everyone } }, async (request, reply) => {
    const lang = langParam(request);
    const { slug } = request.params as { slug: string };
    const pub = lang && isPublicationLang(lang) && SLUG.test(slug) ? await recommendations.publicPublication(slug, lang) : null;
    if (!lang || !isPublicationLang(lang) || !pub) return sendNotFoundPage(request, reply);
    // The footer carries the day of generation, so the day is part of what the file shows.
    const key = createHash('sha256').update(JSON.stringify([lang, localDate(Date.now(), ctx.config.orgTimezone), pub])).digest('base64url');
    let file = cache.get(key);
    if (!file) {
      file = await publicationPdf(pub, lang, ctx.config.orgTimezone);
      if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
      cache.set(key, file);
    }
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${pub.slug}-${lang}.pdf"`)
      .header('cache-control', 'public, max-age=300')
      .send(file);
  });
}
