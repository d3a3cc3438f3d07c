import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { CaseReferralsTable, CaseServicesTable, DB } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../platform/crypto.js';
import type { Executor } from './cases.repository.js';

export type ServiceRow = Selectable<CaseServicesTable>;
export type ReferralRow = Selectable<CaseReferralsTable>;

registerEncryptedColumns({ table: 'case_services', key: 'id', columns: ['outcome'] });
registerEncryptedColumns({ table: 'case_referrals', key: 'id', columns: ['notes'] });

export interface DueReferral extends ReferralRow {
  reference: string;
}

/** Services delivered to a victim and referrals to partners, both parts of one case file. */
export class CaseSupportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertService(row: ServiceRow, trx: Transaction<DB>): Promise<void> {
    await trx.insertInto('case_services').values(row).execute();
  }

  findService(caseId: string, id: string, ex: Executor = this.db): Promise<ServiceRow | undefined> {
    return ex.selectFrom('case_services').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  async updateService(id: string, changes: Updateable<CaseServicesTable>, trx: Transaction<DB>): Promise<void> {
    await trx.updateTable('case_services').set(changes).where('id', '=', id).execute();
  }

  servicesOf(caseId: string, ex: Executor = this.db): Promise<ServiceRow[]> {
    return ex.selectFrom('case_services').selectAll().where('case_id', '=', caseId).orderBy('started_on').orderBy('id').execute();
  }

  async insertReferral(row: ReferralRow, trx: Transaction<DB>): Promise<void> {
    await trx.insertInto('case_referrals').values(row).execute();
  }

  findReferral(caseId: string, id: string, ex: Executor = this.db): Promise<ReferralRow | undefined> {
    return ex.selectFrom('case_referrals').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }

  async updateReferral(id: string, changes: Updateable<CaseReferralsTable>, trx: Transaction<DB>): Promise<void> {
    await trx.updateTable('case_referrals').set(changes).where('id', '=', id).execute();
  }

  referralsOf(caseId: string, ex: Executor = this.db): Promise<ReferralRow[]> {
    return ex.selectFrom('case_referrals').selectAll().where('case_id', '=', caseId).orderBy('referred_on').orderBy('id').execute();
  }

  /** Open referrals whose follow-up day is `on` or earlier, the most overdue first. */
  dueFollowUps(opts: { on: string; openStatuses: readonly string[]; createdBy?: string; after?: { followUpOn: string; id: string }; limit: number }): Promise<DueReferral[]> {
    let q = this.db
      .selectFrom('case_referrals')
      .innerJoin('cases', 'cases.id', 'case_referrals.case_id')
      .selectAll('case_referrals')
      .select('cases.reference')
      .where('case_referrals.follow_up_on', '<=', opts.on)
      .where('case_referrals.status', 'in', [...opts.openStatuses])
      .orderBy('case_referrals.follow_up_on')
      .orderBy('case_referrals.id')
      .limit(opts.limit);
    if (opts.createdBy) q = q.where('case_referrals.created_by', '=', opts.createdBy);
    if (opts.after) {
      const { followUpOn, id } = opts.after;
      q = q.where((eb) => eb.or([eb('case_referrals.follow_up_on', '>', followUpOn), eb.and([eb('case_referrals.follow_up_on', '=', followUpOn), eb('case_referrals.id', '>', id)])]));
    }
    return q.execute();
  }

  /** Retention: the free text of a case's services and referrals goes with its identity. */
  async eraseFreeText(caseId: string, trx: Transaction<DB>): Promise<void> {
    await trx.updateTable('case_services').set({ outcome: null }).where('case_id', '=', caseId).execute();
    await trx.updateTable('case_referrals').set({ notes: null }).where('case_id', '=', caseId).execute();
  }
}
