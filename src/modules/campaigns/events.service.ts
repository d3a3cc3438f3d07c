import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from './access.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { conflict, invalidFields, notFound, parseOr400, type FieldProblem } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { normalisePhone } from '../../platform/phone.js';
import { localDate, parseInstant } from '../../platform/time.js';
import { partnerRef } from '../partners/partners.presenter.js';
import { PartnersService, type Partner, type PartnerContact } from '../partners/partners.service.js';
import { eventFigures } from './campaign-report.js';
import type { Executor } from './campaigns.repository.js';
import type { CampaignsService } from './campaigns.service.js';
import { EventsRepository, type EventRow, type FollowUpRow, type InvitationRow, type StakeholderRow, type TopicRow } from './events.repository.js';
import {
  attendanceProblems,
  stakeholderKindOf,
  stakeholderSchemas,
  ZCreateEventRequest,
  ZCreateFollowUpRequest,
  ZCreateTopicRequest,
  ZInviteRequest,
  ZStakeholderListQuery,
  ZUpdateEventRequest,
  ZUpdateFollowUpRequest,
  ZUpdateInvitationRequest,
} from './outreach.schemas.js';
import { presentEvent, presentFollowUp, presentInvitation, presentStakeholder, presentTopic, type StakeholderDetails } from './outreach.presenter.js';

/** A person to add to the contact list, from a request or from the partner directory. */
interface NewStakeholder {
  name: string;
  organisation: string;
  kind: string;
  role?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  notes?: string | null | undefined;
  active?: boolean | undefined;
  partnerId?: string | undefined;
}

