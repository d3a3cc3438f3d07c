import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { registerEncryptedColumns, type FieldCipher } from '../../platform/crypto.js';
import { localDate } from '../../platform/time.js';

/**
 * Crawlers, link previews and command-line fetchers. "bot" counts only as a name of its own
 * (Googlebot/2.1, AhrefsBot;), because cheap Android phones are called CUBOT X19 or CUBOT_P30.
 */
const KNOWN_BOTS = /bot(?:[/;)\-.]|$)|crawl|spider|slurp|facebookexternalhit|preview|curl|wget|python-requests|headless|lighthouse|whatsapp/i;

/** A browser fetching a page the reader may never open (a speculative prefetch) is not a view. */
const PREFETCH = /prefetch|prerender/i;

export function isCountedVisit(request: Pick<FastifyRequest, 'method' | 'headers'>): boolean {
  if (request.method !== 'GET') return false;
  const agent = request.headers['user-agent'];
  if (!agent || KNOWN_BOTS.test(agent)) return false;
  const purpose = [request.headers['sec-purpose'], request.headers.purpose, request.headers['x-purpose']].filter((h) => typeof h === 'string').join(' ');
  return !PREFETCH.test(purpose);
}

type Executor = Kysely<DB> | Transaction<DB>;

registerEncryptedColumns({ table: 'campaign_visit_salts', key: 'day', columns: ['salt'] });

/**
 * Page views and unique visitors per campaign, page language and day, with no cookie and no IP
 * address stored. A visitor is a keyed hash of the client address and user agent under a salt
 * that is random for each day (of ORG_TIMEZONE) and shared by every instance through the
 * database. Once the day is over its salt and its hashes are deleted: only the counts remain,
 * and nobody, not even with the database and the key file, can tell whether two days' visitors
 * were the same person. A visitor who comes back on another day counts again that day.
 */
export class PageVisits {
  private today: { day: string; salt: Buffer } | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly cipher: FieldCipher,
    private readonly timeZone: string,
    private readonly now: () => number = Date.now,
  ) {}

  async record(campaignId: string, lang: string, client: { address: string; userAgent: string }): Promise<void> {
    const { day, salt } = await this.saltOfToday();
    const hash = createHmac('sha256', salt).update([campaignId, lang, client.address, client.userAgent].join('\0')).digest('base64url');
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('campaign_visitor_hashes')
        .values({ day, campaign_id: campaignId, lang, hash })
        .onConflict((oc) => oc.columns(['day', 'campaign_id', 'lang', 'hash']).doNothing())
        .executeTakeFirst();
      await this.addCounts(campaignId, lang, day, 1, Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 ? 1 : 0, trx);
    });
  }

  /** Adds a day's counts kept elsewhere, such as a former website's statistics, to the page's. */
  async addCounts(campaignId: string, lang: string, day: string, views: number, uniqueVisitors: number, ex: Executor = this.db): Promise<void> {
    await ex
      .insertInto('campaign_page_views')
      .values({ campaign_id: campaignId, lang, day, views, unique_visitors: uniqueVisitors })
      .onConflict((oc) =>
        oc.columns(['campaign_id', 'lang', 'day']).doUpdateSet({
          views: sql<number>`campaign_page_views.views + ${views}`,
          unique_visitors: sql<number>`campaign_page_views.unique_visitors + ${uniqueVisitors}`,
        }),
      )
      .execute();
  }

  /** Deletes the salts and visitor hashes of days that are over. */
  async forgetPastDays(ex: Executor = this.db): Promise<void> {
    const day = localDate(this.now(), this.timeZone);
    if (this.today && this.today.day < day) this.today = null;
    await ex.deleteFrom('campaign_visitor_hashes').where('day', '<', day).execute();
    await ex.deleteFrom('campaign_visit_salts').where('day', '<', day).execute();
  }

  private async saltOfToday(): Promise<{ day: string; salt: Buffer }> {
    const day = localDate(this.now(), this.timeZone);
    if (this.today?.day === day) return this.today;
    const salt = await this.db.transaction().execute(async (trx) => {
      await this.forgetPastDays(trx);
      // Instances race to create the day's salt; the first one wins and all read the same.
      await trx
        .insertInto('campaign_visit_salts')
        .values({ day, salt: this.cipher.encrypt(randomBytes(32).toString('base64')) })
        .onConflict((oc) => oc.column('day').doNothing())
        .execute();
      return (await trx.selectFrom('campaign_visit_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow()).salt;
    });
    this.today = { day, salt: Buffer.from(this.cipher.decrypt(salt), 'base64') };
    return this.today;
  }
}

const HOUR_MS = 60 * 60 * 1000;

/** Forgets past days' salts hourly, so they go even when no page is visited after midnight. */
export function scheduleForgetting(app: FastifyInstance, visits: PageVisits): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      await visits.forgetPastDays();
    } catch (err) {
      app.log.error({ err }, 'forgetting past days of campaign page visitors failed');
    }
    timer = setTimeout(run, HOUR_MS).unref();
  };
  app.addHook('onReady', async () => {
    timer = setTimeout(run, HOUR_MS).unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
