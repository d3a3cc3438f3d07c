import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { nowIso } from './ids.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** What happened, never the sensitive values themselves (field names, counts, outcomes). */
  details?: Record<string, unknown>;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

function chainHash(prev: string, e: { seq: number; at: string; actor_id: string | null; action: string; target_type: string | null; target_id: string | null; details: string }): string {
  const body = JSON.stringify([e.seq, e.at, e.actor_id, e.action, e.target_type, e.target_id, e.details]);
  return createHash('sha256').update(`${prev}\n${body}`).digest('hex');
}

const COLUMNS = ['seq', 'at', 'actor_id', 'action', 'target_type', 'target_id', 'details', 'prev_hash', 'hash'] as const;

/**
 * The append as one statement: the new row goes in only if the row it chains to is still the
 * stored row `seq - 1` with that hash (or, for the first row, the trail is empty), and no row
 * `seq` exists yet. Anything else inserts nothing, and the caller reads the chain's head again.
 */
function appendText(dialect: 'sqlite' | 'postgres'): string {
  let n = 0;
  const p = () => (dialect === 'postgres' ? `$${++n}` : '?');
  const values = COLUMNS.map((c) => `cast(${p()} as ${c === 'seq' ? 'integer' : 'text'})`).join(', ');
  return (
    `insert into audit_events (${COLUMNS.join(', ')}) select ${values} ` +
    `where exists (select 1 from audit_events where seq = ${p()} and hash = ${p()}) ` +
    `or (${p()} = 0 and not exists (select 1 from audit_events)) on conflict (seq) do nothing`
  );
}
const APPEND = { sqlite: appendText('sqlite'), postgres: appendText('postgres') };

/**
 * An append-only, hash-chained audit trail: each row's hash covers the previous row's hash, so
 * altering or deleting a row breaks every hash after it, which `audit verify` reports.
 *
 * The chain's head (last seq and hash) is remembered between appends, so a write is one
 * statement rather than a read and a write. The statement itself checks that the remembered head
 * is still the head (see `appendText`); when it is not (another process appended, or the
 * transaction that wrote it rolled back), nothing is inserted and the head is read again.
 */
export class AuditTrail {
  private head: { seq: number; hash: string } | null = null;

  constructor(private readonly db: Kysely<DB>) {}

  /** Appends an event; pass the caller's transaction so the event commits with the change it records. */
  async record(entry: AuditEntry, trx?: Transaction<DB>): Promise<void> {
    if (trx) return this.append(trx, entry);
    await this.db.transaction().execute((t) => this.append(t, entry));
  }

  private async append(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
    const dialect = dialectOf(trx);
    // Instances sharing one PostgreSQL database take turns, so the chain never forks.
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(72757001)`.execute(trx);
    for (let fresh = false; ; fresh = true) {
      const head = (!fresh && this.head) || (await this.readHead(trx));
      const row = {
        seq: head.seq + 1,
        at: nowIso(),
        actor_id: entry.actorId,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        details: JSON.stringify(entry.details ?? {}),
        prev_hash: head.hash,
        hash: '',
      };
      row.hash = chainHash(head.hash, row);
      const result = await trx.executeQuery(CompiledQuery.raw(APPEND[dialect], [...COLUMNS.map((c) => row[c]), head.seq, head.hash, head.seq]));
      if (Number(result.numAffectedRows ?? 0) === 1) {
        this.head = { seq: row.seq, hash: row.hash };
        return;
      }
      this.head = null;
      // A head read within this transaction that still does not take: another writer got in between.
      if (fresh) throw new Error('the audit trail changed while an event was being appended');
    }
  }

  private async readHead(trx: Transaction<DB>): Promise<{ seq: number; hash: string }> {
    const last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS };
  }

  async list(opts: { limit: number; beforeSeq?: number; action?: string; actorId?: string }): Promise<AuditEvent[]> {
    let q = this.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(opts.limit);
    if (opts.beforeSeq !== undefined) q = q.where('seq', '<', opts.beforeSeq);
    if (opts.action) q = q.where('action', '=', opts.action);
    if (opts.actorId) q = q.where('actor_id', '=', opts.actorId);
    const rows = await q.execute();
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }

  /** Walks the chain in order; returns the first broken entry's seq, or null when intact. */
  async verify(): Promise<{ checked: number; brokenAt: number | null; reason?: string }> {
    let prev = GENESIS;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const batch = await this.db.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(1000).execute();
      if (batch.length === 0) return { checked, brokenAt: null };
      for (const r of batch) {
        if (r.seq !== expectedSeq) return { checked, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
        if (r.prev_hash !== prev || chainHash(prev, r) !== r.hash) return { checked, brokenAt: r.seq, reason: `entry ${r.seq} does not match its hash` };
        prev = r.hash;
        expectedSeq++;
        checked++;
      }
    }
  }
}
