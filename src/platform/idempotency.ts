import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { FieldCipher } from './crypto.js';
import { invalidFields } from './errors.js';

/** What a state-changing request answered: replayed as it is when the request is retried. */
export interface Outcome {
  status: number;
  body: unknown;
}

/** How long a key is remembered: long enough for any client's retries, short enough to forget. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key header, if any; a malformed one is a 400. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw invalidFields([{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
  }
  return key;
}

export function sendOutcome(reply: FastifyReply, outcome: Outcome & { replayed: boolean }): FastifyReply {
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.status(outcome.status).send(outcome.body);
}

/**
 * Runs `work` in a transaction that also claims (scope, key), so a retried request takes effect
 * once: a retry gets the first answer back instead. Only successes are kept, so a request that
 * failed (a 400, say) may be corrected and sent again with the same key. Scopes keep callers
 * apart: include the user for staff requests. Stored answers are encrypted because they echo
 * what was written; old key versions stay readable after a key rotation and answers expire
 * after a day, so they need no re-encryption.
 */
export async function runOnce(
  deps: { db: Kysely<DB>; cipher: FieldCipher },
  key: string | undefined,
  scope: string,
  work: (trx: Transaction<DB>) => Promise<Outcome>,
  now = Date.now(),
): Promise<Outcome & { replayed: boolean }> {
  if (key === undefined) return { ...(await deps.db.transaction().execute(work)), replayed: false };
  return deps.db.transaction().execute(async (trx) => {
    const cutoff = new Date(now - IDEMPOTENCY_WINDOW_MS).toISOString();
    await trx.deleteFrom('idempotency_keys').where('scope', '=', scope).where('created_at', '<', cutoff).execute();
    // The claim comes first: a concurrent retry on PostgreSQL waits here for this transaction to end.
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ scope, key, status: 0, body: '', created_at: new Date(now).toISOString() })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
      const stored = await trx.selectFrom('idempotency_keys').select(['status', 'body']).where('scope', '=', scope).where('key', '=', key).executeTakeFirstOrThrow();
      return { status: stored.status, body: JSON.parse(deps.cipher.decrypt(stored.body)) as unknown, replayed: true };
    }
    const outcome = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status: outcome.status, body: deps.cipher.encrypt(JSON.stringify(outcome.body)) })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return { ...outcome, replayed: false };
  });
}
