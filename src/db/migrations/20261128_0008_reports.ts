import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Statistics count a period's contacts per channel; with this index each channel is one range of
  // it, so a year of a million contacts is counted without reading or sorting the contacts.
  await db.schema.createIndex('contacts_channel_received_at').on('contacts').columns(['channel', 'received_at']).execute();

  // Figures a coordinator published for a period, as published: the public page shows this copy,
  // so later corrections to case files never change a page the public has already seen.
  await db.schema
    .createTable('published_statistics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('tables', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('published_statistics').execute();
  await db.schema.dropIndex('contacts_channel_received_at').execute();
}
