import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/auth/auth.service.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { CasesRepository } from './cases.repository.js';

/** Who acts on a case: a signed-in user, or a command acting for one (the demo loader). */
export type CaseActor = Pick<Principal, 'userId' | 'name' | 'roles'>;
export type JournalActor = Pick<Principal, 'userId' | 'name'>;

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export interface JournalEntry {
  caseId: string;
  actor: JournalActor | null;
  /** `created`, `updated`, `assessed`, `service_added`...; the audit trail records it as `case.<action>`. */
  action: string;
  fields: readonly string[];
  /** Old and new values of fields that hold no secret; identity fields and notes are named, never quoted. */
  changes?: FieldChanges;
  /** Further audit details (a version number, an outcome), never a secret value. */
  details?: Record<string, unknown>;
}

/**
 * Every change to a case goes to two places in the same transaction: the case's own timeline,
 * which caseworkers and coordinators read, and the hash-chained audit trail.
 */
export class CaseJournal {
  constructor(
    private readonly ctx: AppContext,
    private readonly cases: CasesRepository,
  ) {}

  async record(e: JournalEntry, trx: Transaction<DB>): Promise<void> {
    await this.cases.insertEvent(
      {
        id: newId(), case_id: e.caseId, at: nowIso(), actor_id: e.actor?.userId ?? null, actor_name: e.actor?.name ?? null,
        action: e.action, fields: JSON.stringify(e.fields), changes: JSON.stringify(e.changes ?? {}),
      },
      trx,
    );
    await this.ctx.audit.record({ actorId: e.actor?.userId ?? null, action: `case.${e.action}`, targetType: 'case', targetId: e.caseId, details: { fields: e.fields, ...e.details } }, trx);
  }

  /** Reads are audited too (who looked at which file), but they are not part of its timeline. */
  async read(caseId: string, actorId: string, part: string, trx: Transaction<DB>): Promise<void> {
    await this.ctx.audit.record({ actorId, action: 'case.read', targetType: 'case', targetId: caseId, details: { part } }, trx);
  }
}
