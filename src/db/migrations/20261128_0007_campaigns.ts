import type { Kysely } from 'kysely';

// Campaigns, their posts and metrics, their public pages and the pages' visit counts, printed
// materials, events and recommendations. Metrics are
// bigint (impressions can outgrow 32 bits); a metric nobody reported is null, not 0. Lists are
// JSON text, days YYYY-MM-DD text in ORG_TIMEZONE.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_starts_on').on('campaigns').columns(['starts_on', 'id']).execute();

  await db.schema
    .createTable('campaign_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('url', 'text')
    .addColumn('topic', 'text')
    .addColumn('text', 'text')
    .addColumn('reach', 'bigint')
    .addColumn('impressions', 'bigint')
    .addColumn('engagements', 'bigint')
    .addColumn('clicks', 'bigint')
    .addColumn('video_views', 'bigint')
    .addColumn('external_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_posts_published').on('campaign_posts').columns(['campaign_id', 'published_at', 'id']).execute();
  // An imported post is found again by the network's own id; posts typed in have none (NULLs never collide).
  await db.schema.createIndex('campaign_posts_external').on('campaign_posts').columns(['campaign_id', 'channel', 'external_id']).unique().execute();

  await db.schema
    .createTable('campaign_pages')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_pages_pk', ['campaign_id', 'lang'])
    .execute();

  await db.schema
    .createTable('campaign_page_views')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addColumn('unique_visitors', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_page_views_pk', ['campaign_id', 'lang', 'day'])
    .execute();

  // Today's salt and today's visitor hashes only: both are deleted once the day is over, so a
  // hash can never be linked to another day's, and only the daily counts remain.
  await db.schema
    .createTable('campaign_visit_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('campaign_visitor_hashes')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_visitor_hashes_pk', ['day', 'campaign_id', 'lang', 'hash'])
    .execute();

  // Printed materials and where they went. Stock is the print run less what was distributed.
  await db.schema
    .createTable('campaign_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('print_run', 'integer', (c) => c.notNull())
    .addColumn('printed_on', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_materials_campaign').on('campaign_materials').columns(['campaign_id', 'id']).execute();
  await db.schema
    .createTable('campaign_distributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('material_id', 'text', (c) => c.notNull().references('campaign_materials.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('partner_kind', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('place_kind', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('distributed_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_distributions_material').on('campaign_distributions').columns(['material_id', 'distributed_on']).execute();
  await db.schema.createIndex('campaign_distributions_campaign').on('campaign_distributions').columns(['campaign_id', 'distributed_on']).execute();

  // The stakeholders events invite: the campaign team's own contact list. Contact details and
  // notes hold FieldCipher values (see modules/campaigns/events.repository.ts).
  await db.schema
    .createTable('stakeholders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stakeholders_organisation').on('stakeholders').columns(['organisation', 'name', 'id']).execute();

  await db.schema
    .createTable('campaign_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('venue', 'text')
    .addColumn('online_url', 'text')
    .addColumn('language', 'text')
    .addColumn('description', 'text')
    .addColumn('attended_online', 'integer')
    .addColumn('attended_in_person', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_events_campaign').on('campaign_events').columns(['campaign_id', 'starts_at']).execute();
  await db.schema
    .createTable('campaign_event_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('campaign_events.id').onDelete('cascade'))
    .addColumn('stakeholder_id', 'text', (c) => c.notNull().references('stakeholders.id'))
    .addColumn('invited_on', 'text', (c) => c.notNull())
    .addColumn('rsvp', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_event_invitations_pair').on('campaign_event_invitations').columns(['event_id', 'stakeholder_id']).unique().execute();
  await db.schema
    .createTable('campaign_event_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('campaign_events.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_event_topics_event').on('campaign_event_topics').columns(['event_id', 'id']).execute();
  await db.schema
    .createTable('campaign_event_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('campaign_events.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('due_on', 'text')
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_event_follow_ups_event').on('campaign_event_follow_ups').columns(['event_id', 'id']).execute();

  // A publication of recommendations; texts are JSON objects {lang: text} in sr-Latn and en.
  await db.schema
    .createTable('recommendation_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('publication_id', 'text', (c) => c.notNull().references('recommendation_publications.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('addressee_kind', 'text', (c) => c.notNull())
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('gap', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('topic_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recommendations_publication').on('recommendations').columns(['publication_id', 'position']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'recommendations', 'recommendation_publications', 'campaign_event_follow_ups', 'campaign_event_topics', 'campaign_event_invitations', 'campaign_events',
    'stakeholders', 'campaign_distributions', 'campaign_materials', 'campaign_visitor_hashes', 'campaign_visit_salts', 'campaign_page_views', 'campaign_pages', 'campaign_posts', 'campaigns']) {
    await db.schema.dropTable(table).execute();
  }
}
