import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from './access.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { AppError, invalidFields, notFound, parseOr400 } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { PublicLang } from '../../platform/i18n/locales.js';
import { dayRange } from '../../platform/time.js';
import { postFigures, visitFigures } from './campaign-report.js';
import { presentCampaign, presentPage, presentPost } from './campaigns.presenter.js';
import { CampaignsRepository, type CampaignRow, type Executor, type PageRow, type PostRow } from './campaigns.repository.js';
import {
  ZCreateCampaignRequest,
  ZCreatePostRequest,
  ZListQuery,
  ZPostListQuery,
  ZPutPageRequest,
  ZUpdateCampaignRequest,
  ZUpdatePostRequest,
  type TCreatePostRequest,
  type TUpdatePostRequest,
} from './campaigns.schemas.js';
import { renderMarkdown } from './markdown.js';

const slugTaken = (slug: string) => new AppError(409, 'slug_taken', `Another campaign already uses the address ${slug}.`, [{ field: 'slug', message: 'another campaign already uses it' }]);

/** Post fields by their API names → columns; undefined leaves a column as it is, null clears it. */
export function postColumns(p: Partial<TCreatePostRequest> | TUpdatePostRequest): Partial<PostRow> {
  const columns = {
    channel: p.channel, published_at: p.publishedAt, language: p.language, url: p.url, topic: p.topic, text: p.text,
    reach: p.reach, impressions: p.impressions, engagements: p.engagements, clicks: p.clicks, video_views: p.videoViews,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** Campaigns, their posts, their public pages and the report on them. */
export class CampaignsService {
  readonly repo: CampaignsRepository;

  constructor(private readonly ctx: AppContext) {
    this.repo = new CampaignsRepository(ctx.db);
  }

  private async present(row: CampaignRow, ex?: Executor) {
    const pages = await this.repo.pageLanguages([row.id], ex);
    return presentCampaign(row, pages.get(row.id) ?? []);
  }

  /** The campaign, or a 404. */
  async campaignRow(id: string, ex?: Executor): Promise<CampaignRow> {
    const row = await this.repo.findCampaign(id, ex);
    if (!row) throw notFound('Campaign');
    return row;
  }

  async create(input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateCampaignRequest, input);
    if (await this.repo.findCampaignBySlug(req.slug, trx)) throw slugTaken(req.slug);
    const at = nowIso();
    const row: CampaignRow = {
      id: newId(), name: req.name, slug: req.slug, starts_on: req.startsOn, ends_on: req.endsOn, languages: JSON.stringify(req.languages),
      goals: JSON.stringify(req.goals), audiences: JSON.stringify(req.audiences), created_by: actor.userId, created_at: at, updated_at: at,
    };
    await this.repo.insertCampaign(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.created', targetType: 'campaign', targetId: row.id, details: { slug: row.slug } }, trx);
    return presentCampaign(row, []);
  }

  async list(query: unknown) {
    const q = parseOr400(ZListQuery, query);
    const before = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
    const rows = await this.repo.listCampaigns({ before: before && { startsOn: before[0]!, id: before[1]! }, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const pages = await this.repo.pageLanguages(page.map((r) => r.id));
    const last = page.at(-1);
    return { items: page.map((r) => presentCampaign(r, pages.get(r.id) ?? [])), nextCursor: rows.length > q.limit && last ? encodeCursor([last.starts_on, last.id]) : null };
  }

  async get(id: string) {
    return this.present(await this.campaignRow(id));
  }

  async update(id: string, input: unknown, actor: Actor) {
    const req = parseOr400(ZUpdateCampaignRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const before = await this.campaignRow(id, trx);
      const startsOn = req.startsOn ?? before.starts_on;
      const endsOn = req.endsOn ?? before.ends_on;
      if (endsOn < startsOn) throw invalidFields([{ field: req.endsOn ? 'endsOn' : 'startsOn', message: req.endsOn ? 'must not be before startsOn' : 'must not be after endsOn' }]);
      if (req.slug && req.slug !== before.slug && (await this.repo.findCampaignBySlug(req.slug, trx))) throw slugTaken(req.slug);
      await this.repo.updateCampaign(id, {
        ...(req.name !== undefined ? { name: req.name } : {}),
        ...(req.slug !== undefined ? { slug: req.slug } : {}),
        starts_on: startsOn,
        ends_on: endsOn,
        ...(req.languages !== undefined ? { languages: JSON.stringify(req.languages) } : {}),
        ...(req.goals !== undefined ? { goals: JSON.stringify(req.goals) } : {}),
        ...(req.audiences !== undefined ? { audiences: JSON.stringify(req.audiences) } : {}),
        updated_at: nowIso(),
      }, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.updated', targetType: 'campaign', targetId: id, details: { fields: Object.keys(req) } }, trx);
      return this.present(await this.campaignRow(id, trx), trx);
    });
  }

  // Posts

  async createPost(campaignId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreatePostRequest, input);
    await this.campaignRow(campaignId, trx);
    const at = nowIso();
    const row: PostRow = {
      id: newId(), campaign_id: campaignId, channel: req.channel, published_at: req.publishedAt, language: null, url: null, topic: null, text: null,
      reach: null, impressions: null, engagements: null, clicks: null, video_views: null, external_id: null, source: 'manual',
      created_by: actor.userId, created_at: at, updated_at: at, ...postColumns(req),
    };
    await this.repo.insertPost(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.post.created', targetType: 'campaign_post', targetId: row.id, details: { campaignId, channel: row.channel } }, trx);
    return presentPost(row);
  }

  async listPosts(campaignId: string, query: unknown) {
    const q = parseOr400(ZPostListQuery, query);
    await this.campaignRow(campaignId);
    const zone = this.ctx.config.orgTimezone;
    const before = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
    const rows = await this.repo.listPosts({
      campaignId, channel: q.channel, start: q.from && dayRange(q.from, q.from, zone).start, end: q.to && dayRange(q.to, q.to, zone).end,
      before: before && { publishedAt: before[0]!, id: before[1]! }, limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return { items: page.map(presentPost), nextCursor: rows.length > q.limit && last ? encodeCursor([last.published_at, last.id]) : null };
  }

  async allPosts(campaignId: string) {
    await this.campaignRow(campaignId);
    return (await this.repo.allPosts(campaignId)).map(presentPost);
  }

  private async postRow(campaignId: string, postId: string, ex?: Executor): Promise<PostRow> {
    const row = await this.repo.findPost(campaignId, postId, ex);
    if (!row) throw notFound('Post');
    return row;
  }

  async getPost(campaignId: string, postId: string) {
    return presentPost(await this.postRow(campaignId, postId));
  }

  async updatePost(campaignId: string, postId: string, input: unknown, actor: Actor) {
    const req = parseOr400(ZUpdatePostRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      await this.postRow(campaignId, postId, trx);
      await this.repo.updatePost(postId, { ...postColumns(req), updated_at: nowIso() }, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.post.updated', targetType: 'campaign_post', targetId: postId, details: { campaignId, fields: Object.keys(req) } }, trx);
      return presentPost(await this.postRow(campaignId, postId, trx));
    });
  }

  async deletePost(campaignId: string, postId: string, actor: Actor): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const row = await this.postRow(campaignId, postId, trx);
      await this.repo.deletePost(postId, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.post.deleted', targetType: 'campaign_post', targetId: postId, details: { campaignId, channel: row.channel } }, trx);
    });
  }

  // Pages

  private checkPageLanguage(campaign: CampaignRow, lang: PublicLang): void {
    const languages = JSON.parse(campaign.languages) as string[];
    if (!languages.includes(lang)) throw invalidFields([{ field: 'lang', message: `is not one of the campaign's languages (${languages.join(', ')}); add it to the campaign first` }]);
  }

  async putPage(campaignId: string, lang: PublicLang, input: unknown, actor: Actor) {
    const req = parseOr400(ZPutPageRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const campaign = await this.campaignRow(campaignId, trx);
      this.checkPageLanguage(campaign, lang);
      const existing = await this.repo.findPage(campaignId, lang, trx);
      const at = nowIso();
      const row: PageRow = { campaign_id: campaignId, lang, title: req.title, body: req.body, updated_by: actor.userId, created_at: existing?.created_at ?? at, updated_at: at };
      await this.repo.upsertPage(row, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: existing ? 'campaign.page.updated' : 'campaign.page.created', targetType: 'campaign', targetId: campaignId, details: { lang } }, trx);
      return presentPage(row, campaign.slug);
    });
  }

  async getPage(campaignId: string, lang: PublicLang) {
    const campaign = await this.campaignRow(campaignId);
    const row = await this.repo.findPage(campaignId, lang);
    if (!row) throw notFound('Page');
    return presentPage(row, campaign.slug);
  }

  async listPages(campaignId: string) {
    const campaign = await this.campaignRow(campaignId);
    return { items: (await this.repo.listPages(campaignId)).map((r) => presentPage(r, campaign.slug)), nextCursor: null };
  }

  async deletePage(campaignId: string, lang: PublicLang, actor: Actor): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.campaignRow(campaignId, trx);
      if (!(await this.repo.deletePage(campaignId, lang, trx))) throw notFound('Page');
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.page.deleted', targetType: 'campaign', targetId: campaignId, details: { lang } }, trx);
    });
  }

  /** What the page would look like, rendered exactly as the public site will; nothing is stored. */
  preview(input: unknown) {
    const req = parseOr400(ZPutPageRequest, input);
    return { title: req.title, html: renderMarkdown(req.body).markup };
  }

  /** A published page with the other languages the campaign has pages in, or null. */
  async publicPage(slug: string, lang: PublicLang) {
    const campaign = await this.repo.findCampaignBySlug(slug);
    if (!campaign) return null;
    const page = await this.repo.findPage(campaign.id, lang);
    if (!page) return null;
    const langs = (await this.repo.pageLanguages([campaign.id])).get(campaign.id) ?? [];
    return { campaignId: campaign.id, slug: campaign.slug, title: page.title, body: page.body, otherLangs: langs.filter((l) => l !== lang) };
  }

  // Report

  /** The campaign with its posts per channel and its pages' visits, for the report. */
  async postsAndVisits(campaignId: string) {
    const campaign = await this.campaignRow(campaignId);
    const [totals, views, pageLangs] = await Promise.all([this.repo.postTotalsByChannel(campaignId), this.repo.pageViews(campaignId), this.repo.pageLanguages([campaignId])]);
    const langs = pageLangs.get(campaignId) ?? [];
    return { campaign: presentCampaign(campaign, langs), posts: postFigures(totals), visits: visitFigures(langs, views) };
  }
}
