import { formatNumber } from '../../platform/i18n/format.js';
import { STAFF_LANGS, type PublicLang, type StaffLang } from '../../platform/i18n/locales.js';
import { text } from '../../platform/i18n/messages.js';
import type { MessageValues } from '../../platform/i18n/translator.js';
import type { Summary } from './summary.js';

/**
 * Languages the narrative is written in (locales/<lang>/reports.json); any other language gets
 * the English paragraph whole, numbers included, rather than English words around its digits.
 */
export const NARRATIVE_LANGS: readonly StaffLang[] = STAFF_LANGS;

export function narrativeLang(lang: PublicLang): StaffLang {
  return NARRATIVE_LANGS.find((l) => l === lang) ?? 'en';
}

const m = (lang: StaffLang, key: string, values: MessageValues) => text(lang, `reports:narrative.${key}`, values);

/** none, some or all: the sentences say "all of them" rather than "24 of them" of 24. */
const share = (part: number, whole: number) => (part === 0 ? 'none' : part === whole ? 'all' : 'some');

function date(lang: StaffLang, day: string, withYear: boolean): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return m(lang, withYear ? 'date' : 'dayMonth', { day: String(dayOfMonth), month: String(month), year: String(year) });
}

/** A date as the narrative writes it: "30 September 2020", "30. septembra 2020. godine". */
export const longDate = (lang: StaffLang, day: string): string => date(lang, day, true);

/** "By 30 September 2020" for a year so far, "On …" for one day, "Between … and …" otherwise. */
function periodValues(lang: StaffLang, { from, to }: Summary['period']) {
  if (from === to) return { period: 'day', start: '', end: date(lang, to, true) };
  if (from === `${to.slice(0, 4)}-01-01`) return { period: 'toDate', start: '', end: date(lang, to, true) };
  return { period: 'range', start: date(lang, from, from.slice(0, 4) !== to.slice(0, 4)), end: date(lang, to, true) };
}

function labourClause(lang: StaffLang, l: Summary['victims']['labour']): string {
  if (l.total === 0) return '';
  const labour = m(lang, 'labour', { labour: l.total });
  const men = l.male > 0 ? m(lang, 'labour.men', { men: l.male, foreign: l.maleForeignNationals, foreignShare: share(l.maleForeignNationals, l.male) }) : '';
  const women = l.female > 0 ? m(lang, 'labour.women', { women: l.female }) : '';
  const people = men && women ? m(lang, 'labour.menAndWomen', { men, women, appositive: l.maleForeignNationals > 0 ? 'yes' : 'no' }) : men || women;
  return people ? m(lang, 'labour.people', { labour, people }) : labour;
}

/**
 * The period's figures as the paragraph of a donor report, in the language asked for (see
 * NARRATIVE_LANGS): identified victims with the labour-exploitation breakdown, the SOS line's
 * contacts, and their change against the same period a year earlier.
 */
export function narrative(summary: Summary, requested: PublicLang): string {
  const lang = narrativeLang(requested);
  const v = summary.victims;
  const c = summary.contacts;
  const victims = m(lang, 'victims', {
    ...periodValues(lang, summary.period),
    identified: v.identified,
    children: v.children,
    childShare: share(v.children, v.identified),
    labour: labourClause(lang, v.labour),
  });
  const jobOffers = c.byTopic.job_offer_check ?? 0;
  const contacts = m(lang, 'contacts', { total: c.total, jobOffers, jobShare: share(jobOffers, c.total) });
  const change = c.previousYear.changePercent;
  const direction = change === null ? 'none' : c.total > c.previousYear.total ? 'up' : c.total < c.previousYear.total ? 'down' : 'same';
  const percent = formatNumber(lang, Math.abs(change ?? 0));
  return [victims, contacts, m(lang, 'change', { direction, percent })].join(' ');
}
