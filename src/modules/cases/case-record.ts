import type { FieldCipher } from '../../platform/crypto.js';
import type { CaseRow } from './cases.repository.js';
import type { TContactDetails, TDocumentNumber } from './cases.schemas.js';
import type { CaseStatus } from './case-vocabularies.js';

/** What a case file says about the person and the exploitation, without identity or notes. */
export interface CaseFacts {
  status: CaseStatus;
  identifiedOn: string | null;
  openedOn: string;
  closedOn: string | null;
  sex: string;
  age: number | null;
  child: boolean | null;
  citizenship: string;
  languages: string[];
  exploitationTypes: string[];
  sector: string | null;
  countryOfRecruitment: string | null;
  placeOfRecruitment: string | null;
  countryOfExploitation: string | null;
  placeOfExploitation: string | null;
  recruitmentMethod: string | null;
  recruiterRelation: string | null;
  meansOfControl: string[];
  referredBy: string | null;
  contactId: string | null;
}

/** Identity fields and notes: encrypted at rest, shown to caseworkers only, erased by retention. */
export interface CaseSecrets {
  name: string | null;
  dateOfBirth: string | null;
  contact: TContactDetails | null;
  documentNumbers: TDocumentNumber[];
  notes: string | null;
}

export const SECRET_FIELDS = ['name', 'dateOfBirth', 'contact', 'documentNumbers', 'notes'] as const satisfies readonly (keyof CaseSecrets)[];
/** Fact fields a request may set; status, dates and the child flag follow their own rules. */
export const EDITABLE_FACTS = [
  'sex', 'age', 'citizenship', 'languages', 'exploitationTypes', 'sector', 'countryOfRecruitment', 'placeOfRecruitment', 'countryOfExploitation',
  'placeOfExploitation', 'recruitmentMethod', 'recruiterRelation', 'meansOfControl', 'referredBy', 'contactId',
] as const satisfies readonly (keyof CaseFacts)[];

const list = (json: string) => JSON.parse(json) as string[];

export function factsOf(row: CaseRow): CaseFacts {
  return {
    status: row.status as CaseStatus,
    identifiedOn: row.identified_on,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    sex: row.sex,
    age: row.age,
    child: row.child === null ? null : Boolean(row.child),
    citizenship: row.citizenship,
    languages: list(row.languages),
    exploitationTypes: list(row.exploitation_types),
    sector: row.sector,
    countryOfRecruitment: row.country_of_recruitment,
    placeOfRecruitment: row.place_of_recruitment,
    countryOfExploitation: row.country_of_exploitation,
    placeOfExploitation: row.place_of_exploitation,
    recruitmentMethod: row.recruitment_method,
    recruiterRelation: row.recruiter_relation,
    meansOfControl: list(row.means_of_control),
    referredBy: row.referred_by,
    contactId: row.contact_id,
  };
}

export function factColumns(f: CaseFacts) {
  return {
    status: f.status,
    identified_on: f.identifiedOn,
    opened_on: f.openedOn,
    closed_on: f.closedOn,
    sex: f.sex,
    age: f.age,
    child: f.child === null ? null : Number(f.child),
    citizenship: f.citizenship,
    languages: JSON.stringify(f.languages),
    exploitation_types: JSON.stringify(f.exploitationTypes),
    sector: f.sector,
    country_of_recruitment: f.countryOfRecruitment,
    place_of_recruitment: f.placeOfRecruitment,
    country_of_exploitation: f.countryOfExploitation,
    place_of_exploitation: f.placeOfExploitation,
    recruitment_method: f.recruitmentMethod,
    recruiter_relation: f.recruiterRelation,
    means_of_control: JSON.stringify(f.meansOfControl),
    referred_by: f.referredBy,
    contact_id: f.contactId,
  };
}

export function secretsOf(row: CaseRow, cipher: FieldCipher): CaseSecrets {
  const json = <T>(v: string | null): T | null => (v ? (JSON.parse(cipher.decrypt(v)) as T) : null);
  return {
    name: cipher.decryptOptional(row.name),
    dateOfBirth: cipher.decryptOptional(row.date_of_birth),
    contact: json<TContactDetails>(row.contact),
    documentNumbers: json<TDocumentNumber[]>(row.document_numbers) ?? [],
    notes: cipher.decryptOptional(row.notes),
  };
}

export function secretColumns(s: CaseSecrets, cipher: FieldCipher) {
  return {
    name: cipher.encryptOptional(s.name),
    date_of_birth: cipher.encryptOptional(s.dateOfBirth),
    contact: s.contact ? cipher.encrypt(JSON.stringify(s.contact)) : null,
    document_numbers: s.documentNumbers.length ? cipher.encrypt(JSON.stringify(s.documentNumbers)) : null,
    notes: cipher.encryptOptional(s.notes),
  };
}

/** The names of the fields whose values differ, in the order of `after`'s keys. */
export function changedFields<T extends object>(before: T, after: T): (keyof T)[] {
  return (Object.keys(after) as (keyof T)[]).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

export const formatReference = (year: number, n: number) => `LJ-${year}-${String(n).padStart(4, '0')}`;
