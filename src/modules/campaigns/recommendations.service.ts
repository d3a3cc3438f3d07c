import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from './access.js';
import { AppError, invalidFields, notFound, parseOr400, type FieldProblem } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { latinToCyrillic } from '../../platform/i18n/transliterate.js';
import type { Executor } from './campaigns.repository.js';
import type { CampaignsService } from './campaigns.service.js';
import type { EventsService } from './events.service.js';
import { presentPublication, presentRecommendation } from './outreach.presenter.js';
import {
  PUBLICATION_LANGS,
  ZCreatePublicationRequest,
  ZCreateRecommendationRequest,
  ZUpdatePublicationRequest,
  ZUpdateRecommendationRequest,
  type Localised,
} from './outreach.schemas.js';
import { RecommendationsRepository, type PublicationRow, type RecommendationRow } from './recommendations.repository.js';

const slugTaken = (slug: string) => new AppError(409, 'slug_taken', `Another publication already uses the address ${slug}.`, [{ field: 'slug', message: 'another publication already uses it' }]);
const parsed = (json: string) => JSON.parse(json) as Localised;

/** The languages a publication is served in: its own two, and Serbian Cyrillic transliterated from Serbian Latin. */
export type PublicationLang = 'sr-Latn' | 'sr-Cyrl' | 'en';
export const isPublicationLang = (lang: string): lang is PublicationLang => lang === 'sr-Latn' || lang === 'sr-Cyrl' || lang === 'en';

function inLang(texts: Localised, lang: PublicationLang): string {
  return lang === 'sr-Cyrl' ? latinToCyrillic(texts['sr-Latn'] ?? '') : (texts[lang] ?? '');
}

