import { z } from 'zod';
import { distinct, ZCountry, ZDay, ZLanguage } from '../../platform/fields.js';
import { normalisePhone } from '../../platform/phone.js';
import { parseInstant } from '../../platform/time.js';

export const CHANNELS = ['phone', 'sms', 'email', 'web', 'social', 'in_person', 'other'] as const;
export const TOPICS = ['job_offer_check', 'job_loss', 'labour_rights', 'trafficking_suspicion', 'sexual_exploitation', 'missing_person', 'migration', 'other'] as const;
export const CALLER_ROLES = ['self', 'family_or_friend', 'professional', 'employer', 'other'] as const;
export const SEXES = ['male', 'female', 'other', 'unknown'] as const;
export const AGE_GROUPS = ['0-17', '18-24', '25-34', '35-49', '50+', 'unknown'] as const;
export const CONTACT_METHODS = ['phone', 'viber', 'whatsapp', 'email'] as const;
export const STATUSES = ['new', 'assigned', 'done'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Topic = (typeof TOPICS)[number];
export type Status = (typeof STATUSES)[number];
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** A contact may be logged at most this far ahead of the server's clock (clocks drift a little). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
const JOB_CHECK_MAX_CHARS = 100_000;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/** A moment with a UTC offset, not in the future; kept as an ISO UTC timestamp so text order is time order. */
const ZInstant = z.string().transform((value, ctx) => {
  const t = parseInstant(value);
  if (t === null) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date and time with a UTC offset, such as 2021-02-01T10:00:00+01:00' });
    return z.NEVER;
  }
  if (t > Date.now() + FUTURE_TOLERANCE_MS) {
    ctx.addIssue({ code: 'custom', message: 'must not be in the future' });
    return z.NEVER;
  }
  if (t < EARLIEST) {
    ctx.addIssue({ code: 'custom', message: 'must be after 1900' });
    return z.NEVER;
  }
  return new Date(t).toISOString();
});

const ZTopics = distinct(z.enum(TOPICS), TOPICS.length).refine((topics) => topics.length > 0, 'at least one topic');

const ZJobCheck = z
  .record(z.string(), z.unknown(), { message: 'must be an object' })
  .refine((v) => JSON.stringify(v).length <= JOB_CHECK_MAX_CHARS, `at most ${JOB_CHECK_MAX_CHARS} characters as JSON`);

/** The answer to "how did you hear of us" when it is a code (a campaign's slug, `radio`) rather than prose. */
export const CODE_LIKE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

const ZEmail = z.email('must be an e-mail address').max(254);

/** Phone numbers are compared in one form, so a repeat caller is found however the number was written. */
const phone = (homeCountry: string) =>
  z.string().transform((value, ctx) => {
    const normalised = normalisePhone(value, homeCountry);
    if (normalised === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a phone number such as +381 64 123 4567' });
      return z.NEVER;
    }
    return normalised;
  });

/** Fields a contact is made of; in an update, null clears an optional field. */
function contactFields(homeCountry: string) {
  return {
    language: ZLanguage,
    callerRole: z.enum(CALLER_ROLES),
    sex: z.enum(SEXES),
    ageGroup: z.enum(AGE_GROUPS),
    nationality: ZCountry,
    destinationCountry: ZCountry,
    heardAbout: text(500),
    summary: text(20_000),
    referralGiven: text(2000),
    jobCheck: ZJobCheck,
    callerName: text(200),
    callerPhone: phone(homeCountry),
    callerEmail: ZEmail,
    contactMethod: z.enum(CONTACT_METHODS),
    safeTime: text(200),
  };
}

export type OptionalField = keyof ReturnType<typeof contactFields>;
export const OPTIONAL_FIELDS = Object.keys(contactFields('RS')) as OptionalField[];

/** Schemas that depend on the organisation's country (phone numbers without a country code are its). */
export function contactSchemas(homeCountry: string) {
  const fields = contactFields(homeCountry);
  const optional = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.nullish()])) as { [K in OptionalField]: z.ZodOptional<z.ZodNullable<(typeof fields)[K]>> };

  const ZCreateContactRequest = z
    .object({
      receivedAt: ZInstant,
      channel: z.enum(CHANNELS),
      topics: ZTopics,
      ...optional,
      status: z.enum(STATUSES).optional(),
      assigneeId: z.string().min(1).max(64).nullish(),
    })
    .strict();

  const ZUpdateContactRequest = z
    .object({
      receivedAt: ZInstant.optional(),
      channel: z.enum(CHANNELS).optional(),
      topics: ZTopics.optional(),
      ...optional,
      status: z.enum(STATUSES).optional(),
      assigneeId: z.string().min(1).max(64).nullish(),
    })
    .strict();

  // The public form's way back to the reporter: a number or an address, and how to use it.
  const ZReportContact = z
    .union([
      text(254).transform((value) => ({ value, method: undefined, safeTime: undefined })),
      z.object({ method: z.enum(CONTACT_METHODS).optional(), value: text(254), safeTime: text(200).optional() }).strict(),
    ])
    .transform((c, ctx) => {
      const contactMethod: ContactMethod = c.method ?? (c.value.includes('@') ? 'email' : 'phone');
      const address = contactMethod === 'email' ? ZEmail.safeParse(c.value) : phone(homeCountry).safeParse(c.value);
      if (!address.success) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: contactMethod === 'email' ? 'must be an e-mail address' : 'must be a phone number such as +381 64 123 4567' });
        return z.NEVER;
      }
      return { contactMethod, safeTime: c.safeTime, ...(contactMethod === 'email' ? { callerEmail: address.data } : { callerPhone: address.data }) };
    });

  const ZPublicReportRequest = z
    .object({
      message: text(10_000),
      contact: ZReportContact.optional(),
      language: ZLanguage.optional(),
      topic: z.enum(TOPICS).optional(),
    })
    .strict();

  return { ZCreateContactRequest, ZUpdateContactRequest, ZPublicReportRequest, ZPhone: phone(homeCountry) };
}

type Schemas = ReturnType<typeof contactSchemas>;
export type TCreateContactRequest = z.infer<Schemas['ZCreateContactRequest']>;
export type TUpdateContactRequest = z.infer<Schemas['ZUpdateContactRequest']>;
export type TPublicReportRequest = z.infer<Schemas['ZPublicReportRequest']>;

const ZOneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

export const ZListContactsQuery = z
  .object({
    from: ZDay.optional(),
    to: ZDay.optional(),
    topic: ZOneOrMany(z.enum(TOPICS)).optional(),
    channel: ZOneOrMany(z.enum(CHANNELS)).optional(),
    status: ZOneOrMany(z.enum(STATUSES)).optional(),
    language: ZLanguage.optional(),
    nationality: ZCountry.optional(),
    assigneeId: z.string().min(1).max(64).optional(),
    phone: z.string().max(40).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(400).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export type TListContactsQuery = z.infer<typeof ZListContactsQuery>;

export const ZStatsQuery = z
  .object({ from: ZDay, to: ZDay })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });
