import { z } from 'zod';
import { distinct, ZDay, ZLanguage } from '../../platform/fields.js';
import { normalisePhone } from '../../platform/phone.js';
import { parseInstant } from '../../platform/time.js';
import { text, ZInstant, ZSlug } from './campaigns.schemas.js';

export const MATERIAL_KINDS = ['leaflet', 'poster', 'booklet', 'brochure', 'card', 'sticker', 'other'] as const;
/** Who carried materials to readers: a union, teachers, an outreach team... */
export const CARRIER_KINDS = ['union', 'school', 'outreach_team', 'ngo', 'employer', 'public_institution', 'other'] as const;
export const PLACE_KINDS = ['construction_site', 'workplace', 'workers_accommodation', 'school', 'event', 'office', 'public_space', 'other'] as const;
export const EVENT_FORMATS = ['online', 'hybrid', 'in_person'] as const;
export const STAKEHOLDER_KINDS = [
  'ministry', 'labour_inspection', 'police', 'prosecutor', 'state_centre', 'social_welfare', 'employment_service', 'union', 'employer',
  'ngo', 'international_organisation', 'media', 'academia', 'local_government', 'other',
] as const;
/** The stakeholder kind of a partner of the directory, whose kinds are a case worker's. */
export function stakeholderKindOf(partnerKind: string): StakeholderKind {
  if ((STAKEHOLDER_KINDS as readonly string[]).includes(partnerKind)) return partnerKind as StakeholderKind;
  return partnerKind === 'shelter' || partnerKind === 'legal_aid' ? 'ngo' : 'other';
}
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];
export const RSVPS = ['pending', 'yes', 'no', 'maybe'] as const;
export const ATTENDANCE = ['unknown', 'online', 'in_person', 'absent'] as const;
export const ADDRESSEE_KINDS = [
  'government', 'national_assembly', 'ministry_labour', 'ministry_interior', 'ministry_education', 'labour_inspection', 'police', 'prosecutor',
  'state_centre', 'employment_service', 'local_government', 'employers', 'unions', 'other',
] as const;
/** The languages a publication of recommendations is written in; Serbian Cyrillic is transliterated from Latin. */
export const PUBLICATION_LANGS = ['sr-Latn', 'en'] as const;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(', ')}` });
const ZCount = z.number({ message: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(10_000_000, 'is too large');
const ZQuantity = ZCount.min(1, 'must be 1 or more');
const ZId = z.string().min(1).max(64);

// Materials

const materialFields = {
  kind: oneOf(MATERIAL_KINDS),
  title: text(200),
  language: ZLanguage,
  printRun: ZQuantity,
  printedOn: ZDay,
  notes: text(2000),
};

export const ZCreateMaterialRequest = z
  .object({ ...materialFields, printedOn: materialFields.printedOn.optional(), notes: materialFields.notes.optional() })
  .strict();
export type TCreateMaterialRequest = z.infer<typeof ZCreateMaterialRequest>;

export const ZUpdateMaterialRequest = z
  .object({ ...materialFields, printedOn: materialFields.printedOn.nullable(), notes: materialFields.notes.nullable() })
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');
export type TUpdateMaterialRequest = z.infer<typeof ZUpdateMaterialRequest>;

export const ZCreateDistributionRequest = z
  .object({
    partner: text(200),
    partnerKind: oneOf(CARRIER_KINDS),
    place: text(300),
    placeKind: oneOf(PLACE_KINDS),
    city: text(100).optional(),
    quantity: ZQuantity,
    distributedOn: ZDay,
    notes: text(2000).optional(),
  })
  .strict();
export type TCreateDistributionRequest = z.infer<typeof ZCreateDistributionRequest>;

// Stakeholders

const phone = (homeCountry: string) =>
  z.string().transform((value, ctx) => {
    const normalised = normalisePhone(value, homeCountry);
    if (normalised === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a phone number such as +381 11 123 4567' });
      return z.NEVER;
    }
    return normalised;
  });

export function stakeholderSchemas(homeCountry: string) {
  const fields = {
    name: text(200),
    organisation: text(200),
    role: text(200),
    kind: oneOf(STAKEHOLDER_KINDS),
    email: z.email('must be an e-mail address').max(254),
    phone: phone(homeCountry),
    notes: text(2000),
    active: z.boolean(),
    partnerId: ZId,
  };
  return {
    // Linked to a partner, a stakeholder's organisation and kind default to the directory's.
    ZCreateStakeholderRequest: z
      .object({
        ...fields, organisation: fields.organisation.optional(), kind: fields.kind.optional(), role: fields.role.optional(), email: fields.email.optional(),
        phone: fields.phone.optional(), notes: fields.notes.optional(), active: fields.active.default(true), partnerId: fields.partnerId.optional(),
      })
      .strict(),
    ZUpdateStakeholderRequest: z
      .object({ ...fields, role: fields.role.nullable(), email: fields.email.nullable(), phone: fields.phone.nullable(), notes: fields.notes.nullable(), partnerId: fields.partnerId.nullable() })
      .partial()
      .strict()
      .refine((r) => Object.keys(r).length > 0, 'nothing to change'),
  };
}
export type TCreateStakeholderRequest = z.infer<ReturnType<typeof stakeholderSchemas>['ZCreateStakeholderRequest']>;
export type TUpdateStakeholderRequest = z.infer<ReturnType<typeof stakeholderSchemas>['ZUpdateStakeholderRequest']>;

export const ZStakeholderListQuery = z.object({
  kind: oneOf(STAKEHOLDER_KINDS).optional(),
  partnerId: ZId.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(400).optional(),
});

// Events

const eventFields = {
  title: text(200),
  format: oneOf(EVENT_FORMATS),
  startsAt: ZInstant,
  endsAt: ZInstant,
  venue: text(300),
  onlineUrl: z.url({ protocol: /^https?$/, message: 'must be an http or https address' }).max(2000),
  language: ZLanguage,
  description: text(5000),
  attendedOnline: ZCount,
  attendedInPerson: ZCount,
};

/** Whether an event's attendance fits its format; an online event has nobody in the room. */
export function attendanceProblems(e: { format: string; attendedOnline?: number | null; attendedInPerson?: number | null }) {
  const problems: { field: string; message: string }[] = [];
  if (e.format === 'online' && (e.attendedInPerson ?? 0) > 0) problems.push({ field: 'attendedInPerson', message: 'an online event has nobody attending in person' });
  if (e.format === 'in_person' && (e.attendedOnline ?? 0) > 0) problems.push({ field: 'attendedOnline', message: 'an event in person has nobody attending online' });
  return problems;
}

const readableTimes = z.object({ startsAt: z.string().optional(), endsAt: z.string().nullish() });
const endsAfterStart = {
  message: 'must not be before startsAt',
  path: ['endsAt'],
  when: (p: { value: unknown }) => readableTimes.safeParse(p.value).success,
};
const isOrdered = (e: { startsAt?: string; endsAt?: string | null }) => !e.startsAt || !e.endsAt || parseInstant(e.endsAt)! >= parseInstant(e.startsAt)!;

export const ZCreateEventRequest = z
  .object({
    title: eventFields.title,
    format: eventFields.format,
    startsAt: eventFields.startsAt,
    endsAt: eventFields.endsAt.optional(),
    venue: eventFields.venue.optional(),
    onlineUrl: eventFields.onlineUrl.optional(),
    language: eventFields.language.optional(),
    description: eventFields.description.optional(),
    attendedOnline: eventFields.attendedOnline.optional(),
    attendedInPerson: eventFields.attendedInPerson.optional(),
  })
  .strict()
  .refine(isOrdered, endsAfterStart);
export type TCreateEventRequest = z.infer<typeof ZCreateEventRequest>;

export const ZUpdateEventRequest = z
  .object({
    title: eventFields.title,
    format: eventFields.format,
    startsAt: eventFields.startsAt,
    endsAt: eventFields.endsAt.nullable(),
    venue: eventFields.venue.nullable(),
    onlineUrl: eventFields.onlineUrl.nullable(),
    language: eventFields.language.nullable(),
    description: eventFields.description.nullable(),
    attendedOnline: eventFields.attendedOnline.nullable(),
    attendedInPerson: eventFields.attendedInPerson.nullable(),
  })
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');
export type TUpdateEventRequest = z.infer<typeof ZUpdateEventRequest>;

/** A partner of the directory to invite: one of its contacts (by position in its list), or the organisation itself. */
const ZPartnerInvitee = z.object({ partnerId: ZId, contact: z.number().int().min(0).max(19).optional() }).strict();

export const ZInviteRequest = z
  .object({ stakeholderIds: distinct(ZId, 500).default([]), partners: z.array(ZPartnerInvitee).max(100, 'at most 100 partners').default([]), invitedOn: ZDay.optional() })
  .strict()
  .refine((r) => r.stakeholderIds.length + r.partners.length > 0, { message: 'at least one stakeholder or partner', path: ['stakeholderIds'] });

export const ZUpdateInvitationRequest = z
  .object({ rsvp: oneOf(RSVPS), attendance: oneOf(ATTENDANCE) })
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');

export const ZCreateTopicRequest = z.object({ text: text(1000), raisedBy: text(200).optional() }).strict();

export const ZCreateFollowUpRequest = z
  .object({ action: text(1000), owner: text(200).optional(), dueOn: ZDay.optional(), done: z.boolean().default(false) })
  .strict();
export const ZUpdateFollowUpRequest = z
  .object({ action: text(1000), owner: text(200).nullable(), dueOn: ZDay.nullable(), done: z.boolean() })
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');

// Recommendations

/** A text per publication language; a draft may lack one, a published publication may not. */
const localised = (max: number) => z.object({ 'sr-Latn': text(max).optional(), en: text(max).optional() }).strict();
export type Localised = z.infer<ReturnType<typeof localised>>;

export const ZCreatePublicationRequest = z
  .object({ slug: ZSlug, title: localised(300), intro: localised(20_000).default({}) })
  .strict();
export const ZUpdatePublicationRequest = z
  .object({ slug: ZSlug, title: localised(300), intro: localised(20_000), published: z.boolean() })
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');

const recommendationFields = {
  addresseeKind: oneOf(ADDRESSEE_KINDS),
  addressee: localised(300),
  gap: localised(2000),
  text: localised(5000),
  topicIds: distinct(ZId, 50),
  position: z.number().int().min(1).max(1000),
};

export const ZCreateRecommendationRequest = z
  .object({ ...recommendationFields, topicIds: recommendationFields.topicIds.default([]), position: recommendationFields.position.optional() })
  .strict();
export const ZUpdateRecommendationRequest = z
  .object(recommendationFields)
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');