/** What a publication lacks before it can go public: every text in Serbian and English, and at least one recommendation. */
function missingForPublication(pub: PublicationRow, recommendations: readonly RecommendationRow[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (texts: Localised, path: string) => {
    for (const lang of PUBLICATION_LANGS) if (!texts[lang]) problems.push({ field: `${path}.${lang}`, message: 'is needed before the publication goes public' });
  };
  need(parsed(pub.title), 'title');
  if (recommendations.length === 0) problems.push({ field: 'recommendations', message: 'a publication needs at least one recommendation' });
  recommendations.forEach((r, i) => {
    need(parsed(r.addressee), `recommendations.${i}.addressee`);
    need(parsed(r.gap), `recommendations.${i}.gap`);
    need(parsed(r.text), `recommendations.${i}.text`);
  });
  return problems;
}

/**
 * Recommendations drafted from the topics raised at a campaign's events, each naming the gap in
 * the legal framework it addresses and whom it addresses, gathered into a publication that goes
 * public at /L/recommendations/:slug in Serbian (both scripts) and English.
 */
export class RecommendationsService {
  private readonly repo: RecommendationsRepository;

  constructor(
    private readonly ctx: AppContext,
    private readonly campaigns: CampaignsService,
    private readonly events: EventsService,
  ) {
    this.repo = new RecommendationsRepository(ctx.db);
  }

  private async publicationRow(campaignId: string, id: string, ex?: Executor): Promise<PublicationRow> {
    const row = await this.repo.findPublication(campaignId, id, ex);
    if (!row) throw notFound('Publication');
    return row;
  }

  private async present(row: PublicationRow, ex?: Executor) {
    return presentPublication(row, await this.repo.recommendationsOf([row.id], ex));
  }

  async createPublication(campaignId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreatePublicationRequest, input);
    await this.campaigns.campaignRow(campaignId, trx);
    if (await this.repo.findPublicationBySlug(req.slug, trx)) throw slugTaken(req.slug);
    const at = nowIso();
    const row: PublicationRow = {
      id: newId(), campaign_id: campaignId, slug: req.slug, title: JSON.stringify(req.title), intro: JSON.stringify(req.intro), published_at: null,
      created_by: actor.userId, created_at: at, updated_at: at,
    };
    await this.repo.insertPublication(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.publication.created', targetType: 'recommendation_publication', targetId: row.id, details: { campaignId, slug: req.slug } }, trx);
    return presentPublication(row, []);
  }

  async listPublications(campaignId: string) {
    await this.campaigns.campaignRow(campaignId);
    const rows = await this.repo.listPublications(campaignId);
    const recommendations = await this.repo.recommendationsOf(rows.map((r) => r.id));
    return { items: rows.map((r) => presentPublication(r, recommendations.filter((x) => x.publication_id === r.id))), nextCursor: null };
  }

  async getPublication(campaignId: string, id: string) {
    return this.present(await this.publicationRow(campaignId, id));
  }

  /** Edits a publication; `published: true` puts it online once nothing is missing, `false` takes it down. */
  async updatePublication(campaignId: string, id: string, input: unknown, actor: Actor) {
    const req = parseOr400(ZUpdatePublicationRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const before = await this.publicationRow(campaignId, id, trx);
      if (req.slug && req.slug !== before.slug && (await this.repo.findPublicationBySlug(req.slug, trx))) throw slugTaken(req.slug);
      const publishedAt = req.published === undefined ? before.published_at : req.published ? (before.published_at ?? nowIso()) : null;
      await this.repo.updatePublication(id, {
        ...(req.slug !== undefined ? { slug: req.slug } : {}),
        ...(req.title !== undefined ? { title: JSON.stringify(req.title) } : {}),
        ...(req.intro !== undefined ? { intro: JSON.stringify(req.intro) } : {}),
        published_at: publishedAt,
        updated_at: nowIso(),
      }, trx);
      await this.checkPublishable(campaignId, id, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.publication.updated', targetType: 'recommendation_publication', targetId: id, details: { campaignId, fields: Object.keys(req) } }, trx);
      return this.present(await this.publicationRow(campaignId, id, trx), trx);
    });
  }

  /** A public publication stays complete: an edit that would leave a text missing is refused (and rolled back). */
  private async checkPublishable(campaignId: string, id: string, trx: Transaction<DB>): Promise<void> {
    const pub = await this.publicationRow(campaignId, id, trx);
    if (!pub.published_at) return;
    const problems = missingForPublication(pub, await this.repo.recommendationsOf([id], trx));
    if (problems.length) throw invalidFields(problems);
  }

  private async checkTopics(campaignId: string, topicIds: readonly string[], trx: Transaction<DB>): Promise<void> {
    if (topicIds.length === 0) return;
    const known = new Set((await this.events.topicsOfCampaign(campaignId, trx)).map((t) => t.id));
    const problems = topicIds.map((t, i) => ({ t, i })).filter(({ t }) => !known.has(t)).map(({ t, i }) => ({ field: `topicIds.${i}`, message: `no topic raised at this campaign's events has the id ${t}` }));
    if (problems.length) throw invalidFields(problems);
  }

  async addRecommendation(campaignId: string, publicationId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateRecommendationRequest, input);
    await this.publicationRow(campaignId, publicationId, trx);
    await this.checkTopics(campaignId, req.topicIds, trx);
    const existing = await this.repo.recommendationsOf([publicationId], trx);
    const at = nowIso();
    const row: RecommendationRow = {
      id: newId(), publication_id: publicationId, position: req.position ?? Math.max(0, ...existing.map((r) => r.position)) + 1, addressee_kind: req.addresseeKind,
      addressee: JSON.stringify(req.addressee), gap: JSON.stringify(req.gap), text: JSON.stringify(req.text), topic_ids: JSON.stringify(req.topicIds), created_at: at, updated_at: at,
    };
    await this.repo.insertRecommendation(row, trx);
    await this.checkPublishable(campaignId, publicationId, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.recommendation.created', targetType: 'recommendation_publication', targetId: publicationId, details: { campaignId, recommendationId: row.id } }, trx);
    return presentRecommendation(row);
  }

  async updateRecommendation(campaignId: string, publicationId: string, id: string, input: unknown, actor: Actor) {
    const req = parseOr400(ZUpdateRecommendationRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      await this.publicationRow(campaignId, publicationId, trx);
      if (!(await this.repo.findRecommendation(publicationId, id, trx))) throw notFound('Recommendation');
      if (req.topicIds) await this.checkTopics(campaignId, req.topicIds, trx);
      await this.repo.updateRecommendation(id, {
        ...(req.position !== undefined ? { position: req.position } : {}),
        ...(req.addresseeKind !== undefined ? { addressee_kind: req.addresseeKind } : {}),
        ...(req.addressee !== undefined ? { addressee: JSON.stringify(req.addressee) } : {}),
        ...(req.gap !== undefined ? { gap: JSON.stringify(req.gap) } : {}),
        ...(req.text !== undefined ? { text: JSON.stringify(req.text) } : {}),
        ...(req.topicIds !== undefined ? { topic_ids: JSON.stringify(req.topicIds) } : {}),
        updated_at: nowIso(),
      }, trx);
      await this.checkPublishable(campaignId, publicationId, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.recommendation.updated', targetType: 'recommendation_publication', targetId: publicationId, details: { campaignId, recommendationId: id, fields: Object.keys(req) } }, trx);
      return presentRecommendation((await this.repo.findRecommendation(publicationId, id, trx))!);
    });
  }

  async deleteRecommendation(campaignId: string, publicationId: string, id: string, actor: Actor): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.publicationRow(campaignId, publicationId, trx);
      if (!(await this.repo.deleteRecommendation(publicationId, id, trx))) throw notFound('Recommendation');
      await this.checkPublishable(campaignId, publicationId, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.recommendation.deleted', targetType: 'recommendation_publication', targetId: publicationId, details: { campaignId, recommendationId: id } }, trx);
    });
  }

  /** A published publication in one of its languages, or null. */
  async publicPublication(slug: string, lang: PublicationLang) {
    const pub = await this.repo.findPublicationBySlug(slug);
    if (!pub?.published_at) return null;
    const recommendations = await this.repo.recommendationsOf([pub.id]);
    return {
      slug: pub.slug,
      title: inLang(parsed(pub.title), lang),
      intro: inLang(parsed(pub.intro), lang),
      publishedAt: pub.published_at,
      recommendations: recommendations.map((r) => ({ addressee: inLang(parsed(r.addressee), lang), gap: inLang(parsed(r.gap), lang), text: inLang(parsed(r.text), lang) })),
    };
  }

  async figures(campaignId: string) {
    const pubs = await this.repo.listPublications(campaignId);
    const recommendations = await this.repo.recommendationsOf(pubs.map((p) => p.id));
    const published = pubs.filter((p) => p.published_at);
    return {
      publications: pubs.length,
      published: published.length,
      recommendations: recommendations.length,
      fromTopics: recommendations.filter((r) => (JSON.parse(r.topic_ids) as string[]).length > 0).length,
      titles: Object.fromEntries(PUBLICATION_LANGS.map((l) => [l, published.map((p) => parsed(p.title)[l] ?? '').filter(Boolean)])) as Record<(typeof PUBLICATION_LANGS)[number], string[]>,
    };
  }
}
