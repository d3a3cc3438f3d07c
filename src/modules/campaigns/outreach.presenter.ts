import type { DistributionRow, MaterialRow } from './materials.repository.js';
import type { EventRow, FollowUpRow, InvitationRow, StakeholderRow, TopicRow } from './events.repository.js';
import type { PublicationRow, RecommendationRow } from './recommendations.repository.js';
import type { PartnerRef } from '../partners/partners.service.js';
import type { Localised } from './outreach.schemas.js';

/**
 * JSON shapes of printed materials, events, stakeholders and recommendations. Campaign and
 * coordinator staff see all of them; a stakeholder's contact details appear only where asked
 * for one by one (a list names people and organisations, not their phones).
 */
export function presentMaterial(row: MaterialRow, distributed: number) {
  return {
    id: row.id, campaignId: row.campaign_id, kind: row.kind, title: row.title, language: row.language, printRun: row.print_run,
    printedOn: row.printed_on, notes: row.notes, distributed, inStock: row.print_run - distributed, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function presentDistribution(row: DistributionRow) {
  return {
    id: row.id, materialId: row.material_id, partner: row.partner, partnerKind: row.partner_kind, place: row.place, placeKind: row.place_kind,
    city: row.city, quantity: row.quantity, distributedOn: row.distributed_on, notes: row.notes, createdAt: row.created_at,
  };
}

export interface StakeholderDetails {
  email: string | null;
  phone: string | null;
  notes: string | null;
}

/** `partner` names the directory entry a stakeholder is linked to (null when not linked, or linked to an entry since gone). */
export function presentStakeholder(row: StakeholderRow, partner: PartnerRef | undefined, details?: StakeholderDetails) {
  return {
    id: row.id, name: row.name, organisation: row.organisation, role: row.role, kind: row.kind, active: Boolean(row.active), partner: partner ?? null,
    ...(details ?? {}), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function presentEvent(row: EventRow) {
  return {
    id: row.id, campaignId: row.campaign_id, title: row.title, format: row.format, startsAt: row.starts_at, endsAt: row.ends_at, venue: row.venue,
    onlineUrl: row.online_url, language: row.language, description: row.description, attendedOnline: row.attended_online,
    attendedInPerson: row.attended_in_person, participants: (row.attended_online ?? 0) + (row.attended_in_person ?? 0), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function presentInvitation(row: InvitationRow, stakeholder: StakeholderRow | undefined) {
  return {
    id: row.id, eventId: row.event_id, stakeholder: stakeholder ? { id: stakeholder.id, name: stakeholder.name, organisation: stakeholder.organisation, kind: stakeholder.kind } : { id: row.stakeholder_id },
    invitedOn: row.invited_on, rsvp: row.rsvp, attendance: row.attendance, updatedAt: row.updated_at,
  };
}

export function presentTopic(row: TopicRow) {
  return { id: row.id, eventId: row.event_id, text: row.text, raisedBy: row.raised_by, createdAt: row.created_at };
}

export function presentFollowUp(row: FollowUpRow) {
  return { id: row.id, eventId: row.event_id, action: row.action, owner: row.owner, dueOn: row.due_on, done: Boolean(row.done), createdAt: row.created_at, updatedAt: row.updated_at };
}

const localised = (json: string) => JSON.parse(json) as Localised;

export const publicationPath = (lang: string, slug: string) => `/${lang}/recommendations/${slug}`;

export function presentRecommendation(row: RecommendationRow) {
  return {
    id: row.id, publicationId: row.publication_id, position: row.position, addresseeKind: row.addressee_kind, addressee: localised(row.addressee),
    gap: localised(row.gap), text: localised(row.text), topicIds: JSON.parse(row.topic_ids) as string[], createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function presentPublication(row: PublicationRow, recommendations: readonly RecommendationRow[]) {
  return {
    id: row.id, campaignId: row.campaign_id, slug: row.slug, title: localised(row.title), intro: localised(row.intro), published: row.published_at !== null,
    publishedAt: row.published_at, paths: row.published_at ? ['sr-Latn', 'sr-Cyrl', 'en'].map((l) => publicationPath(l, row.slug)) : [],
    recommendations: recommendations.map(presentRecommendation), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}
