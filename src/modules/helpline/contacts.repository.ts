import { CompiledQuery, sql, type ExpressionBuilder, type Kysely, type Selectable, type Transaction } from 'kysely';
import { dialectOf } from '../../db/database.js';
import type { ContactsTable, DB } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../platform/crypto.js';

export type ContactRow = Selectable<ContactsTable>;
type Executor = Kysely<DB> | Transaction<DB>;

registerEncryptedColumns({ table: 'contacts', key: 'id', columns: ['heard_about', 'summary', 'referral_given', 'caller', 'job_check'] });

/** Where a page of a newest-first list ends: the next page starts after it. */
export interface Position {
  receivedAt: string;
  id: string;
}

export interface ContactFilter {
  /** [start, end) as ISO UTC timestamps. */
  start?: string;
  end?: string;
  topics?: readonly string[];
  channels?: readonly string[];
  statuses?: readonly string[];
  language?: string;
  nationality?: string;
  assigneeId?: string;
  phoneHash?: string;
  reference?: string;
  after?: Position;
}

// Rows per INSERT: 500 contacts of 26 columns stay well under SQLite's 32,766 bound parameters.
const INSERT_BATCH = 500;
const LOOKUP_BATCH = 500;

const CONTACT_COLUMNS = [
  'id', 'reference', 'received_at', 'channel', 'topics', 'language', 'caller_role', 'sex', 'age_group', 'nationality', 'destination_country',
  'heard_about_code', 'heard_about', 'summary', 'referral_given', 'caller', 'phone_hash', 'job_check', 'job_check_risk', 'status', 'assignee_id',
  'source', 'fingerprint', 'created_by', 'created_at', 'updated_at',
] as const satisfies readonly (keyof ContactRow)[];
// The compiler refuses a column list that misses a column of the table.
const _everyColumnWritten: [Exclude<keyof ContactRow, (typeof CONTACT_COLUMNS)[number]>] extends [never] ? true : false = true;
const TOPIC_COLUMNS = ['contact_id', 'topic', 'received_at'] as const;

const insertTexts = new Map<string, string>();

/** `insert into t (a, b) values (?, ?), (?, ?)…` in the dialect's placeholders, kept per shape. */
function insertText(dialect: 'sqlite' | 'postgres', table: string, columns: readonly string[], rows: number): string {
  const key = `${dialect} ${table} ${rows}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}`;
    insertTexts.set(key, text);
  }
  return text;
}

/**
 * Bulk inserts skip Kysely's query builder, whose per-value nodes cost more than the database's
 * own work at import sizes, but still run through its executor and so inside the caller's transaction.
 */
async function insertMany(ex: Kysely<DB> | Transaction<DB>, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  const dialect = dialectOf(ex);
  const perBatch = Math.floor(INSERT_BATCH * (CONTACT_COLUMNS.length / columns.length));
  for (let i = 0; i < rows.length; i += perBatch) {
    const batch = rows.slice(i, i + perBatch);
    await ex.executeQuery(CompiledQuery.raw(insertText(dialect, table, columns, batch.length), batch.flat()));
  }
}

/**
 * Rows before `p` in newest-first order: `(received_at, id) < (p.receivedAt, p.id)`. As a row value
 * both engines seek the (…, received_at, id) indexes to it; the same test written with OR would
 * make them read every row of the prefix (every contact from a phone number, say) and filter.
 */
function before(eb: ExpressionBuilder<DB, 'contacts'>, p: Position) {
  return eb(eb.refTuple('received_at', 'id'), '<', eb.tuple(p.receivedAt, p.id));
}

/**
 * The repeat-caller page (`before` below, on the phone's index), which every contact logged with a
 * phone number reads: written out once rather than built by the query builder at each intake.
 */
const EARLIER_TEXT = {
  sqlite: 'select id, received_at, channel from contacts where phone_hash = ? and (received_at, id) < (?, ?) order by received_at desc, id desc limit ?',
  postgres: 'select id, received_at, channel from contacts where phone_hash = $1 and (received_at, id) < ($2, $3) order by received_at desc, id desc limit $4',
};

