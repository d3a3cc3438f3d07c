import type { Kysely } from 'kysely';
import { dialectOf } from '../database.js';

// Images for the campaigns' public pages, re-encoded on upload and kept in the database itself, so
// a backup of the database holds them too. `name` is the hash of the stored bytes and the image's
// public address (/media/campaigns/<name>); the same image uploaded for two campaigns is two rows
// with one name.
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('campaign_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('alt', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('campaign_images_campaign_name', ['campaign_id', 'name'])
    .execute();
  await db.schema.createIndex('campaign_images_name').on('campaign_images').column('name').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('campaign_images').execute();
}
