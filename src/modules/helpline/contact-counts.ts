import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { emptyCounts, type Counts } from './contacts-stats.js';
import { CHANNELS, TOPICS } from './contacts.schemas.js';

const DAY_MS = 86_400_000;

/** [start, end) as the whole UTC days in it (`to` excluded) and the instants at either end outside them. */
export interface SplitRange {
  days: { from: string; to: string } | null;
  edges: { start: string; end: string }[];
}

/**
 * Splits [start, end) (ISO UTC instants) into whole UTC days, which the day counts answer, and the
 * parts of a day before the first and after the last of them, which are counted from the contacts.
 * A period of ORG_TIMEZONE days starts and ends at local midnight, which is within a day of UTC
 * midnight in every zone: whatever the zone, at most two partial days are counted row by row.
 */
export function splitRange(start: string, end: string): SplitRange {
  const s = Date.parse(start);
  const e = Date.parse(end);
  const first = Math.ceil(s / DAY_MS) * DAY_MS;
  const last = Math.floor(e / DAY_MS) * DAY_MS;
  if (first >= last) return { days: null, edges: s < e ? [{ start, end }] : [] };
  const iso = (t: number) => new Date(t).toISOString();
  const edges = [...(s < first ? [{ start, end: iso(first) }] : []), ...(last < e ? [{ start: iso(last), end }] : [])];
  return { days: { from: iso(first).slice(0, 10), to: iso(last).slice(0, 10) }, edges };
}

// Each count: its table of day counts (kept by triggers, migration 20261129_0010), the rows they
// count, and the key they are counted by.
const MEASURES = {
  channel: { days: 'contact_channel_days', rows: 'contacts' },
  topic: { days: 'contact_topic_days', rows: 'contact_topics' },
} as const;

/**
 * Contacts counted for statistics: whole UTC days from the day counts, the rest of the range from
 * the contacts' (channel, received_at) and (topic, received_at) indexes, added up in one query.
 */
export class ContactPeriodCounts {
  constructor(private readonly db: Kysely<DB>) {}

  /** Contacts in [start, end), in total, by topic and by channel (every topic and channel listed). */
  async between(start: string, end: string): Promise<Counts> {
    const [channels, topics] = await Promise.all([this.countBy('channel', start, end, CHANNELS), this.countBy('topic', start, end, TOPICS)]);
    const counts = emptyCounts();
    for (const { key, n } of channels) {
      counts.total += n;
      counts.byChannel[key] = n;
    }
    for (const { key, n } of topics) counts.byTopic[key] = n;
    return counts;
  }

  /** How many contacts arrived in [start, end). */
  async total(start: string, end: string): Promise<number> {
    return (await this.countBy('channel', start, end)).reduce((sum, { n }) => sum + n, 0);
  }

  /** Contacts in [start, end) per value of `key`; only the values listed, when a list is given. */
  private async countBy(key: keyof typeof MEASURES, start: string, end: string, values?: readonly string[]): Promise<{ key: string; n: number }[]> {
    const { days: dayTable, rows } = MEASURES[key];
    const { days, edges } = splitRange(start, end);
    const k = sql.ref(key);
    const only = values ? sql`${k} in (${sql.join(values)}) and` : sql``;
    const parts = [
      ...(days ? [sql`select ${k} as k, n from ${sql.table(dayTable)} where ${only} day >= ${days.from} and day < ${days.to}`] : []),
      ...edges.map((e) => sql`select ${k} as k, count(*) as n from ${sql.table(rows)} where ${only} received_at >= ${e.start} and received_at < ${e.end} group by ${k}`),
    ];
    if (!parts.length) return [];
    const r = await sql<{ k: string; n: number | string }>`select k, sum(n) as n from (${sql.join(parts, sql` union all `)}) c group by k`.execute(this.db);
    return r.rows.map((row) => ({ key: row.k, n: Number(row.n) }));
  }
}
