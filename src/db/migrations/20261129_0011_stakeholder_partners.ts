import type { Kysely } from 'kysely';

// A stakeholder may be a person at an organisation of the partner directory: the campaign team's
// own contact list is absorbed into the directory one link at a time (see modules/campaigns/events.service.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stakeholders').addColumn('partner_id', 'text', (c) => c.references('partners.id')).execute();
  await db.schema.createIndex('stakeholders_partner').on('stakeholders').columns(['partner_id', 'name']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('stakeholders_partner').execute();
  await db.schema.alterTable('stakeholders').dropColumn('partner_id').execute();
}
