import { z } from 'zod';
import { distinct, ZDay, ZLanguage } from '../../platform/fields.js';
import { PUBLIC_LANGS } from '../../platform/i18n/locales.js';
import { parseInstant } from '../../platform/time.js';

export const CHANNELS = ['facebook', 'twitter', 'instagram', 'linkedin', 'youtube', 'tiktok', 'website', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const METRICS = ['reach', 'impressions', 'engagements', 'clicks', 'videoViews'] as const;
export type Metric = (typeof METRICS)[number];

/** Lower-case words joined by single hyphens: safe in a URL as it is, and readable on a leaflet. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

export const ZSlug = z.string().max(80, 'at most 80 characters').regex(SLUG, 'must be lower-case letters and digits joined by single hyphens, such as safe-work-2021');
export const ZPublicLang = z.enum(PUBLIC_LANGS, { message: `must be one of ${PUBLIC_LANGS.join(', ')}` });

/** A moment with a UTC offset, kept as an ISO UTC timestamp so text order is time order. Planned posts may lie ahead. */
export const ZInstant = z.string().transform((value, ctx) => {
  const t = parseInstant(value);
  if (t === null) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date and time with a UTC offset, such as 2021-05-10T09:00:00+02:00' });
    return z.NEVER;
  }
  return new Date(t).toISOString();
});

/** Networks report counts; a count is whole and never negative. */
export const ZMetric = z
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(1e12, 'is larger than any network reports');

const campaignFields = {
  name: text(200),
  slug: ZSlug,
  startsOn: ZDay,
  endsOn: ZDay,
  languages: distinct(ZPublicLang, PUBLIC_LANGS.length).refine((l) => l.length > 0, 'at least one language'),
  goals: distinct(text(500), 20),
  audiences: distinct(text(200), 20),
};

const endsAfterStart = (c: { startsOn?: string; endsOn?: string }) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn;
const ZDates = z.object({ startsOn: ZDay.optional(), endsOn: ZDay.optional() });
// Checked whenever both dates are readable, so a request with other bad fields names endsOn too.
const ENDS_BEFORE_START = { message: 'must not be before startsOn', path: ['endsOn'], when: (p: { value: unknown }) => ZDates.safeParse(p.value).success };

export const ZCreateCampaignRequest = z
  .object({ ...campaignFields, goals: campaignFields.goals.default([]), audiences: campaignFields.audiences.default([]) })
  .strict()
  .refine(endsAfterStart, ENDS_BEFORE_START);
export type TCreateCampaignRequest = z.infer<typeof ZCreateCampaignRequest>;

export const ZUpdateCampaignRequest = z
  .object(campaignFields)
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change')
  .refine(endsAfterStart, ENDS_BEFORE_START);
export type TUpdateCampaignRequest = z.infer<typeof ZUpdateCampaignRequest>;

const postFields = {
  channel: z.enum(CHANNELS, { message: `must be one of ${CHANNELS.join(', ')}` }),
  publishedAt: ZInstant,
  language: ZLanguage,
  url: z.url({ protocol: /^https?$/, message: 'must be an http or https address' }).max(2000, 'at most 2000 characters'),
  topic: text(200),
  text: text(5000),
  reach: ZMetric,
  impressions: ZMetric,
  engagements: ZMetric,
  clicks: ZMetric,
  videoViews: ZMetric,
};

export const ZCreatePostRequest = z
  .object({
    channel: postFields.channel,
    publishedAt: postFields.publishedAt,
    language: postFields.language.optional(),
    url: postFields.url.optional(),
    topic: postFields.topic.optional(),
    text: postFields.text.optional(),
    reach: postFields.reach.optional(),
    impressions: postFields.impressions.optional(),
    engagements: postFields.engagements.optional(),
    clicks: postFields.clicks.optional(),
    videoViews: postFields.videoViews.optional(),
  })
  .strict();
export type TCreatePostRequest = z.infer<typeof ZCreatePostRequest>;

/** In an update, null clears an optional field (a metric back to "not reported"). */
export const ZUpdatePostRequest = z
  .object({
    channel: postFields.channel,
    publishedAt: postFields.publishedAt,
    language: postFields.language.nullable(),
    url: postFields.url.nullable(),
    topic: postFields.topic.nullable(),
    text: postFields.text.nullable(),
    reach: postFields.reach.nullable(),
    impressions: postFields.impressions.nullable(),
    engagements: postFields.engagements.nullable(),
    clicks: postFields.clicks.nullable(),
    videoViews: postFields.videoViews.nullable(),
  })
  .partial()
  .strict()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');
export type TUpdatePostRequest = z.infer<typeof ZUpdatePostRequest>;

export const ZPutPageRequest = z.object({ title: text(200), body: z.string().max(100_000, 'at most 100,000 characters') }).strict();
export type TPutPageRequest = z.infer<typeof ZPutPageRequest>;

export const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const ZPostListQuery = ZListQuery.extend({
  channel: postFields.channel.optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZIdParams = z.object({ id: z.string().min(1).max(64) });
export const ZPostParams = ZIdParams.extend({ postId: z.string().min(1).max(64) });
export const ZPageParams = ZIdParams.extend({ lang: ZPublicLang });
