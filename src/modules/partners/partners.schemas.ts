import { z } from 'zod';
import { distinct, ZCountry, ZLanguage } from '../../platform/fields.js';
import { SECTOR_IDS } from '../cases/case-vocabularies.js';

/** The organisations a case is referred to, and that events invite. */
export const PARTNER_KINDS = [
  'labour_inspection', 'police', 'prosecutor', 'state_centre', 'social_welfare', 'employment_service', 'union', 'shelter',
  'embassy', 'ngo', 'international_organisation', 'legal_aid', 'health', 'local_government', 'employer', 'other',
] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const ZPartnerContact = z
  .object({ name: text(200), role: text(200), phone: text(50), email: z.email().max(254) })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'a contact needs a name, role, phone or e-mail');

const fields = {
  name: text(200),
  kind: z.enum(PARTNER_KINDS),
  sectors: distinct(z.enum(SECTOR_IDS), 20),
  country: ZCountry,
  city: text(100),
  languages: distinct(ZLanguage, 20),
  website: z.url({ protocol: /^https?$/ }).max(500),
  contacts: z.array(ZPartnerContact).max(20, 'at most 20 contacts'),
  active: z.boolean(),
};

export const ZCreatePartnerRequest = z
  .object({
    name: fields.name,
    kind: fields.kind,
    country: fields.country,
    sectors: fields.sectors.default([]),
    languages: fields.languages.default([]),
    contacts: fields.contacts.default([]),
    city: fields.city.optional(),
    website: fields.website.optional(),
    active: fields.active.default(true),
  })
  .strict();
export type TCreatePartnerRequest = z.infer<typeof ZCreatePartnerRequest>;

export const ZUpdatePartnerRequest = z
  .object({
    name: fields.name,
    kind: fields.kind,
    country: fields.country,
    sectors: fields.sectors,
    languages: fields.languages,
    contacts: fields.contacts,
    city: fields.city.nullable(),
    website: fields.website.nullable(),
    active: fields.active,
  })
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');
export type TUpdatePartnerRequest = z.infer<typeof ZUpdatePartnerRequest>;

export const ZPartnerListQuery = z.object({
  kind: z.enum(PARTNER_KINDS).optional(),
  sector: z.enum(SECTOR_IDS).optional(),
  country: ZCountry.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
