import type { Kysely } from 'kysely';

// Victim case files. Identity fields, notes and other free text hold FieldCipher values (see
// modules/cases/cases.repository.ts); lists are JSON text; dates are YYYY-MM-DD text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('identified_on', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('age', 'integer')
    .addColumn('child', 'integer')
    .addColumn('citizenship', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('exploitation_types', 'text', (c) => c.notNull())
    .addColumn('sector', 'text')
    .addColumn('country_of_recruitment', 'text')
    .addColumn('place_of_recruitment', 'text')
    .addColumn('country_of_exploitation', 'text')
    .addColumn('place_of_exploitation', 'text')
    .addColumn('recruitment_method', 'text')
    .addColumn('recruiter_relation', 'text')
    .addColumn('means_of_control', 'text', (c) => c.notNull())
    .addColumn('referred_by', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('name', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('contact', 'text')
    .addColumn('document_numbers', 'text')
    .addColumn('notes', 'text')
    .addColumn('identity_erased_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_identified_on').on('cases').column('identified_on').execute();
  await db.schema.createIndex('cases_status_closed_on').on('cases').columns(['status', 'closed_on']).execute();

  // One row per year: the upsert that bumps it serialises concurrent openings on both databases.
  await db.schema
    .createTable('case_reference_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('identifying_body', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_status_changes_case').on('case_status_changes').columns(['case_id', 'recorded_at']).execute();

  await db.schema
    .createTable('case_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('indicator_notes', 'text')
    .addColumn('age', 'integer')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text')
    .addColumn('assessed_by_name', 'text')
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_assessments_case_version', ['case_id', 'version'])
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('case_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('partner_id', 'text')
    .addColumn('provider', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_services_case').on('case_services').columns(['case_id', 'started_on']).execute();

  await db.schema
    .createTable('case_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('consent_on', 'text', (c) => c.notNull())
    .addColumn('referred_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('follow_up_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_referrals_case').on('case_referrals').columns(['case_id', 'referred_on']).execute();
  await db.schema.createIndex('case_referrals_follow_up').on('case_referrals').columns(['follow_up_on']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['case_referrals', 'case_services', 'case_events', 'case_assessments', 'case_status_changes', 'case_reference_counters', 'cases']) {
    await db.schema.dropTable(t).execute();
  }
}
