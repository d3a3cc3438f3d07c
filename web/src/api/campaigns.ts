import type { CampaignReport } from '../../../src/modules/campaigns/campaign-export.js';
import type { presentCampaign, presentPage, presentPost } from '../../../src/modules/campaigns/campaigns.presenter.js';
import type { Channel } from '../../../src/modules/campaigns/campaigns.schemas.js';
import type { presentDistribution, presentEvent, presentFollowUp, presentInvitation, presentMaterial, presentPublication, presentRecommendation, presentStakeholder, presentTopic } from '../../../src/modules/campaigns/outreach.presenter.js';
import type { ADDRESSEE_KINDS, ATTENDANCE, CARRIER_KINDS, EVENT_FORMATS, MATERIAL_KINDS, PLACE_KINDS, RSVPS, STAKEHOLDER_KINDS } from '../../../src/modules/campaigns/outreach.schemas.js';
import type { presentImage } from '../../../src/modules/campaigns/images.service.js';
import type { ImportResult as PostImportResult, RejectedRow } from '../../../src/modules/campaigns/post-import.service.js';
import { request, type Page, type Query } from './client.js';

export type Campaign = ReturnType<typeof presentCampaign>;
export type Post = ReturnType<typeof presentPost>;
export type CampaignPage = ReturnType<typeof presentPage>;
export type { CampaignReport, Channel, PostImportResult, RejectedRow };

/** A Record's keys in the order its numbers give. */
const ordered = <K extends string>(order: Record<K, number>) => (Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);

// The server's lists would bring its validation library into the bundle; the Records make the
// compiler insist on exactly the server's values all the same. The numbers give the order on screen.
const CHANNEL_ORDER: Record<Channel, number> = { facebook: 1, twitter: 2, instagram: 3, linkedin: 4, youtube: 5, tiktok: 6, website: 7, other: 8 };
export const CHANNEL_IDS = ordered(CHANNEL_ORDER);

export type Metric = 'reach' | 'impressions' | 'engagements' | 'clicks' | 'videoViews';
const METRIC_ORDER: Record<Metric, number> = { reach: 1, impressions: 2, engagements: 3, clicks: 4, videoViews: 5 };
export const METRIC_IDS = ordered(METRIC_ORDER);

export interface CampaignFields {
  name?: string;
  slug?: string;
  startsOn?: string;
  endsOn?: string;
  languages?: string[];
  goals?: string[];
  audiences?: string[];
}

export type PostFields = { channel?: Channel; publishedAt?: string; language?: string; url?: string; topic?: string; text?: string } & Partial<Record<Metric, number>>;

const base = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export const listCampaigns = (query: Query = {}) => request<Page<Campaign>>('GET', '/campaigns', { query });
export const getCampaign = (id: string) => request<Campaign>('GET', base(id));
export const createCampaign = (body: CampaignFields, idempotencyKey: string) => request<Campaign>('POST', '/campaigns', { body, idempotencyKey });
export const updateCampaign = (id: string, body: CampaignFields) => request<Campaign>('PATCH', base(id), { body });

export const listPosts = (id: string, query: Query = {}) => request<Page<Post>>('GET', `${base(id)}/posts`, { query });
export const createPost = (id: string, body: PostFields, idempotencyKey: string) => request<Post>('POST', `${base(id)}/posts`, { body, idempotencyKey });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A network's export as it is; the server recognises Meta Business Suite and X analytics files. */
export function importPosts(id: string, file: File, opts: { dryRun: boolean; skipInvalid: boolean; key?: string }) {
  const type = /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
  return request<PostImportResult>('POST', `${base(id)}/posts/imports`, {
    file: { data: file, type },
    query: { dryRun: opts.dryRun, skipInvalid: opts.skipInvalid },
    ...(opts.key ? { idempotencyKey: opts.key } : {}),
  });
}

export const getReport = (id: string) => request<CampaignReport>('GET', `${base(id)}/report`);
/** Downloads go through the browser, which sends the session cookie: a link, not a fetch. */
export const reportExportUrl = (id: string, format: 'csv' | 'xlsx' | 'pdf', lang: string) => `/api/v1${base(id)}/report/export?format=${format}&lang=${encodeURIComponent(lang)}`;

