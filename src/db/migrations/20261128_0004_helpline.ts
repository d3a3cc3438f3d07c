import type { Kysely } from 'kysely';

// Helpline contacts. Free text and the caller's contact details are FieldCipher values; what
// filters, counts and duplicate checks need stays in plain columns or keyed hashes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('caller_role', 'text')
    .addColumn('sex', 'text')
    .addColumn('age_group', 'text')
    .addColumn('nationality', 'text')
    .addColumn('destination_country', 'text')
    .addColumn('heard_about_code', 'text')
    .addColumn('heard_about', 'text')
    .addColumn('summary', 'text')
    .addColumn('referral_given', 'text')
    .addColumn('caller', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('job_check', 'text')
    .addColumn('job_check_risk', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Lists page newest first through (received_at, id); the queue reads one status over a few days.
  await db.schema.createIndex('contacts_received_at').on('contacts').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('contacts_status_received_at').on('contacts').columns(['status', 'received_at', 'id']).execute();
  await db.schema.createIndex('contacts_phone_hash').on('contacts').columns(['phone_hash', 'received_at', 'id']).execute();
  await db.schema.createIndex('contacts_fingerprint').on('contacts').column('fingerprint').execute();
  await db.schema.createIndex('contacts_reference').on('contacts').column('reference').unique().execute();

  // One row per topic of a contact, so topic filters and per-topic counts use an index.
  await db.schema
    .createTable('contact_topics')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_topics_pk', ['contact_id', 'topic'])
    .execute();
  await db.schema.createIndex('contact_topics_topic_received_at').on('contact_topics').columns(['topic', 'received_at', 'contact_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contact_topics').execute();
  await db.schema.dropTable('contacts').execute();
}
