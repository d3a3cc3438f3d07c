import { z } from 'zod';
import { distinct, ZCountry, ZDay, ZLanguage } from '../../platform/fields.js';
import { ZAge, ZIndicatorId } from '../identification/identification.service.js';
import {
  CASE_STATUSES, DOCUMENT_TYPES, EXPLOITATION_TYPES, IDENTIFYING_BODIES, MEANS_OF_CONTROL, RECRUITER_RELATIONS, RECRUITMENT_METHODS,
  REFERRAL_PURPOSES, REFERRAL_SOURCES, REFERRAL_STATUSES, SECTOR_IDS, SERVICE_KINDS, SEXES,
} from './case-vocabularies.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const nothingToChange = (r: object) => Object.keys(r).length > 0;

export const ZContactDetails = z
  .object({ phone: text(50), email: z.email().max(254), messenger: text(200), address: text(500), other: text(500) })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'give at least one way to reach the person');
export type TContactDetails = z.infer<typeof ZContactDetails>;

export const ZDocumentNumber = z.object({ type: z.enum(DOCUMENT_TYPES), number: text(64), country: ZCountry.optional() }).strict();
export type TDocumentNumber = z.infer<typeof ZDocumentNumber>;

/** A ticked indicator: its id, or the id with the caseworker's note on what was seen. */
const ZIndicatorTick = z.union([ZIndicatorId, z.object({ id: ZIndicatorId, note: text(2000).optional() }).strict()]);
export type TIndicatorTick = { id: string; note?: string };

/** Ticks as {id, note?}, in the request's order so a bad one can be named by its place. */
export const ZIndicatorTicks = z
  .array(ZIndicatorTick)
  .max(200, 'at most 200 indicators')
  .transform((ticks) => ticks.map((t): TIndicatorTick => (typeof t === 'string' ? { id: t } : t)));

/** An indicator ticked twice counts once and keeps the first note given. */
export function distinctTicks(ticks: readonly TIndicatorTick[]): TIndicatorTick[] {
  const byId = new Map<string, TIndicatorTick>();
  for (const t of ticks) {
    const seen = byId.get(t.id);
    if (!seen) byId.set(t.id, t.note ? { id: t.id, note: t.note } : { id: t.id });
    else if (!seen.note && t.note) seen.note = t.note;
  }
  return [...byId.values()];
}

/** The fields a case file holds, as requests give them. */
const fields = {
  sex: z.enum(SEXES),
  age: ZAge,
  dateOfBirth: ZDay,
  citizenship: ZCountry,
  languages: distinct(ZLanguage, 20),
  exploitationTypes: distinct(z.enum(EXPLOITATION_TYPES), EXPLOITATION_TYPES.length),
  sector: z.enum(SECTOR_IDS),
  countryOfRecruitment: ZCountry,
  placeOfRecruitment: text(200),
  countryOfExploitation: ZCountry,
  placeOfExploitation: text(200),
  recruitmentMethod: z.enum(RECRUITMENT_METHODS),
  recruiterRelation: z.enum(RECRUITER_RELATIONS),
  meansOfControl: distinct(z.enum(MEANS_OF_CONTROL), MEANS_OF_CONTROL.length),
  referredBy: z.enum(REFERRAL_SOURCES),
  contactId: text(64),
  name: text(200),
  contact: ZContactDetails,
  documentNumbers: z.array(ZDocumentNumber).max(20, 'at most 20 documents'),
  notes: text(20_000),
};

const statusStep = {
  status: z.enum(CASE_STATUSES),
  identifiedOn: ZDay,
  /** The day the status was decided; by default identifiedOn for an identification, else today. */
  statusDate: ZDay,
  identifyingBody: z.enum(IDENTIFYING_BODIES),
};