export const listPages = (id: string) => request<{ items: CampaignPage[] }>('GET', `${base(id)}/pages`);
export const getPage = (id: string, lang: string) => request<CampaignPage>('GET', `${base(id)}/pages/${encodeURIComponent(lang)}`);
export const putPage = (id: string, lang: string, body: { title: string; body: string }) => request<CampaignPage>('PUT', `${base(id)}/pages/${encodeURIComponent(lang)}`, { body });
/** The page as the public site will render it (the server's own Markdown rendering); nothing is stored. */
export const previewPage = (id: string, lang: string, body: { title: string; body: string }) =>
  request<{ title: string; html: string }>('POST', `${base(id)}/pages/${encodeURIComponent(lang)}/preview`, { body });

export type CampaignImage = ReturnType<typeof presentImage>;
export const listImages = (id: string) => request<Page<CampaignImage>>('GET', `${base(id)}/images`);
/** The image file as it is, its description as `alt`; the server re-encodes it without its metadata. */
export const uploadImage = (id: string, file: File, alt: string) =>
  request<CampaignImage>('POST', `${base(id)}/images`, { file: { data: file, type: file.type || 'application/octet-stream' }, query: { alt } });
export const deleteImage = (id: string, imageId: string) => request<void>('DELETE', `${base(id)}/images/${encodeURIComponent(imageId)}`);

export type Material = ReturnType<typeof presentMaterial>;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export type CarrierKind = (typeof CARRIER_KINDS)[number];
export type PlaceKind = (typeof PLACE_KINDS)[number];
const MATERIAL_ORDER: Record<MaterialKind, number> = { leaflet: 1, poster: 2, booklet: 3, brochure: 4, card: 5, sticker: 6, other: 7 };
const CARRIER_ORDER: Record<CarrierKind, number> = { union: 1, school: 2, outreach_team: 3, ngo: 4, employer: 5, public_institution: 6, other: 7 };
const PLACE_ORDER: Record<PlaceKind, number> = { construction_site: 1, workplace: 2, workers_accommodation: 3, school: 4, event: 5, office: 6, public_space: 7, other: 8 };
export const MATERIAL_KIND_IDS = ordered(MATERIAL_ORDER);
export const CARRIER_KIND_IDS = ordered(CARRIER_ORDER);
export const PLACE_KIND_IDS = ordered(PLACE_ORDER);

export interface MaterialFields {
  kind?: MaterialKind;
  title?: string;
  language?: string;
  printRun?: number;
  /** Null removes it when changing an item. */
  printedOn?: string | null;
  notes?: string | null;
}
export interface DistributionFields {
  partner?: string;
  partnerKind?: CarrierKind;
  place?: string;
  placeKind?: PlaceKind;
  city?: string;
  quantity?: number;
  distributedOn?: string;
}

export type Distribution = ReturnType<typeof presentDistribution>;
/** An item with the records of the copies handed out, in the order they were handed out. */
export type MaterialDetails = Material & { distributions: Distribution[] };
const material = (id: string, materialId: string) => `${base(id)}/materials/${encodeURIComponent(materialId)}`;

export const listMaterials = (id: string) => request<Page<Material>>('GET', `${base(id)}/materials`);
export const getMaterial = (id: string, materialId: string) => request<MaterialDetails>('GET', material(id, materialId));
export const createMaterial = (id: string, body: MaterialFields, idempotencyKey: string) => request<Material>('POST', `${base(id)}/materials`, { body, idempotencyKey });
/** A print run below the copies already handed out is refused, naming `printRun`. */
export const updateMaterial = (id: string, materialId: string, body: MaterialFields) => request<Material>('PATCH', material(id, materialId), { body });
export const distributeMaterial = (id: string, materialId: string, body: DistributionFields, idempotencyKey: string) =>
  request<unknown>('POST', `${material(id, materialId)}/distributions`, { body, idempotencyKey });
