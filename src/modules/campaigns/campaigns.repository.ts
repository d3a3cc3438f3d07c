import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { CampaignPagesTable, CampaignPostsTable, CampaignsTable, DB } from '../../db/schema.js';

export type CampaignRow = Selectable<CampaignsTable>;
export type PostRow = Selectable<CampaignPostsTable>;
export type PageRow = Selectable<CampaignPagesTable>;
export type Executor = Kysely<DB> | Transaction<DB>;

export interface PostFilter {
  campaignId: string;
  channel?: string;
  /** [start, end) as ISO UTC instants. */
  start?: string;
  end?: string;
  /** The position after which the page starts, newest first. */
  before?: { publishedAt: string; id: string };
  limit: number;
}

export interface ChannelTotals {
  channel: string;
  posts: number;
  reach: number | null;
  impressions: number | null;
  engagements: number | null;
  clicks: number | null;
  video_views: number | null;
}

export class CampaignsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertCampaign(row: CampaignRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('campaigns').values(row).execute();
  }

  async updateCampaign(id: string, changes: Updateable<CampaignsTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('campaigns').set(changes).where('id', '=', id).execute();
  }

  findCampaign(id: string, ex: Executor = this.db): Promise<CampaignRow | undefined> {
    return ex.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findCampaignBySlug(slug: string, ex: Executor = this.db): Promise<CampaignRow | undefined> {
    return ex.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** Newest first: by start date, then id. */
  listCampaigns(f: { before?: { startsOn: string; id: string }; limit: number }): Promise<CampaignRow[]> {
    let q = this.db.selectFrom('campaigns').selectAll().orderBy('starts_on', 'desc').orderBy('id', 'desc').limit(f.limit);
    if (f.before) {
      const { startsOn, id } = f.before;
      q = q.where((eb) => eb.or([eb('starts_on', '<', startsOn), eb.and([eb('starts_on', '=', startsOn), eb('id', '<', id)])]));
    }
    return q.execute();
  }

  /** The languages each campaign has a page in. */
  async pageLanguages(campaignIds: readonly string[], ex: Executor = this.db): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(campaignIds.map((id) => [id, []]));
    if (campaignIds.length === 0) return out;
    const rows = await ex.selectFrom('campaign_pages').select(['campaign_id', 'lang']).where('campaign_id', 'in', [...campaignIds]).orderBy('lang').execute();
    for (const r of rows) out.get(r.campaign_id)?.push(r.lang);
    return out;
  }

  findPage(campaignId: string, lang: string, ex: Executor = this.db): Promise<PageRow | undefined> {
    return ex.selectFrom('campaign_pages').selectAll().where('campaign_id', '=', campaignId).where('lang', '=', lang).executeTakeFirst();
  }

  listPages(campaignId: string, ex: Executor = this.db): Promise<PageRow[]> {
    return ex.selectFrom('campaign_pages').selectAll().where('campaign_id', '=', campaignId).orderBy('lang').execute();
  }

  async upsertPage(row: PageRow, ex: Executor = this.db): Promise<void> {
    await ex
      .insertInto('campaign_pages')
      .values(row)
      .onConflict((oc) => oc.columns(['campaign_id', 'lang']).doUpdateSet({ title: row.title, body: row.body, updated_by: row.updated_by, updated_at: row.updated_at }))
      .execute();
  }

  async deletePage(campaignId: string, lang: string, ex: Executor = this.db): Promise<boolean> {
    const r = await ex.deleteFrom('campaign_pages').where('campaign_id', '=', campaignId).where('lang', '=', lang).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async insertPost(row: PostRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('campaign_posts').values(row).execute();
  }

  async updatePost(id: string, changes: Updateable<CampaignPostsTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('campaign_posts').set(changes).where('id', '=', id).execute();
  }

  async deletePost(id: string, ex: Executor = this.db): Promise<void> {
    await ex.deleteFrom('campaign_posts').where('id', '=', id).execute();
  }

  findPost(campaignId: string, postId: string, ex: Executor = this.db): Promise<PostRow | undefined> {
    return ex.selectFrom('campaign_posts').selectAll().where('campaign_id', '=', campaignId).where('id', '=', postId).executeTakeFirst();
  }

  /** Posts already imported from a network, by the network's post id. */
  async postsByExternalId(campaignId: string, channel: string, externalIds: readonly string[], ex: Executor = this.db): Promise<Map<string, PostRow>> {
    if (externalIds.length === 0) return new Map();
    const rows = await ex
      .selectFrom('campaign_posts')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('channel', '=', channel)
      .where('external_id', 'in', [...externalIds])
      .execute();
    return new Map(rows.map((r) => [r.external_id!, r]));
  }

  /** Newest first. */
  listPosts(f: PostFilter): Promise<PostRow[]> {
    let q = this.db.selectFrom('campaign_posts').selectAll().where('campaign_id', '=', f.campaignId).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(f.limit);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.start) q = q.where('published_at', '>=', f.start);
    if (f.end) q = q.where('published_at', '<', f.end);
    if (f.before) {
      const { publishedAt, id } = f.before;
      q = q.where((eb) => eb.or([eb('published_at', '<', publishedAt), eb.and([eb('published_at', '=', publishedAt), eb('id', '<', id)])]));
    }
    return q.execute();
  }

  /** Every post of the campaign, oldest first, for exports. */
  allPosts(campaignId: string): Promise<PostRow[]> {
    return this.db.selectFrom('campaign_posts').selectAll().where('campaign_id', '=', campaignId).orderBy('published_at').orderBy('id').execute();
  }

  postTotalsByChannel(campaignId: string): Promise<ChannelTotals[]> {
    return this.db
      .selectFrom('campaign_posts')
      .where('campaign_id', '=', campaignId)
      .groupBy('channel')
      .orderBy('channel')
      .select((eb) => [
        'channel',
        eb.fn.countAll<number>().as('posts'),
        eb.fn.sum<number | null>('reach').as('reach'),
        eb.fn.sum<number | null>('impressions').as('impressions'),
        eb.fn.sum<number | null>('engagements').as('engagements'),
        eb.fn.sum<number | null>('clicks').as('clicks'),
        eb.fn.sum<number | null>('video_views').as('video_views'),
      ])
      .execute();
  }

  pageViews(campaignId: string): Promise<{ lang: string; day: string; views: number; unique_visitors: number }[]> {
    return this.db
      .selectFrom('campaign_page_views')
      .select(['lang', 'day', 'views', 'unique_visitors'])
      .where('campaign_id', '=', campaignId)
      .orderBy('day')
      .orderBy('lang')
      .execute();
  }
}