export const ZCreateCaseRequest = z
  .object({
    status: statusStep.status,
    identifiedOn: statusStep.identifiedOn.optional(),
    statusDate: statusStep.statusDate.optional(),
    identifyingBody: statusStep.identifyingBody.optional(),
    /** When the organisation opened the file (default today): older files can be entered later. */
    openedOn: ZDay.optional(),
    sex: fields.sex,
    citizenship: fields.citizenship,
    exploitationTypes: fields.exploitationTypes,
    languages: fields.languages.default([]),
    meansOfControl: fields.meansOfControl.default([]),
    documentNumbers: fields.documentNumbers.default([]),
    age: fields.age.optional(),
    dateOfBirth: fields.dateOfBirth.optional(),
    sector: fields.sector.optional(),
    countryOfRecruitment: fields.countryOfRecruitment.optional(),
    placeOfRecruitment: fields.placeOfRecruitment.optional(),
    countryOfExploitation: fields.countryOfExploitation.optional(),
    placeOfExploitation: fields.placeOfExploitation.optional(),
    recruitmentMethod: fields.recruitmentMethod.optional(),
    recruiterRelation: fields.recruiterRelation.optional(),
    referredBy: fields.referredBy.optional(),
    contactId: fields.contactId.optional(),
    name: fields.name.optional(),
    contact: fields.contact.optional(),
    notes: fields.notes.optional(),
    indicators: ZIndicatorTicks.optional(),
  })
  .strict();
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;

/** Every field may change; null clears an optional one (identifiedOn: null withdraws an identification). */
export const ZUpdateCaseRequest = z
  .object({
    status: statusStep.status,
    identifiedOn: statusStep.identifiedOn.nullable(),
    statusDate: statusStep.statusDate,
    identifyingBody: statusStep.identifyingBody,
    sex: fields.sex,
    citizenship: fields.citizenship,
    exploitationTypes: fields.exploitationTypes,
    languages: fields.languages,
    meansOfControl: fields.meansOfControl,
    documentNumbers: fields.documentNumbers,
    age: fields.age.nullable(),
    dateOfBirth: fields.dateOfBirth.nullable(),
    sector: fields.sector.nullable(),
    countryOfRecruitment: fields.countryOfRecruitment.nullable(),
    placeOfRecruitment: fields.placeOfRecruitment.nullable(),
    countryOfExploitation: fields.countryOfExploitation.nullable(),
    placeOfExploitation: fields.placeOfExploitation.nullable(),
    recruitmentMethod: fields.recruitmentMethod.nullable(),
    recruiterRelation: fields.recruiterRelation.nullable(),
    referredBy: fields.referredBy.nullable(),
    contactId: fields.contactId.nullable(),
    name: fields.name.nullable(),
    contact: fields.contact.nullable(),
    notes: fields.notes.nullable(),
    indicators: ZIndicatorTicks,
  })
  .partial()
  .strict()
  .refine(nothingToChange, 'nothing to change');
export type TUpdateCaseRequest = z.infer<typeof ZUpdateCaseRequest>;

export const ZCaseAssessmentRequest = z.object({ indicators: ZIndicatorTicks }).strict();

export const ZCaseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  /** Part of a reference, such as 2020-0017. */
  q: z.string().trim().min(1).max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(100).optional(),
});

export const ZCreateServiceRequest = z
  .object({
    kind: z.enum(SERVICE_KINDS),
    startedOn: ZDay,
    endedOn: ZDay.optional(),
    partnerId: text(64).optional(),
    /** A provider that is not in the partner directory (a clinic, an interpreter). */
    provider: text(200).optional(),
    outcome: text(5000).optional(),
  })
  .strict();

export const ZUpdateServiceRequest = z
  .object({
    kind: z.enum(SERVICE_KINDS),
    startedOn: ZDay,
    endedOn: ZDay.nullable(),
    partnerId: text(64).nullable(),
    provider: text(200).nullable(),
    outcome: text(5000).nullable(),
  })
  .partial()
  .strict()
  .refine(nothingToChange, 'nothing to change');

export const ZCreateReferralRequest = z
  .object({
    partnerId: text(64),
    purpose: z.enum(REFERRAL_PURPOSES),
    /** The victim agreed to this referral: a referral without recorded consent is refused. */
    consent: z.object({ given: z.literal(true, 'a referral needs the victim\'s consent'), on: ZDay }).strict(),
    referredOn: ZDay,
    status: z.enum(REFERRAL_STATUSES).default('planned'),
    followUpOn: ZDay.optional(),
    notes: text(5000).optional(),
  })
  .strict();

export const ZUpdateReferralRequest = z
  .object({
    status: z.enum(REFERRAL_STATUSES),
    followUpOn: ZDay.nullable(),
    notes: text(5000).nullable(),
  })
  .partial()
  .strict()
  .refine(nothingToChange, 'nothing to change');

export const ZFollowUpQuery = z.object({
  /** Follow-ups due on or before this day (default: today in ORG_TIMEZONE). */
  on: ZDay.optional(),
  /** Only referrals the signed-in caseworker made. */
  mine: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});
