import type { Role } from '../../platform/roles.js';
import type { PartnerRef } from '../partners/partners.service.js';
import type { CaseFacts, CaseSecrets } from './case-record.js';
import type { ReferralRow, ServiceRow } from './case-support.repository.js';
import type { AssessmentRow, CaseEventRow, CaseRow, StatusChangeRow } from './cases.repository.js';
import type { TIndicatorTick } from './cases.schemas.js';

/**
 * What a role sees of a case file. `full`: the caseworker's whole file. `restricted`: the
 * coordinator's, without identity fields, contact details, notes or any other free text.
 */
export type CaseView = 'full' | 'restricted';

/** Rights add up: anyone who is also a caseworker gets the whole file. */
export function caseViewOf(roles: readonly Role[]): CaseView | null {
  if (roles.includes('caseworker')) return 'full';
  if (roles.includes('coordinator')) return 'restricted';
  return null;
}

const person = (id: string | null, name: string | null) => (id ? { id, name } : null);

export function presentStatusChange(r: StatusChangeRow) {
  return { status: r.status, decidedOn: r.decided_on, identifyingBody: r.identifying_body, decidedBy: person(r.decided_by, r.decided_by_name), recordedAt: r.recorded_at };
}

export function presentAssessment(view: CaseView, r: AssessmentRow, notes: Record<string, string> | null) {
  const ids = JSON.parse(r.indicators) as string[];
  const indicators: TIndicatorTick[] = ids.map((id) => (view === 'full' && notes?.[id] ? { id, note: notes[id] } : { id }));
  return {
    version: r.version,
    assessedAt: r.assessed_at,
    assessedBy: person(r.assessed_by, r.assessed_by_name),
    age: r.age,
    indicators,
    result: JSON.parse(r.result) as unknown,
  };
}

export function presentService(view: CaseView, r: ServiceRow, outcome: string | null, partners: ReadonlyMap<string, PartnerRef>) {
  return {
    id: r.id,
    kind: r.kind,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    partner: r.partner_id ? (partners.get(r.partner_id) ?? { id: r.partner_id }) : null,
    provider: r.provider,
    ...(view === 'full' ? { outcome } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentReferral(view: CaseView, r: ReferralRow, notes: string | null, partners: ReadonlyMap<string, PartnerRef>) {
  return {
    id: r.id,
    partner: partners.get(r.partner_id) ?? { id: r.partner_id },
    purpose: r.purpose,
    consent: { given: true, on: r.consent_on },
    referredOn: r.referred_on,
    status: r.status,
    followUpOn: r.follow_up_on,
    ...(view === 'full' ? { notes } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface CaseFile {
  row: CaseRow;
  facts: CaseFacts;
  /** Null unless the view is full: a restricted view never decrypts them. */
  secrets: CaseSecrets | null;
  statusHistory: StatusChangeRow[];
  assessment: ReturnType<typeof presentAssessment> | null;
  services: ReturnType<typeof presentService>[];
  referrals: ReturnType<typeof presentReferral>[];
}

export function presentCase(view: CaseView, f: CaseFile) {
  const identity =
    view === 'full' && f.secrets
      ? { name: f.secrets.name, dateOfBirth: f.secrets.dateOfBirth, contact: f.secrets.contact, documentNumbers: f.secrets.documentNumbers, notes: f.secrets.notes }
      : {};
  return {
    id: f.row.id,
    reference: f.row.reference,
    ...f.facts,
    ...identity,
    indicators: f.assessment?.indicators ?? [],
    assessment: f.assessment,
    statusHistory: f.statusHistory.map(presentStatusChange),
    services: f.services,
    referrals: f.referrals,
    identityErasedAt: f.row.identity_erased_at,
    createdAt: f.row.created_at,
    updatedAt: f.row.updated_at,
  };
}

/** A line of a case list: the same for every role, with no identity field or free text. */
export function presentCaseSummary(row: CaseRow, facts: CaseFacts) {
  return {
    id: row.id,
    reference: row.reference,
    status: facts.status,
    identifiedOn: facts.identifiedOn,
    openedOn: facts.openedOn,
    closedOn: facts.closedOn,
    sex: facts.sex,
    age: facts.age,
    child: facts.child,
    citizenship: facts.citizenship,
    exploitationTypes: facts.exploitationTypes,
    sector: facts.sector,
    updatedAt: row.updated_at,
  };
}

/** What the hotline gets back when it opens a case: enough to quote, nothing to read. */
export const presentReceipt = (row: CaseRow) => ({ id: row.id, reference: row.reference, status: row.status });

export function presentEvent(r: CaseEventRow) {
  return {
    id: r.id,
    at: r.at,
    actor: person(r.actor_id, r.actor_name),
    action: r.action,
    fields: JSON.parse(r.fields) as string[],
    changes: JSON.parse(r.changes) as Record<string, { from: unknown; to: unknown }>,
  };
}