export class ContactsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts contacts and their topic index rows. */
  async insert(rows: readonly ContactRow[], ex: Executor = this.db): Promise<void> {
    await insertMany(ex, 'contacts', CONTACT_COLUMNS, rows.map((r) => CONTACT_COLUMNS.map((c) => r[c])));
    const topics = rows.flatMap((r) => (JSON.parse(r.topics) as string[]).map((topic) => [r.id, topic, r.received_at]));
    await insertMany(ex, 'contact_topics', TOPIC_COLUMNS, topics);
  }

  /**
   * After a bulk insert, PostgreSQL's planner still believes the table is as small as its last
   * statistics say and would scan it whole for every duplicate check: refresh them. SQLite
   * chooses its indexes without statistics.
   */
  async refreshStatistics(ex: Executor = this.db): Promise<void> {
    if (dialectOf(ex) !== 'postgres') return;
    await sql`analyze contacts`.execute(ex);
    await sql`analyze contact_topics`.execute(ex);
  }

  async exists(id: string, ex: Executor = this.db): Promise<boolean> {
    return (await ex.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  findById(id: string, ex: Executor = this.db): Promise<ContactRow | undefined> {
    return ex.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Replaces a contact's columns and its topic index rows. */
  async replace(row: ContactRow, topics: readonly string[], ex: Executor = this.db): Promise<void> {
    const { id, ...columns } = row;
    await ex.updateTable('contacts').set(columns).where('id', '=', id).execute();
    await ex.deleteFrom('contact_topics').where('contact_id', '=', id).execute();
    await ex.insertInto('contact_topics').values(topics.map((topic) => ({ contact_id: id, topic, received_at: row.received_at }))).execute();
  }

  /** Newest first: by received_at, then id, which the (received_at, id) indexes serve. */
  list(filter: ContactFilter, limit: number, ex: Executor = this.db): Promise<ContactRow[]> {
    let q = ex.selectFrom('contacts').selectAll();
    if (filter.start) q = q.where('received_at', '>=', filter.start);
    if (filter.end) q = q.where('received_at', '<', filter.end);
    if (filter.channels?.length) q = q.where('channel', 'in', filter.channels);
    if (filter.statuses?.length) q = q.where('status', 'in', filter.statuses);
    if (filter.language) q = q.where('language', '=', filter.language);
    if (filter.nationality) q = q.where('nationality', '=', filter.nationality);
    if (filter.assigneeId) q = q.where('assignee_id', '=', filter.assigneeId);
    if (filter.phoneHash) q = q.where('phone_hash', '=', filter.phoneHash);
    if (filter.reference) q = q.where('reference', '=', filter.reference);
    const topics = filter.topics;
    if (topics?.length) {
      q = q.where(({ exists, selectFrom }) =>
        exists(selectFrom('contact_topics').select('contact_id').whereRef('contact_topics.contact_id', '=', 'contacts.id').where('topic', 'in', topics)),
      );
    }
    const after = filter.after;
    if (after) q = q.where((eb) => before(eb, after));
    return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * Contacts from the same phone number received before `position`, newest first, and how many
   * there are. Most callers have called fewer than `limit` times before, and then the page is the
   * count: only a caller with more costs a second query.
   */
  async earlierFromPhone(phoneHash: string, position: Position, limit: number, ex: Executor = this.db) {
    const page = CompiledQuery.raw(EARLIER_TEXT[dialectOf(ex)], [phoneHash, position.receivedAt, position.id, limit]);
    const items = (await ex.executeQuery<Pick<ContactRow, 'id' | 'received_at' | 'channel'>>(page)).rows;
    if (items.length < limit) return { count: items.length, items };
    const count = await ex
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('phone_hash', '=', phoneHash)
      .where((eb) => before(eb, position))
      .executeTakeFirstOrThrow();
    return { count: Number(count.n), items };
  }

  /** Which of these fingerprints are already stored. */
  async storedFingerprints(fingerprints: readonly string[], ex: Executor = this.db): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < fingerprints.length; i += LOOKUP_BATCH) {
      const rows = await ex.selectFrom('contacts').select('fingerprint').where('fingerprint', 'in', fingerprints.slice(i, i + LOOKUP_BATCH)).execute();
      for (const r of rows) found.add(r.fingerprint);
    }
    return found;
  }

  async referenceExists(reference: string, ex: Executor = this.db): Promise<boolean> {
    return (await ex.selectFrom('contacts').select('id').where('reference', '=', reference).executeTakeFirst()) !== undefined;
  }

  /** How many contacts that arrived in [start, end) gave `code` as how they heard of the helpline. */
  async countHeardAbout(code: string, start: string, end: string, ex: Executor = this.db): Promise<number> {
    const r = await ex
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('heard_about_code', '=', code)
      .where('received_at', '>=', start)
      .where('received_at', '<', end)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Contacts per UTC minute and channel in [start, end): minutes map onto any time zone's days. */
  channelsByMinute(start: string, end: string, ex: Executor = this.db) {
    const minute = sql<string>`substr(received_at, 1, 16)`;
    return ex
      .selectFrom('contacts')
      .select([minute.as('minute'), 'channel', (eb) => eb.fn.countAll<number>().as('n')])
      .where('received_at', '>=', start)
      .where('received_at', '<', end)
      .groupBy([minute, 'channel'])
      .execute();
  }

  /** Contacts per UTC minute and topic in [start, end). */
  topicsByMinute(start: string, end: string, ex: Executor = this.db) {
    const minute = sql<string>`substr(received_at, 1, 16)`;
    return ex
      .selectFrom('contact_topics')
      .select([minute.as('minute'), 'topic', (eb) => eb.fn.countAll<number>().as('n')])
      .where('received_at', '>=', start)
      .where('received_at', '<', end)
      .groupBy([minute, 'topic'])
      .execute();
  }
}
