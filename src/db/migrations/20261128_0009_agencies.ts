import type { Kysely } from 'kysely';

// The register of licensed private employment agencies, imported from the ministry's published list.
// An agency is found again by its registration number, so a new list updates it; one that drops off
// the list stays, with listed = 0, so past imports remain explainable.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text', (c) => c.notNull().unique())
    .addColumn('licence_number', 'text', (c) => c.notNull())
    .addColumn('licence_date', 'text')
    .addColumn('address', 'text')
    .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agencies_name').on('agencies').columns(['name', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agencies').execute();
}