/** Undoes a record entered by mistake: its copies are back in stock. */
export const deleteDistribution = (id: string, materialId: string, distributionId: string) =>
  request<void>('DELETE', `${material(id, materialId)}/distributions/${encodeURIComponent(distributionId)}`);

export type CampaignEvent = ReturnType<typeof presentEvent>;
export type EventDetails = CampaignEvent & {
  invitations: { total: number; yes: number; no: number; maybe: number; pending: number };
  topics: ReturnType<typeof presentTopic>[];
  followUps: ReturnType<typeof presentFollowUp>[];
};
export type Invitation = ReturnType<typeof presentInvitation>;
export type Stakeholder = ReturnType<typeof presentStakeholder>;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export type Rsvp = (typeof RSVPS)[number];
export type Attendance = (typeof ATTENDANCE)[number];
const FORMAT_ORDER: Record<EventFormat, number> = { online: 1, hybrid: 2, in_person: 3 };
const RSVP_ORDER: Record<Rsvp, number> = { pending: 1, yes: 2, maybe: 3, no: 4 };
const ATTENDANCE_ORDER: Record<Attendance, number> = { unknown: 1, in_person: 2, online: 3, absent: 4 };
export const EVENT_FORMAT_IDS = ordered(FORMAT_ORDER);
export const RSVP_IDS = ordered(RSVP_ORDER);
export const ATTENDANCE_IDS = ordered(ATTENDANCE_ORDER);

export interface EventFields {
  title?: string;
  format?: EventFormat;
  startsAt?: string;
  venue?: string;
  onlineUrl?: string;
  attendedOnline?: number | null;
  attendedInPerson?: number | null;
}

const event = (id: string, eventId: string) => `${base(id)}/events/${encodeURIComponent(eventId)}`;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];
const STAKEHOLDER_KIND_ORDER: Record<StakeholderKind, number> = {
  ministry: 1, labour_inspection: 2, police: 3, prosecutor: 4, state_centre: 5, social_welfare: 6, employment_service: 7, local_government: 8,
  union: 9, employer: 10, ngo: 11, international_organisation: 12, media: 13, academia: 14, other: 15,
};
export const STAKEHOLDER_KIND_IDS = ordered(STAKEHOLDER_KIND_ORDER);
export interface StakeholderFields {
  name?: string;
  organisation?: string;
  kind?: StakeholderKind;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
  active?: boolean;
  /** The partner of the directory the stakeholder belongs to; null unlinks. */
  partnerId?: string | null;
}

/** A partner of the directory to invite: one of its contacts, by position in its list, or the organisation itself. */
export interface PartnerInvitee {
  partnerId: string;
  contact?: number;
}
const stakeholder = (id: string) => `/stakeholders/${encodeURIComponent(id)}`;
/** The list names people and organisations only; `getStakeholder` brings the contact details (an audited read). */
export const listStakeholders = (query: Query = {}) => request<Page<Stakeholder>>('GET', '/stakeholders', { query: { limit: 500, ...query } });
export const getStakeholder = (id: string) => request<Stakeholder>('GET', stakeholder(id));
export const createStakeholder = (body: StakeholderFields, idempotencyKey: string) => request<Stakeholder>('POST', '/stakeholders', { body, idempotencyKey });
export const updateStakeholder = (id: string, body: StakeholderFields) => request<Stakeholder>('PATCH', stakeholder(id), { body });
/** Links each stakeholder whose organisation is the name of exactly one active partner to that partner. */
export const linkStakeholdersToDirectory = () => request<{ linked: number; unlinked: number }>('POST', '/stakeholders/link-to-directory');
export const listEvents = (id: string) => request<Page<CampaignEvent>>('GET', `${base(id)}/events`);
export const getEvent = (id: string, eventId: string) => request<EventDetails>('GET', event(id, eventId));
export const createEvent = (id: string, body: EventFields, idempotencyKey: string) => request<CampaignEvent>('POST', `${base(id)}/events`, { body, idempotencyKey });
export const updateEvent = (id: string, eventId: string, body: EventFields) => request<CampaignEvent>('PATCH', event(id, eventId), { body });
export const listInvitations = (id: string, eventId: string) => request<Page<Invitation>>('GET', `${event(id, eventId)}/invitations`);
export const invite = (id: string, eventId: string, body: { stakeholderIds?: string[]; partners?: PartnerInvitee[] }, idempotencyKey: string) =>
  request<{ invited: number; alreadyInvited: number }>('POST', `${event(id, eventId)}/invitations`, { body, idempotencyKey });
