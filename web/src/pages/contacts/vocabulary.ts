import { useMemo } from 'react';
import { EXPLOITATION_TYPES } from '../../../../src/modules/cases/case-vocabularies.js';
import { COUNTRY_CODES } from '../../../../src/platform/countries.js';
import { LOCALES } from '../../../../src/platform/i18n/locales.js';
import type { AgeGroup, CallerRole, Channel, ContactMethod, ExploitationType, JobCheckRisk, Sex, Status, Topic } from '../../api/contacts.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';

// The server's lists would bring its validation library into the bundle; a Record<T, ...> makes
// the compiler insist on exactly the server's values all the same. The values give the order on screen.
const ordered = <T extends string>(order: Record<T, number>): T[] => (Object.keys(order) as T[]).sort((a, b) => order[a] - order[b]);

export const CHANNELS = ordered<Channel>({ phone: 1, sms: 2, email: 3, web: 4, social: 5, in_person: 6, other: 7 });
export const TOPICS = ordered<Topic>({
  job_offer_check: 1, job_loss: 2, labour_rights: 3, trafficking_suspicion: 4, sexual_exploitation: 5, missing_person: 6, migration: 7, other: 8,
});
export const STATUSES = ordered<Status>({ new: 1, assigned: 2, done: 3 });

export const CALLER_ROLES = ordered<CallerRole>({ self: 1, family_or_friend: 2, professional: 3, employer: 4, other: 5 });
export const SEXES = ordered<Sex>({ male: 1, female: 2, other: 3, unknown: 4 });
export const AGE_GROUPS = ordered<AgeGroup>({ '0-17': 1, '18-24': 2, '25-34': 3, '35-49': 4, '50+': 5, unknown: 6 });
export { EXPLOITATION_TYPES };

/**
 * The languages callers use most: those of the public site, the region's and the main migrant
 * workers'. A language outside the list is still accepted by the API (from an import, say).
 */
const CALLER_LANGUAGES = ['sr', 'en', 'hi', 'ur', 'tr', 'zh', 'sq', 'vi', 'ne', 'bn', 'ru', 'uk', 'ro', 'hu', 'bg', 'mk', 'ar', 'fa', 'ps', 'uz', 'ky', 'tl', 'si', 'ta', 'pa', 'de', 'fr'];

export const channelLabel = (c: Channel): MessageKey => `contacts.channel.${c}`;
export const topicLabel = (t: Topic): MessageKey => `contacts.topic.${t}`;
export const statusLabel = (s: Status): MessageKey => `contacts.status.${s}`;
export const callerRoleLabel = (r: CallerRole): MessageKey => `contacts.callerRole.${r}`;
export const sexLabel = (s: Sex): MessageKey => `contacts.sex.${s}`;
export const contactMethodLabel = (m: ContactMethod): MessageKey => `contacts.contactMethod.${m}`;
export const riskLabel = (r: JobCheckRisk): MessageKey => `contacts.jobCheckRisk.${r}`;
export const exploitationLabel = (x: ExploitationType): MessageKey => `contacts.escalate.type.${x}`;

export interface Option {
  value: string;
  label: string;
}

/** Names of countries and languages in the reader's language, sorted as the reader's alphabet sorts them. */
export function useNames() {
  const { t, lang } = useI18n();
  return useMemo(() => {
    const tag = LOCALES[lang].tag;
    const regions = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
    const languages = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' });
    const collator = new Intl.Collator(tag);
    const days = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
    const byLabel = (a: Option, b: Option) => collator.compare(a.label, b.label);
    const country = (code: string | null) => (code ? (regions.of(code) ?? code) : '');
    const language = (code: string | null) => (code ? (languages.of(code) ?? code) : '');
    return {
      country,
      language,
      countries: COUNTRY_CODES.map((c) => ({ value: c, label: country(c) })).sort(byLabel),
      languages: CALLER_LANGUAGES.map((l) => ({ value: l, label: language(l) })).sort(byLabel),
      /** A calendar day (`2021-02-01`) as the reader writes dates. */
      day: (date: string) => days.format(new Date(`${date}T00:00:00Z`)),
      /** An age group's label: the range as written, or the word for unknown. */
      ageGroup: (a: string | null) => (!a ? '' : a === 'unknown' ? t('contacts.ageGroup.unknown') : a),
    };
  }, [lang, t]);
}
