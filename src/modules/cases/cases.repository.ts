import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { CaseAssessmentsTable, CaseEventsTable, CasesTable, CaseStatusChangesTable, DB } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../platform/crypto.js';

export type CaseRow = Selectable<CasesTable>;
export type StatusChangeRow = Selectable<CaseStatusChangesTable>;
export type AssessmentRow = Selectable<CaseAssessmentsTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type Executor = Kysely<DB> | Transaction<DB>;

/** The identity fields and notes of a case; retention erases exactly these. */
export const CASE_SECRET_COLUMNS = ['name', 'date_of_birth', 'contact', 'document_numbers', 'notes'] as const;
registerEncryptedColumns({ table: 'cases', key: 'id', columns: [...CASE_SECRET_COLUMNS] });
registerEncryptedColumns({ table: 'case_assessments', key: 'id', columns: ['indicator_notes'] });

export interface CaseFilter {
  status?: string;
  identifiedFrom?: string;
  identifiedTo?: string;
  referenceContains?: string;
  beforeId?: string;
  limit: number;
}

export class CasesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The next number of the year's reference sequence. The upsert takes the counter row's lock, so
   * concurrent openings on PostgreSQL wait their turn instead of reading the same number.
   */
  async nextReferenceNumber(year: number, trx: Transaction<DB>): Promise<number> {
    const r = await trx
      .insertInto('case_reference_counters')
      .values({ year, last_number: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last_number: sql<number>`case_reference_counters.last_number + 1` }))
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return Number(r.last_number);
  }

  async insert(row: CaseRow, trx: Transaction<DB>): Promise<void> {
    await trx.insertInto('cases').values(row).execute();
  }

  find(id: string, ex: Executor = this.db): Promise<CaseRow | undefined> {
    return ex.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Marks the case as changing and returns it: the write takes the row's lock on PostgreSQL (and
   * the database's on SQLite), so two changes to one case never interleave.
   */
  lockForChange(id: string, at: string, trx: Transaction<DB>): Promise<CaseRow | undefined> {
    return trx.updateTable('cases').set({ updated_at: at }).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async update(id: string, changes: Updateable<CasesTable>, trx: Transaction<DB>): Promise<void> {
    await trx.updateTable('cases').set(changes).where('id', '=', id).execute();
  }

  list(f: CaseFilter): Promise<CaseRow[]> {
    let q = this.db.selectFrom('cases').selectAll().orderBy('id', 'desc').limit(f.limit);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.identifiedFrom) q = q.where('identified_on', '>=', f.identifiedFrom);
    if (f.identifiedTo) q = q.where('identified_on', '<=', f.identifiedTo);
    if (f.referenceContains) q = q.where('reference', 'like', `%${f.referenceContains.replace(/[^A-Z0-9-]/g, '')}%`);
    if (f.beforeId) q = q.where('id', '<', f.beforeId);
    return q.execute();
  }

  identifiedBetween(from: string, to: string): Promise<CaseRow[]> {
    return this.db.selectFrom('cases').selectAll().where('identified_on', '>=', from).where('identified_on', '<=', to).orderBy('identified_on').orderBy('id').execute();
  }

  /** Cases with status identified and identified_on in from..to, counted per combination of the facts statistics report. */
  identifiedCounts(from: string, to: string) {
    return this.db
      .selectFrom('cases')
      .select(['sex', 'child', 'citizenship', 'exploitation_types', 'sector', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'identified')
      .where('identified_on', '>=', from)
      .where('identified_on', '<=', to)
      .groupBy(['sex', 'child', 'citizenship', 'exploitation_types', 'sector'])
      .execute();
  }

  /** The same cases counted per combination of the facts data standards share; the year is the finest date. */
  identifiedFactCounts(from: string, to: string) {
    const year = sql<string>`substr(identified_on, 1, 4)`;
    return this.db
      .selectFrom('cases')
      .select(['sex', 'age', 'citizenship', 'exploitation_types', 'sector', 'means_of_control', 'recruiter_relation', year.as('year'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'identified')
      .where('identified_on', '>=', from)
      .where('identified_on', '<=', to)
      .groupBy(['sex', 'age', 'citizenship', 'exploitation_types', 'sector', 'means_of_control', 'recruiter_relation', year])
      .execute();
  }

  async insertStatusChange(row: StatusChangeRow, trx: Transaction<DB>): Promise<void> {
    await trx.insertInto('case_status_changes').values(row).execute();
  }

  statusHistory(caseId: string, ex: Executor = this.db): Promise<StatusChangeRow[]> {
    return ex.selectFrom('case_status_changes').selectAll().where('case_id', '=', caseId).orderBy('recorded_at').orderBy('id').execute();
  }

  async insertAssessment(row: AssessmentRow, trx: Transaction<DB>): Promise<void> {
    await trx.insertInto('case_assessments').values(row).execute();
  }

  latestAssessment(caseId: string, ex: Executor = this.db): Promise<AssessmentRow | undefined> {
    return ex.selectFrom('case_assessments').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  }

  assessments(caseId: string, ex: Executor = this.db): Promise<AssessmentRow[]> {
    return ex.selectFrom('case_assessments').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').execute();
  }

  async insertEvent(row: CaseEventRow, trx: Transaction<DB>): Promise<void> {
    await trx.insertInto('case_events').values(row).execute();
  }

  events(caseId: string, opts: { afterId?: string; limit: number }, ex: Executor = this.db): Promise<CaseEventRow[]> {
    let q = ex.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').limit(opts.limit);
    if (opts.afterId) q = q.where('id', '>', opts.afterId);
    return q.execute();
  }

  /** Closed cases whose identity is still held and whose closing day is before `cutoff`. */
  async expiredIds(cutoff: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'closed')
      .where('closed_on', '<', cutoff)
      .where('identity_erased_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Erases identity fields, notes and the contact link; false when another run got there first. */
  async eraseIdentity(caseId: string, at: string, trx: Transaction<DB>): Promise<boolean> {
    const r = await trx
      .updateTable('cases')
      .set({ name: null, date_of_birth: null, contact: null, document_numbers: null, notes: null, contact_id: null, identity_erased_at: at, updated_at: at })
      .where('id', '=', caseId)
      .where('identity_erased_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await trx.updateTable('case_assessments').set({ indicator_notes: null }).where('case_id', '=', caseId).execute();
    return true;
  }
}
