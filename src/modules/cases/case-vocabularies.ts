/**
 * The closed lists a case file uses. Contract lists (statuses, sexes, exploitation types) keep the
 * contract's ids; the others follow IOM's Human Trafficking Case Data Standard (HTCDS) and the
 * CTDC data dictionary so records can be shared with them, in the project's snake_case.
 */

export const CASE_STATUSES = ['potential', 'presumed', 'identified', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const SEXES = ['male', 'female', 'other', 'unknown'] as const;

export const EXPLOITATION_TYPES = ['labour', 'sexual', 'forced_criminality', 'forced_begging', 'forced_marriage', 'domestic_servitude', 'organ_removal', 'other'] as const;

/** Who took a status decision: in Serbia formal identification is the state Centre's. */
export const IDENTIFYING_BODIES = ['ngo', 'state_centre', 'police', 'court', 'other'] as const;

/** Labour sectors, each with the ISIC Rev. 4 section it falls in (null where ISIC has none). */
export const SECTORS = {
  agriculture: 'A',
  forestry: 'A',
  fishing: 'A',
  mining: 'B',
  manufacturing: 'C',
  construction: 'F',
  retail: 'G',
  transport: 'H',
  hospitality: 'I',
  cleaning: 'N',
  security: 'N',
  care: 'Q',
  entertainment: 'R',
  beauty: 'S',
  domestic_work: 'T',
  sex_industry: null,
  other: null,
} as const satisfies Record<string, string | null>;
export const SECTOR_IDS = Object.keys(SECTORS) as [keyof typeof SECTORS, ...(keyof typeof SECTORS)[]];

/** HTCDS means of control. */
export const MEANS_OF_CONTROL = [
  'debt_bondage', 'takes_earnings', 'restricts_financial_access', 'threats', 'psychological_abuse', 'physical_abuse',
  'sexual_abuse', 'false_promises', 'psychoactive_substances', 'restricts_movement', 'restricts_medical_care',
  'excessive_working_hours', 'uses_children', 'threat_of_law_enforcement', 'withholds_necessities', 'withholds_documents', 'other',
] as const;

export const RECRUITMENT_METHODS = ['online_advert', 'social_media', 'recruitment_agency', 'personal_contact', 'print_advert', 'direct_by_employer', 'other', 'unknown'] as const;

/** HTCDS recruiter relation, with the agencies and employers that labour cases see most. */
export const RECRUITER_RELATIONS = ['intimate_partner', 'family', 'friend', 'acquaintance', 'employer', 'recruitment_agency', 'stranger', 'other', 'unknown'] as const;

/** How the case reached the organisation. */
export const REFERRAL_SOURCES = ['hotline', 'web_report', 'outreach', 'police', 'labour_inspection', 'state_centre', 'ngo', 'union', 'embassy', 'self', 'family_or_friend', 'other'] as const;

export const DOCUMENT_TYPES = ['passport', 'id_card', 'residence_permit', 'work_permit', 'visa', 'other'] as const;

export const SERVICE_KINDS = [
  'accommodation', 'legal_aid', 'medical', 'psychological', 'interpretation', 'financial', 'return_assistance',
  'employment_support', 'education', 'documents', 'material_aid', 'other',
] as const;

/** What a referral asks of the partner: a service, or a step only an authority can take. */
export const REFERRAL_PURPOSES = [...SERVICE_KINDS.filter((k) => k !== 'other'), 'formal_identification', 'criminal_complaint', 'labour_inspection', 'other'] as const;

export const REFERRAL_STATUSES = ['planned', 'sent', 'accepted', 'declined', 'completed'] as const;
/** Referrals still waiting on someone, so their follow-up date matters. */
export const OPEN_REFERRAL_STATUSES = ['planned', 'sent', 'accepted'] as const;

/** Every list above, for the staff app's forms. */
export function caseVocabularies() {
  return {
    statuses: CASE_STATUSES,
    sexes: SEXES,
    exploitationTypes: EXPLOITATION_TYPES,
    identifyingBodies: IDENTIFYING_BODIES,
    sectors: SECTOR_IDS.map((id) => ({ id, isicSection: SECTORS[id] })),
    meansOfControl: MEANS_OF_CONTROL,
    recruitmentMethods: RECRUITMENT_METHODS,
    recruiterRelations: RECRUITER_RELATIONS,
    referralSources: REFERRAL_SOURCES,
    documentTypes: DOCUMENT_TYPES,
    serviceKinds: SERVICE_KINDS,
    referralPurposes: REFERRAL_PURPOSES,
    referralStatuses: REFERRAL_STATUSES,
  };
}