const nameKey = (name: string) => name.normalize('NFC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();

/** How a partner's contact (or, without one, the partner itself) is written into the contact list. */
function personOf(partner: Partner, contact: PartnerContact | undefined, homeCountry: string): NewStakeholder & { partnerId: string } {
  const phone = contact?.phone && (normalisePhone(contact.phone, homeCountry) ?? contact.phone);
  return {
    name: contact?.name ?? contact?.role ?? partner.name, role: contact?.name ? contact.role : undefined, organisation: partner.name,
    kind: stakeholderKindOf(partner.kind), email: contact?.email, phone, partnerId: partner.id,
  };
}

/**
 * Public events with stakeholders (online, hybrid or in person): invitations from the campaign
 * team's own stakeholder list and from the partner directory, answers and attendance, the topics raised in the discussion and
 * what was agreed to follow up. Stakeholders' e-mail addresses, phones and notes are encrypted.
 */
export class EventsService {
  private readonly repo: EventsRepository;
  private readonly partners: PartnersService;
  private readonly schemas: ReturnType<typeof stakeholderSchemas>;

  constructor(
    private readonly ctx: AppContext,
    private readonly campaigns: CampaignsService,
  ) {
    this.repo = new EventsRepository(ctx.db);
    this.partners = new PartnersService(ctx);
    this.schemas = stakeholderSchemas(ctx.config.orgCountry);
  }

  // Stakeholders

  private details(row: StakeholderRow) {
    const c = this.ctx.cipher;
    return { email: c.decryptOptional(row.email), phone: c.decryptOptional(row.phone), notes: c.decryptOptional(row.notes) };
  }

  private async present(row: StakeholderRow, ex: Executor, details?: StakeholderDetails) {
    const partner = row.partner_id ? (await this.partners.refsOf([row.partner_id], ex)).get(row.partner_id) : undefined;
    return presentStakeholder(row, partner, details);
  }

  /** A partner of the directory, or a 400 naming `field` when the id names none. */
  private async partnerOf(id: string, field: string, trx: Transaction<DB>): Promise<Partner> {
    const partner = (await this.partners.entriesOf([id], trx)).get(id);
    if (!partner) throw invalidFields([{ field, message: `no partner in the directory has the id ${id}` }]);
    return partner;
  }

  private async insertStakeholder(person: NewStakeholder, actor: Actor, trx: Transaction<DB>): Promise<StakeholderRow> {
    const c = this.ctx.cipher;
    const at = nowIso();
    const row: StakeholderRow = {
      id: newId(), name: person.name, organisation: person.organisation, role: person.role ?? null, kind: person.kind, email: c.encryptOptional(person.email),
      phone: c.encryptOptional(person.phone), notes: c.encryptOptional(person.notes), active: Number(person.active ?? true), partner_id: person.partnerId ?? null,
      created_at: at, updated_at: at,
    };
    await this.repo.insertStakeholder(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'stakeholder.created', targetType: 'stakeholder', targetId: row.id, details: { kind: row.kind, partnerId: row.partner_id } }, trx);
    return row;
  }

  /** Adds a person to the contact list. Linked to a partner, the organisation and kind default to the directory's. */
  async createStakeholder(input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(this.schemas.ZCreateStakeholderRequest, input);
    const partner = req.partnerId ? await this.partnerOf(req.partnerId, 'partnerId', trx) : undefined;
    const organisation = req.organisation ?? partner?.name;
    const kind = req.kind ?? (partner && stakeholderKindOf(partner.kind));
    const missing = [...(organisation ? [] : ['organisation']), ...(kind ? [] : ['kind'])];
    if (!organisation || !kind) throw invalidFields(missing.map((field) => ({ field, message: 'is required unless partnerId names a partner in the directory' })));
    const row = await this.insertStakeholder({ ...req, organisation, kind }, actor, trx);
    return presentStakeholder(row, partner && partnerRef(partner), this.details(row));
  }

  /** The list names people and organisations; contact details are read one stakeholder at a time, and that read is audited. */
  async listStakeholders(query: unknown) {
    const q = parseOr400(ZStakeholderListQuery, query);
    const after = q.cursor ? decodeCursor(q.cursor, 3) : undefined;
    const rows = await this.repo.listStakeholders({
      kind: q.kind, partnerId: q.partnerId, active: q.active === 'all' ? undefined : q.active === 'true',
      after: after && { organisation: after[0]!, name: after[1]!, id: after[2]! }, limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const partners = await this.partners.refsOf(page.flatMap((r) => (r.partner_id ? [r.partner_id] : [])));
    return {
      items: page.map((r) => presentStakeholder(r, r.partner_id ? partners.get(r.partner_id) : undefined)),
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.organisation, last.name, last.id]) : null,
    };
  }

  async getStakeholder(id: string, actor: Actor) {
    return this.ctx.db.transaction().execute(async (trx) => {
      const row = await this.repo.findStakeholder(id, trx);
      if (!row) throw notFound('Stakeholder');
      await this.ctx.audit.record({ actorId: actor.userId, action: 'stakeholder.read', targetType: 'stakeholder', targetId: id }, trx);
      return this.present(row, trx, this.details(row));
    });
  }

  async updateStakeholder(id: string, input: unknown, actor: Actor) {
    const req = parseOr400(this.schemas.ZUpdateStakeholderRequest, input);
    const c = this.ctx.cipher;
    return this.ctx.db.transaction().execute(async (trx) => {
      if (!(await this.repo.findStakeholder(id, trx))) throw notFound('Stakeholder');
      if (req.partnerId) await this.partnerOf(req.partnerId, 'partnerId', trx);
      await this.repo.updateStakeholder(id, {
        ...(req.name !== undefined ? { name: req.name } : {}),
        ...(req.organisation !== undefined ? { organisation: req.organisation } : {}),
        ...(req.role !== undefined ? { role: req.role } : {}),
        ...(req.kind !== undefined ? { kind: req.kind } : {}),
        ...(req.email !== undefined ? { email: c.encryptOptional(req.email) } : {}),
        ...(req.phone !== undefined ? { phone: c.encryptOptional(req.phone) } : {}),
        ...(req.notes !== undefined ? { notes: c.encryptOptional(req.notes) } : {}),
        ...(req.active !== undefined ? { active: Number(req.active) } : {}),
        ...(req.partnerId !== undefined ? { partner_id: req.partnerId } : {}),
        updated_at: nowIso(),
      }, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'stakeholder.updated', targetType: 'stakeholder', targetId: id, details: { fields: Object.keys(req) } }, trx);
      const row = (await this.repo.findStakeholder(id, trx))!;
      return this.present(row, trx, this.details(row));
    });
  }

  /**
   * The directory absorbs the contact list: each stakeholder not yet linked whose organisation is
   * the name of exactly one active partner (ignoring case and spacing) is linked to it. Names that
   * match no partner, or several, are left for people to link by hand.
   */
  async linkToDirectory(actor: Actor) {
    return this.ctx.db.transaction().execute(async (trx) => {
      const byName = new Map<string, string[]>();
      for (const p of await this.partners.activeRefs(trx)) byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), p.id]);
      const unlinked = await this.repo.unlinkedStakeholders(trx);
      let linked = 0;
      const at = nowIso();
      for (const s of unlinked) {
        const match = byName.get(nameKey(s.organisation));
        if (match?.length !== 1) continue;
        await this.repo.updateStakeholder(s.id, { partner_id: match[0], updated_at: at }, trx);
        await this.ctx.audit.record({ actorId: actor.userId, action: 'stakeholder.updated', targetType: 'stakeholder', targetId: s.id, details: { fields: ['partnerId'] } }, trx);
        linked += 1;
      }
      return { linked, unlinked: unlinked.length - linked };
    });
  }

  /**
   * The stakeholders standing for partners of the directory: one of a partner's contacts, or the
   * organisation itself. Each is added to the contact list, copied from the directory, the first
   * time it is invited; later invitations find it again by partner and name.
   */
  private async stakeholdersOfPartners(invitees: readonly { partnerId: string; contact?: number | undefined }[], actor: Actor, trx: Transaction<DB>): Promise<string[]> {
    if (invitees.length === 0) return [];
    const partners = await this.partners.entriesOf(invitees.map((i) => i.partnerId), trx);
    const problems: FieldProblem[] = [];
    const people = invitees.flatMap(({ partnerId, contact }, i): NewStakeholder[] => {
      const partner = partners.get(partnerId);
      if (!partner) problems.push({ field: `partners.${i}.partnerId`, message: `no partner in the directory has the id ${partnerId}` });
      else if (contact !== undefined && contact >= partner.contacts.length) problems.push({ field: `partners.${i}.contact`, message: `${partner.name} has ${partner.contacts.length} contacts in the directory` });
      else return [personOf(partner, contact === undefined ? undefined : partner.contacts[contact], this.ctx.config.orgCountry)];
      return [];
    });
    if (problems.length) throw invalidFields(problems);
    const ids: string[] = [];
    for (const person of people) {
      const existing = await this.repo.findStakeholderOfPartner(person.partnerId!, person.name, trx);
      ids.push(existing ? existing.id : (await this.insertStakeholder(person, actor, trx)).id);
    }
    return ids;
  }

  // Events

  private async eventRow(campaignId: string, id: string, ex?: Executor): Promise<EventRow> {
    const row = await this.repo.findEvent(campaignId, id, ex);
    if (!row) throw notFound('Event');
    return row;
  }

  async createEvent(campaignId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateEventRequest, input);
    const problems = attendanceProblems(req);
    if (problems.length) throw invalidFields(problems);
    await this.campaigns.campaignRow(campaignId, trx);
    const at = nowIso();
    const row: EventRow = {
      id: newId(), campaign_id: campaignId, title: req.title, format: req.format, starts_at: req.startsAt, ends_at: req.endsAt ?? null, venue: req.venue ?? null,
      online_url: req.onlineUrl ?? null, language: req.language ?? null, description: req.description ?? null, attended_online: req.attendedOnline ?? null,
      attended_in_person: req.attendedInPerson ?? null, created_by: actor.userId, created_at: at, updated_at: at,
    };
    await this.repo.insertEvent(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.event.created', targetType: 'campaign_event', targetId: row.id, details: { campaignId, format: req.format } }, trx);
    return presentEvent(row);
  }

  async listEvents(campaignId: string) {
    await this.campaigns.campaignRow(campaignId);
    return { items: (await this.repo.listEvents(campaignId)).map(presentEvent), nextCursor: null };
  }

  /** An event with its topics, follow-ups and a summary of its invitations. */
  async getEvent(campaignId: string, id: string) {
    const row = await this.eventRow(campaignId, id);
    const [invitations, topics, followUps] = await Promise.all([this.repo.invitationsOf([id]), this.repo.topicsOf([id]), this.repo.followUpsOf([id])]);
    const count = (pick: (i: InvitationRow) => boolean) => invitations.filter(pick).length;
    return {
      ...presentEvent(row),
      invitations: { total: invitations.length, yes: count((i) => i.rsvp === 'yes'), no: count((i) => i.rsvp === 'no'), maybe: count((i) => i.rsvp === 'maybe'), pending: count((i) => i.rsvp === 'pending') },
      topics: topics.map(presentTopic),
      followUps: followUps.map(presentFollowUp),
    };
  }

  async updateEvent(campaignId: string, id: string, input: unknown, actor: Actor) {
    const req = parseOr400(ZUpdateEventRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const before = await this.eventRow(campaignId, id, trx);
      const after = {
        format: req.format ?? before.format,
        startsAt: req.startsAt ?? before.starts_at,
        endsAt: req.endsAt === undefined ? before.ends_at : req.endsAt,
        attendedOnline: req.attendedOnline === undefined ? before.attended_online : req.attendedOnline,
        attendedInPerson: req.attendedInPerson === undefined ? before.attended_in_person : req.attendedInPerson,
      };
      const problems = attendanceProblems(after);
      if (after.endsAt && parseInstant(after.endsAt)! < parseInstant(after.startsAt)!) problems.push({ field: req.endsAt ? 'endsAt' : 'startsAt', message: req.endsAt ? 'must not be before startsAt' : 'must not be after endsAt' });
      if (problems.length) throw invalidFields(problems);
      await this.repo.updateEvent(id, {
        ...(req.title !== undefined ? { title: req.title } : {}),
        format: after.format, starts_at: after.startsAt, ends_at: after.endsAt, attended_online: after.attendedOnline, attended_in_person: after.attendedInPerson,
        ...(req.venue !== undefined ? { venue: req.venue } : {}),
        ...(req.onlineUrl !== undefined ? { online_url: req.onlineUrl } : {}),
        ...(req.language !== undefined ? { language: req.language } : {}),
        ...(req.description !== undefined ? { description: req.description } : {}),
        updated_at: nowIso(),
      }, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.event.updated', targetType: 'campaign_event', targetId: id, details: { campaignId, fields: Object.keys(req) } }, trx);
      return presentEvent(await this.eventRow(campaignId, id, trx));
    });
  }

  // Invitations

  /**
   * Invites stakeholders of the contact list and people of the partner directory; one already
   * invited is not invited twice. Unknown ids are a 400 naming them, and then nothing is written.
   */
  async invite(campaignId: string, eventId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZInviteRequest, input);
    await this.eventRow(campaignId, eventId, trx);
    const known = await this.repo.stakeholdersByIds(req.stakeholderIds, trx);
    const unknown = req.stakeholderIds.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
    if (unknown.length) throw invalidFields(unknown.map(({ id, i }) => ({ field: `stakeholderIds.${i}`, message: `no stakeholder has the id ${id}` })));
    const stakeholderIds = [...new Set([...req.stakeholderIds, ...(await this.stakeholdersOfPartners(req.partners, actor, trx))])];
    const at = nowIso();
    const invitedOn = req.invitedOn ?? localDate(Date.now(), this.ctx.config.orgTimezone);
    const rows: InvitationRow[] = stakeholderIds.map((stakeholderId) => ({
      id: newId(), event_id: eventId, stakeholder_id: stakeholderId, invited_on: invitedOn, rsvp: 'pending', attendance: 'unknown', updated_at: at,
    }));
    const invited = await this.repo.insertInvitations(rows, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.event.invited', targetType: 'campaign_event', targetId: eventId, details: { campaignId, invited } }, trx);
    return { invited, alreadyInvited: rows.length - invited };
  }

  async listInvitations(campaignId: string, eventId: string) {
    await this.eventRow(campaignId, eventId);
    const rows = await this.repo.invitationsOf([eventId]);
    const people = await this.repo.stakeholdersByIds(rows.map((r) => r.stakeholder_id));
    return { items: rows.map((r) => presentInvitation(r, people.get(r.stakeholder_id))), nextCursor: null };
  }

  async updateInvitation(campaignId: string, eventId: string, id: string, input: unknown, actor: Actor) {
    const req = parseOr400(ZUpdateInvitationRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const event = await this.eventRow(campaignId, eventId, trx);
      if (!(await this.repo.findInvitation(eventId, id, trx))) throw notFound('Invitation');
      const problems = req.attendance ? attendanceProblems({ format: event.format, attendedOnline: req.attendance === 'online' ? 1 : 0, attendedInPerson: req.attendance === 'in_person' ? 1 : 0 }) : [];
      if (problems.length) throw invalidFields([{ field: 'attendance', message: problems[0]!.message }]);
      await this.repo.updateInvitation(id, { ...(req.rsvp ? { rsvp: req.rsvp } : {}), ...(req.attendance ? { attendance: req.attendance } : {}), updated_at: nowIso() }, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.event.invitation_updated', targetType: 'campaign_event', targetId: eventId, details: { campaignId, invitationId: id, fields: Object.keys(req) } }, trx);
      const row = (await this.repo.findInvitation(eventId, id, trx))!;
      return presentInvitation(row, await this.repo.findStakeholder(row.stakeholder_id, trx));
    });
  }

  // Topics and follow-ups

  async addTopic(campaignId: string, eventId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateTopicRequest, input);
    await this.eventRow(campaignId, eventId, trx);
    const row: TopicRow = { id: newId(), event_id: eventId, text: req.text, raised_by: req.raisedBy ?? null, created_at: nowIso() };
    await this.repo.insertTopic(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.event.topic_added', targetType: 'campaign_event', targetId: eventId, details: { campaignId, topicId: row.id } }, trx);
    return presentTopic(row);
  }

  async deleteTopic(campaignId: string, eventId: string, id: string, actor: Actor): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.eventRow(campaignId, eventId, trx);
      if (!(await this.repo.deleteTopic(eventId, id, trx))) throw notFound('Topic');
      // A recommendation drawn from the topic would lose where it came from; the deletion is undone.
      const citing = await this.repo.recommendationsCiting(id, trx);
      if (citing > 0) throw conflict(`${citing === 1 ? 'A recommendation is' : `${citing} recommendations are`} drawn from this topic: take the topic off ${citing === 1 ? 'it' : 'them'} first.`, 'topic_in_use');
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.event.topic_deleted', targetType: 'campaign_event', targetId: eventId, details: { campaignId, topicId: id } }, trx);
    });
  }

  /** Every topic raised at the campaign's events, oldest first, with the event it was raised at. */
  async topicsOfCampaign(campaignId: string, ex?: Executor) {
    const events = await this.repo.listEvents(campaignId, ex);
    const titles = new Map(events.map((e) => [e.id, e.title]));
    return (await this.repo.topicsOf(events.map((e) => e.id), ex)).map((t) => ({ ...presentTopic(t), eventTitle: titles.get(t.event_id) ?? null }));
  }

  async addFollowUp(campaignId: string, eventId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateFollowUpRequest, input);
    await this.eventRow(campaignId, eventId, trx);
    const at = nowIso();
    const row: FollowUpRow = { id: newId(), event_id: eventId, action: req.action, owner: req.owner ?? null, due_on: req.dueOn ?? null, done: Number(req.done), created_at: at, updated_at: at };
    await this.repo.insertFollowUp(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.event.follow_up_added', targetType: 'campaign_event', targetId: eventId, details: { campaignId, followUpId: row.id } }, trx);
    return presentFollowUp(row);
  }

  async updateFollowUp(campaignId: string, eventId: string, id: string, input: unknown, actor: Actor) {
    const req = parseOr400(ZUpdateFollowUpRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      await this.eventRow(campaignId, eventId, trx);
      if (!(await this.repo.findFollowUp(eventId, id, trx))) throw notFound('Follow-up');
      await this.repo.updateFollowUp(id, {
        ...(req.action !== undefined ? { action: req.action } : {}),
        ...(req.owner !== undefined ? { owner: req.owner } : {}),
        ...(req.dueOn !== undefined ? { due_on: req.dueOn } : {}),
        ...(req.done !== undefined ? { done: Number(req.done) } : {}),
        updated_at: nowIso(),
      }, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.event.follow_up_updated', targetType: 'campaign_event', targetId: eventId, details: { campaignId, followUpId: id, fields: Object.keys(req) } }, trx);
      return presentFollowUp((await this.repo.findFollowUp(eventId, id, trx))!);
    });
  }

  async figures(campaignId: string) {
    const events = await this.repo.listEvents(campaignId);
    const ids = events.map((e) => e.id);
    const [invitations, topics, followUps] = await Promise.all([this.repo.invitationsOf(ids), this.repo.topicsOf(ids), this.repo.followUpsOf(ids)]);
    return eventFigures(events, invitations, topics.length, followUps);
  }
}
