import type { caseVocabularies } from '../../../src/modules/cases/case-vocabularies.js';
import type {
  presentAssessment, presentCase, presentCaseSummary, presentEvent, presentReferral, presentService,
} from '../../../src/modules/cases/cases.presenter.js';
import type { TContactDetails, TDocumentNumber, TIndicatorTick } from '../../../src/modules/cases/cases.schemas.js';
import type { AssessmentResult } from '../../../src/modules/identification/identification.engine.js';
import { request, type Page } from './client.js';

/** Every closed list a case form offers, as `GET /cases/vocabularies` gives them. */
export type CaseVocabularies = ReturnType<typeof caseVocabularies>;
export type CaseStatus = CaseVocabularies['statuses'][number];
export type IdentifyingBody = CaseVocabularies['identifyingBodies'][number];
export type ReferralStatus = CaseVocabularies['referralStatuses'][number];

export type ContactDetails = TContactDetails;
export type DocumentNumber = TDocumentNumber;
export type IndicatorTick = TIndicatorTick;

// Omit on each member: a caseworker's file and a coordinator's are different shapes.
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The presenter keeps `result` opaque; it is always the engine's answer when it was saved. */
export type Assessment = Omit<ReturnType<typeof presentAssessment>, 'result'> & { result: AssessmentResult };
export type CaseFile = OmitEach<ReturnType<typeof presentCase>, 'assessment'> & { assessment: Assessment | null };
export type CaseSummary = ReturnType<typeof presentCaseSummary>;
export type CaseEvent = ReturnType<typeof presentEvent>;
export type Service = ReturnType<typeof presentService>;
export type Referral = ReturnType<typeof presentReferral>;

/** Identity fields and notes: only a caseworker's copy of a file has them. */
export type Identity = Extract<CaseFile, { name: unknown }>;
export const hasIdentity = (file: CaseFile): file is Identity => 'name' in file;

/** The fields a caseworker gives when opening or changing a file; absent ones stay as they are. */
export interface CaseFields {
  status?: CaseStatus;
  identifiedOn?: string | null;
  statusDate?: string;
  identifyingBody?: IdentifyingBody;
  openedOn?: string;
  sex?: string;
  age?: number | null;
  dateOfBirth?: string | null;
  citizenship?: string;
  languages?: string[];
  exploitationTypes?: string[];
  sector?: string | null;
  countryOfRecruitment?: string | null;
  placeOfRecruitment?: string | null;
  countryOfExploitation?: string | null;
  placeOfExploitation?: string | null;
  recruitmentMethod?: string | null;
  recruiterRelation?: string | null;
  meansOfControl?: string[];
  referredBy?: string | null;
  /** The helpline contact the file was opened from. */
  contactId?: string | null;
  name?: string | null;
  contact?: ContactDetails | null;
  documentNumbers?: DocumentNumber[];
  notes?: string | null;
}

export interface FollowUp {
  caseId: string;
  reference: string;
  referralId: string;
  partner: Referral['partner'];
  purpose: string;
  status: ReferralStatus;
  referredOn: string;
  followUpOn: string;
  daysOverdue: number;
}

const caseUrl = (id: string) => `/cases/${encodeURIComponent(id)}`;

export const caseVocabulariesOf = () => request<CaseVocabularies>('GET', '/cases/vocabularies');

export const listCases = (query: { status?: string; from?: string; to?: string; q?: string; limit?: number; cursor?: string }) =>
  request<Page<CaseSummary>>('GET', '/cases', { query });

export const getCase = (id: string) => request<CaseFile>('GET', caseUrl(id));

export const createCase = (body: CaseFields, idempotencyKey: string) => request<CaseFile>('POST', '/cases', { body, idempotencyKey });

export const updateCase = (id: string, body: CaseFields) => request<CaseFile>('PATCH', caseUrl(id), { body });

export const caseTimeline = (id: string, query: { limit?: number; cursor?: string } = {}) => request<Page<CaseEvent>>('GET', `${caseUrl(id)}/timeline`, { query });

export const assessCase = (id: string, indicators: IndicatorTick[], idempotencyKey: string) =>
  request<Assessment>('POST', `${caseUrl(id)}/assessments`, { body: { indicators }, idempotencyKey });

export interface ServiceFields {
  kind?: string;
  startedOn?: string;
  endedOn?: string | null;
  partnerId?: string | null;
  provider?: string | null;
  outcome?: string | null;
}

export const addService = (caseId: string, body: ServiceFields, idempotencyKey: string) =>
  request<Service>('POST', `${caseUrl(caseId)}/services`, { body, idempotencyKey });

export const updateService = (caseId: string, serviceId: string, body: ServiceFields) =>
  request<Service>('PATCH', `${caseUrl(caseId)}/services/${encodeURIComponent(serviceId)}`, { body });

export interface NewReferral {
  partnerId: string;
  purpose: string;
  consent: { given: boolean; on: string };
  referredOn: string;
  status: ReferralStatus;
  followUpOn?: string;
  notes?: string;
}

export const addReferral = (caseId: string, body: NewReferral, idempotencyKey: string) =>
  request<Referral>('POST', `${caseUrl(caseId)}/referrals`, { body, idempotencyKey });

export const updateReferral = (caseId: string, referralId: string, body: { status?: ReferralStatus; followUpOn?: string | null; notes?: string | null }) =>
  request<Referral>('PATCH', `${caseUrl(caseId)}/referrals/${encodeURIComponent(referralId)}`, { body });

export const dueFollowUps = (query: { on?: string; mine?: boolean; limit?: number; cursor?: string }) =>
  request<Page<FollowUp> & { on: string }>('GET', '/cases/follow-ups', { query });
