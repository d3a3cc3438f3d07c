import { LOCALES, type StaffLang } from '../../platform/i18n/locales.js';
import { EXPLOITATION_TYPES, SEXES } from '../cases/case-vocabularies.js';
import { TOPICS } from '../helpline/contacts.schemas.js';
import { contactsPerWeekChart, nationalitiesChart, topicsChart, victimsByTypeAndSexChart, type Series } from './charts.js';
import { longDate } from './narrative.js';
import type { Period } from './period.js';
import type { WeekFigures } from './reports.service.js';
import { countryNames, label } from './report-labels.js';
import type { Summary } from './summary.js';

export const CHARTS = ['contacts-per-week', 'topics', 'victims-by-type-and-sex', 'nationalities'] as const;
export type ChartName = (typeof CHARTS)[number];

/** Charts drawn from the period's weeks; the others from its summary. */
export const WEEKLY_CHARTS: readonly ChartName[] = ['contacts-per-week', 'topics'];

const series = (lang: StaffLang, prefix: string, keys: readonly string[]): Series[] => keys.map((key) => ({ key, label: label(lang, `${prefix}.${key}`) }));

function texts(lang: StaffLang, chart: string, period: Period, axis?: { x?: string; y?: string }) {
  return {
    locale: LOCALES[lang].tag,
    title: label(lang, `chart.${chart}.title`),
    description: label(lang, `chart.${chart}.description`, { from: longDate(lang, period.from), to: longDate(lang, period.to) }),
    ...axis,
  };
}

export function weeklyChart(name: ChartName, weeks: readonly WeekFigures[], period: Period, lang: StaffLang): string {
  const contacts = label(lang, 'chart.contacts.axis');
  if (name === 'contacts-per-week') {
    return contactsPerWeekChart(
      weeks.map((w) => ({ start: w.period.from, current: w.contacts.total, previous: w.previousYear })),
      texts(lang, 'contactsPerWeek', period, { y: contacts }),
      { current: label(lang, 'chart.contactsPerWeek.current'), previous: label(lang, 'chart.contactsPerWeek.previous') },
    );
  }
  return topicsChart(
    weeks.map((w) => ({ start: w.period.from, byTopic: w.contacts.byTopic })),
    series(lang, 'topic', TOPICS),
    texts(lang, 'topics', period, { y: contacts }),
  );
}

export function summaryChart(name: ChartName, summary: Summary, lang: StaffLang): string {
  const victims = label(lang, 'chart.victims.axis');
  if (name === 'victims-by-type-and-sex') {
    const types = EXPLOITATION_TYPES.filter((t) => (summary.victims.byExploitation[t] ?? 0) > 0 || t === 'labour');
    return victimsByTypeAndSexChart(summary.victims.byExploitationAndSex, series(lang, 'exploitation', types), series(lang, 'sex', SEXES), texts(lang, 'victims', summary.period, { x: victims }));
  }
  const country = countryNames(lang);
  return nationalitiesChart(
    Object.entries(summary.victims.byCitizenship).map(([code, n]) => ({ label: country(code), n })),
    texts(lang, 'nationalities', summary.period, { x: victims }),
  );
}