export const updateInvitation = (id: string, eventId: string, invitationId: string, body: { rsvp?: Rsvp; attendance?: Attendance }) =>
  request<Invitation>('PATCH', `${event(id, eventId)}/invitations/${encodeURIComponent(invitationId)}`, { body });
export const addTopic = (id: string, eventId: string, body: { text: string; raisedBy?: string }, idempotencyKey: string) =>
  request<unknown>('POST', `${event(id, eventId)}/topics`, { body, idempotencyKey });
export const deleteTopic = (id: string, eventId: string, topicId: string) => request<void>('DELETE', `${event(id, eventId)}/topics/${encodeURIComponent(topicId)}`);
export const addFollowUp = (id: string, eventId: string, body: { action: string; owner?: string; dueOn?: string }, idempotencyKey: string) =>
  request<unknown>('POST', `${event(id, eventId)}/follow-ups`, { body, idempotencyKey });
export const updateFollowUp = (id: string, eventId: string, followUpId: string, body: { done: boolean }) =>
  request<unknown>('PATCH', `${event(id, eventId)}/follow-ups/${encodeURIComponent(followUpId)}`, { body });

export type Publication = ReturnType<typeof presentPublication>;
export type Recommendation = ReturnType<typeof presentRecommendation>;
export type Localised = Publication['title'];
export type AddresseeKind = (typeof ADDRESSEE_KINDS)[number];
export type CampaignTopic = ReturnType<typeof presentTopic> & { eventTitle: string | null };
const ADDRESSEE_ORDER: Record<AddresseeKind, number> = {
  government: 1, national_assembly: 2, ministry_labour: 3, ministry_interior: 4, ministry_education: 5, labour_inspection: 6, police: 7, prosecutor: 8,
  state_centre: 9, employment_service: 10, local_government: 11, employers: 12, unions: 13, other: 14,
};
export const ADDRESSEE_KIND_IDS = ordered(ADDRESSEE_ORDER);
/** The languages recommendations are written in; Serbian Cyrillic is transliterated from Latin. */
export const PUBLICATION_LANGS = ['sr-Latn', 'en'] as const satisfies readonly (keyof Localised)[];

export interface PublicationFields {
  slug?: string;
  title?: Localised;
  published?: boolean;
}
export interface RecommendationFields {
  addresseeKind?: AddresseeKind;
  addressee?: Localised;
  gap?: Localised;
  text?: Localised;
  topicIds?: string[];
}

const publication = (id: string, publicationId: string) => `${base(id)}/publications/${encodeURIComponent(publicationId)}`;
export const listTopics = (id: string) => request<Page<CampaignTopic>>('GET', `${base(id)}/topics`);
export const listPublications = (id: string) => request<Page<Publication>>('GET', `${base(id)}/publications`);
export const createPublication = (id: string, body: PublicationFields, idempotencyKey: string) => request<Publication>('POST', `${base(id)}/publications`, { body, idempotencyKey });
export const updatePublication = (id: string, publicationId: string, body: PublicationFields) => request<Publication>('PATCH', publication(id, publicationId), { body });
export const addRecommendation = (id: string, publicationId: string, body: RecommendationFields, idempotencyKey: string) =>
  request<Recommendation>('POST', `${publication(id, publicationId)}/recommendations`, { body, idempotencyKey });
export const updateRecommendation = (id: string, publicationId: string, recommendationId: string, body: RecommendationFields) =>
  request<Recommendation>('PATCH', `${publication(id, publicationId)}/recommendations/${encodeURIComponent(recommendationId)}`, { body });
export const deleteRecommendation = (id: string, publicationId: string, recommendationId: string) =>
  request<void>('DELETE', `${publication(id, publicationId)}/recommendations/${encodeURIComponent(recommendationId)}`);
