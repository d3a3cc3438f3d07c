import type { Kysely, Selectable, Updateable } from 'kysely';
import type {
  CampaignEventFollowUpsTable,
  CampaignEventInvitationsTable,
  CampaignEventsTable,
  CampaignEventTopicsTable,
  DB,
  StakeholdersTable,
} from '../../db/schema.js';
import { registerEncryptedColumns } from '../../platform/crypto.js';
import type { Executor } from './campaigns.repository.js';

export type EventRow = Selectable<CampaignEventsTable>;
export type StakeholderRow = Selectable<StakeholdersTable>;
export type InvitationRow = Selectable<CampaignEventInvitationsTable>;
export type TopicRow = Selectable<CampaignEventTopicsTable>;
export type FollowUpRow = Selectable<CampaignEventFollowUpsTable>;

registerEncryptedColumns({ table: 'stakeholders', key: 'id', columns: ['email', 'phone', 'notes'] });

export class EventsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // Stakeholders

  async insertStakeholder(row: StakeholderRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('stakeholders').values(row).execute();
  }

  async updateStakeholder(id: string, changes: Updateable<StakeholdersTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('stakeholders').set(changes).where('id', '=', id).execute();
  }

  findStakeholder(id: string, ex: Executor = this.db): Promise<StakeholderRow | undefined> {
    return ex.selectFrom('stakeholders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async stakeholdersByIds(ids: readonly string[], ex: Executor = this.db): Promise<Map<string, StakeholderRow>> {
    if (ids.length === 0) return new Map();
    const rows = await ex.selectFrom('stakeholders').selectAll().where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The stakeholder standing for a partner's contact (or for the partner itself), once invited. */
  findStakeholderOfPartner(partnerId: string, name: string, ex: Executor = this.db): Promise<StakeholderRow | undefined> {
    return ex.selectFrom('stakeholders').selectAll().where('partner_id', '=', partnerId).where('name', '=', name).orderBy('created_at').limit(1).executeTakeFirst();
  }

  /** Stakeholders not yet linked to the partner directory, with the organisation each names. */
  unlinkedStakeholders(ex: Executor = this.db): Promise<Pick<StakeholderRow, 'id' | 'organisation'>[]> {
    return ex.selectFrom('stakeholders').select(['id', 'organisation']).where('partner_id', 'is', null).execute();
  }

  /** By organisation, then name. */
  listStakeholders(f: { kind?: string; partnerId?: string; active?: boolean; after?: { organisation: string; name: string; id: string }; limit: number }): Promise<StakeholderRow[]> {
    let q = this.db.selectFrom('stakeholders').selectAll().orderBy('organisation').orderBy('name').orderBy('id').limit(f.limit);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.partnerId) q = q.where('partner_id', '=', f.partnerId);
    if (f.active !== undefined) q = q.where('active', '=', Number(f.active));
    if (f.after) {
      const { organisation, name, id } = f.after;
      q = q.where((eb) =>
        eb.or([
          eb('organisation', '>', organisation),
          eb.and([eb('organisation', '=', organisation), eb('name', '>', name)]),
          eb.and([eb('organisation', '=', organisation), eb('name', '=', name), eb('id', '>', id)]),
        ]),
      );
    }
    return q.execute();
  }

  // Events

  async insertEvent(row: EventRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('campaign_events').values(row).execute();
  }

  async updateEvent(id: string, changes: Updateable<CampaignEventsTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('campaign_events').set(changes).where('id', '=', id).execute();
  }

  findEvent(campaignId: string, id: string, ex: Executor = this.db): Promise<EventRow | undefined> {
    return ex.selectFrom('campaign_events').selectAll().where('campaign_id', '=', campaignId).where('id', '=', id).executeTakeFirst();
  }

  listEvents(campaignId: string, ex: Executor = this.db): Promise<EventRow[]> {
    return ex.selectFrom('campaign_events').selectAll().where('campaign_id', '=', campaignId).orderBy('starts_at').orderBy('id').execute();
  }

  // Invitations

  async insertInvitations(rows: readonly InvitationRow[], ex: Executor = this.db): Promise<number> {
    if (rows.length === 0) return 0;
    const r = await ex
      .insertInto('campaign_event_invitations')
      .values([...rows])
      .onConflict((oc) => oc.columns(['event_id', 'stakeholder_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  async updateInvitation(id: string, changes: Updateable<CampaignEventInvitationsTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('campaign_event_invitations').set(changes).where('id', '=', id).execute();
  }

  findInvitation(eventId: string, id: string, ex: Executor = this.db): Promise<InvitationRow | undefined> {
    return ex.selectFrom('campaign_event_invitations').selectAll().where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst();
  }

  invitationsOf(eventIds: readonly string[], ex: Executor = this.db): Promise<InvitationRow[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return ex.selectFrom('campaign_event_invitations').selectAll().where('event_id', 'in', [...eventIds]).orderBy('invited_on').orderBy('id').execute();
  }

  // Topics raised and follow-ups

  async insertTopic(row: TopicRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('campaign_event_topics').values(row).execute();
  }

  async deleteTopic(eventId: string, id: string, ex: Executor = this.db): Promise<boolean> {
    const r = await ex.deleteFrom('campaign_event_topics').where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** How many recommendations say they were drawn from a topic (their topic ids are a JSON array of quoted ids). */
  async recommendationsCiting(topicId: string, ex: Executor = this.db): Promise<number> {
    const row = await ex.selectFrom('recommendations').select((eb) => eb.fn.countAll<number | string>().as('n')).where('topic_ids', 'like', `%"${topicId}"%`).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  topicsOf(eventIds: readonly string[], ex: Executor = this.db): Promise<TopicRow[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return ex.selectFrom('campaign_event_topics').selectAll().where('event_id', 'in', [...eventIds]).orderBy('id').execute();
  }

  async insertFollowUp(row: FollowUpRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('campaign_event_follow_ups').values(row).execute();
  }

  async updateFollowUp(id: string, changes: Updateable<CampaignEventFollowUpsTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('campaign_event_follow_ups').set(changes).where('id', '=', id).execute();
  }

  findFollowUp(eventId: string, id: string, ex: Executor = this.db): Promise<FollowUpRow | undefined> {
    return ex.selectFrom('campaign_event_follow_ups').selectAll().where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst();
  }

  followUpsOf(eventIds: readonly string[], ex: Executor = this.db): Promise<FollowUpRow[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    return ex.selectFrom('campaign_event_follow_ups').selectAll().where('event_id', 'in', [...eventIds]).orderBy('id').execute();
  }
}
