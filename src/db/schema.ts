// Table types as Kysely sees them. Modules add their tables here beside their migrations.
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  roles: string;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  recovery_codes: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_verified: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface AuditEventsTable {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface IdempotencyKeysTable {
  key: string;
  scope: string;
  status: number;
  body: string;
  created_at: string;
}

export interface ContactsTable {
  id: string;
  reference: string | null;
  received_at: string;
  channel: string;
  /** JSON array of topic ids; contact_topics indexes them. */
  topics: string;
  language: string | null;
  caller_role: string | null;
  sex: string | null;
  age_group: string | null;
  nationality: string | null;
  destination_country: string | null;
  heard_about_code: string | null;
  heard_about: string | null;
  summary: string | null;
  referral_given: string | null;
  /** Encrypted JSON: the caller's name, phone, e-mail, preferred way and safe time to be called. */
  caller: string | null;
  phone_hash: string | null;
  job_check: string | null;
  job_check_risk: string | null;
  status: string;
  assignee_id: string | null;
  source: string;
  fingerprint: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactTopicsTable {
  contact_id: string;
  topic: string;
  received_at: string;
}

/** Contacts per UTC day (YYYY-MM-DD of received_at) and channel, kept by triggers on contacts. */
export interface ContactChannelDaysTable {
  day: string;
  channel: string;
  n: number;
}

/** Contacts per UTC day and topic, kept by triggers on contact_topics. */
export interface ContactTopicDaysTable {
  day: string;
  topic: string;
  n: number;
}

export interface CasesTable {
  id: string;
  reference: string;
  status: string;
  identified_on: string | null;
  opened_on: string;
  closed_on: string | null;
  sex: string;
  age: number | null;
  child: number | null;
  citizenship: string;
  /** JSON arrays. */
  languages: string;
  exploitation_types: string;
  sector: string | null;
  country_of_recruitment: string | null;
  place_of_recruitment: string | null;
  country_of_exploitation: string | null;
  place_of_exploitation: string | null;
  recruitment_method: string | null;
  recruiter_relation: string | null;
  means_of_control: string;
  referred_by: string | null;
  contact_id: string | null;
  /** Encrypted: identity fields (contact and document_numbers as JSON) and notes. */
  name: string | null;
  date_of_birth: string | null;
  contact: string | null;
  document_numbers: string | null;
  notes: string | null;
  identity_erased_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseReferenceCountersTable {
  year: number;
  last_number: number;
}

export interface CaseStatusChangesTable {
  id: string;
  case_id: string;
  status: string;
  decided_on: string;
  identifying_body: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  recorded_at: string;
}

export interface CaseAssessmentsTable {
  id: string;
  case_id: string;
  version: number;
  /** JSON array of indicator ids; indicator_notes is encrypted JSON {id: note}. */
  indicators: string;
  indicator_notes: string | null;
  age: number | null;
  result: string;
  assessed_by: string | null;
  assessed_by_name: string | null;
  assessed_at: string;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  /** JSON array of field names; changes is JSON {field: {from, to}} for fields without secrets. */
  fields: string;
  changes: string;
}

export interface CaseServicesTable {
  id: string;
  case_id: string;
  kind: string;
  started_on: string;
  ended_on: string | null;
  partner_id: string | null;
  provider: string | null;
  /** Encrypted. */
  outcome: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseReferralsTable {
  id: string;
  case_id: string;
  partner_id: string;
  purpose: string;
  consent_on: string;
  referred_on: string;
  status: string;
  follow_up_on: string | null;
  /** Encrypted. */
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartnersTable {
  id: string;
  name: string;
  kind: string;
  /** JSON arrays. */
  sectors: string;
  country: string;
  city: string | null;
  languages: string;
  website: string | null;
  /** Encrypted JSON: contact people with their phone and e-mail. */
  contacts: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface CampaignsTable {
  id: string;
  name: string;
  slug: string;
  starts_on: string;
  ends_on: string;
  /** JSON arrays. */
  languages: string;
  goals: string;
  audiences: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignPostsTable {
  id: string;
  campaign_id: string;
  channel: string;
  published_at: string;
  language: string | null;
  url: string | null;
  topic: string | null;
  text: string | null;
  /** Null where the network reported nothing, which is not the same as 0. */
  reach: number | null;
  impressions: number | null;
  engagements: number | null;
  clicks: number | null;
  video_views: number | null;
  /** The network's own post id, for posts imported from its export. */
  external_id: string | null;
  source: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignPagesTable {
  campaign_id: string;
  lang: string;
  title: string;
  /** Markdown. */
  body: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/** An image for the campaign's pages, re-encoded as WebP with no metadata; `name` (content hash + `.webp`) is its public address. */
export interface CampaignImagesTable {
  id: string;
  campaign_id: string;
  name: string;
  width: number;
  height: number;
  bytes: number;
  data: Buffer;
  alt: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CampaignPageViewsTable {
  campaign_id: string;
  lang: string;
  day: string;
  views: number;
  unique_visitors: number;
}

export interface CampaignVisitSaltsTable {
  day: string;
  /** Encrypted. */
  salt: string;
}

export interface CampaignVisitorHashesTable {
  day: string;
  campaign_id: string;
  lang: string;
  hash: string;
}

export interface CampaignMaterialsTable {
  id: string;
  campaign_id: string;
  kind: string;
  title: string;
  language: string;
  print_run: number;
  printed_on: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignDistributionsTable {
  id: string;
  material_id: string;
  campaign_id: string;
  partner: string;
  partner_kind: string;
  place: string;
  place_kind: string;
  city: string | null;
  quantity: number;
  distributed_on: string;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface StakeholdersTable {
  id: string;
  name: string;
  organisation: string;
  role: string | null;
  kind: string;
  /** Encrypted. */
  email: string | null;
  phone: string | null;
  notes: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  /** The organisation in the partner directory this person belongs to, once linked. */
  partner_id: string | null;
}

export interface CampaignEventsTable {
  id: string;
  campaign_id: string;
  title: string;
  format: string;
  starts_at: string;
  ends_at: string | null;
  venue: string | null;
  online_url: string | null;
  language: string | null;
  description: string | null;
  attended_online: number | null;
  attended_in_person: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignEventInvitationsTable {
  id: string;
  event_id: string;
  stakeholder_id: string;
  invited_on: string;
  rsvp: string;
  attendance: string;
  updated_at: string;
}

export interface CampaignEventTopicsTable {
  id: string;
  event_id: string;
  text: string;
  raised_by: string | null;
  created_at: string;
}

export interface CampaignEventFollowUpsTable {
  id: string;
  event_id: string;
  action: string;
  owner: string | null;
  due_on: string | null;
  done: number;
  created_at: string;
  updated_at: string;
}

export interface RecommendationPublicationsTable {
  id: string;
  campaign_id: string;
  slug: string;
  /** JSON objects {lang: text}. */
  title: string;
  intro: string;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecommendationsTable {
  id: string;
  publication_id: string;
  position: number;
  addressee_kind: string;
  /** JSON objects {lang: text}. */
  addressee: string;
  gap: string;
  text: string;
  /** JSON array of campaign_event_topics ids. */
  topic_ids: string;
  created_at: string;
  updated_at: string;
}

export interface AgenciesTable {
  id: string;
  name: string;
  registration_number: string;
  licence_number: string;
  /** ISO date the licence was issued. */
  licence_date: string | null;
  address: string | null;
  /** 1 while the agency is on the latest imported list. */
  listed: number;
  created_at: string;
  updated_at: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  contacts: ContactsTable;
  contact_topics: ContactTopicsTable;
  contact_channel_days: ContactChannelDaysTable;
  contact_topic_days: ContactTopicDaysTable;
  cases: CasesTable;
  case_reference_counters: CaseReferenceCountersTable;
  case_status_changes: CaseStatusChangesTable;
  case_assessments: CaseAssessmentsTable;
  case_events: CaseEventsTable;
  case_services: CaseServicesTable;
  case_referrals: CaseReferralsTable;
  partners: PartnersTable;
  campaigns: CampaignsTable;
  campaign_posts: CampaignPostsTable;
  campaign_pages: CampaignPagesTable;
  campaign_images: CampaignImagesTable;
  campaign_page_views: CampaignPageViewsTable;
  campaign_visit_salts: CampaignVisitSaltsTable;
  campaign_visitor_hashes: CampaignVisitorHashesTable;
  campaign_materials: CampaignMaterialsTable;
  campaign_distributions: CampaignDistributionsTable;
  stakeholders: StakeholdersTable;
  campaign_events: CampaignEventsTable;
  campaign_event_invitations: CampaignEventInvitationsTable;
  campaign_event_topics: CampaignEventTopicsTable;
  campaign_event_follow_ups: CampaignEventFollowUpsTable;
  recommendation_publications: RecommendationPublicationsTable;
  recommendations: RecommendationsTable;
  agencies: AgenciesTable;
  published_statistics: PublishedStatisticsTable;
}

export interface PublishedStatisticsTable {
  id: string;
  period_from: string;
  period_to: string;
  /** JSON: the published tables, small counts already suppressed. */
  tables: string;
  published_by: string | null;
  published_at: string;
}
