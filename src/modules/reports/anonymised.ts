import { SECTOR_IDS, SEXES } from '../cases/case-vocabularies.js';
import { anonymise, childOrAdult, K, mainExploitation, publishTable, type PublishedTable, type Release, type VictimRecord } from './disclosure.js';
import type { Period } from './period.js';
import type { ContactCounts } from './summary.js';

/** What may leave the organisation about a period's victims: k-anonymous records and tables without small counts. */
export interface AnonymisedRelease extends Release {
  period: Period;
  tables: Record<string, PublishedTable>;
}

const AGE_GROUPS = ['0-17', '18+', 'unknown'] as const;
// One row per victim (labour, else sexual, else other), so every total is a number of people.
const MAIN_TYPES = ['labour', 'sexual', 'other', 'unknown'] as const;

function countBy(records: readonly VictimRecord[], rows: readonly string[], columns: readonly string[], row: (r: VictimRecord) => string, column: (r: VictimRecord) => string) {
  const cells = rows.map(() => columns.map(() => 0));
  for (const r of records) {
    const i = rows.indexOf(row(r));
    const j = columns.indexOf(column(r));
    if (i >= 0 && j >= 0) cells[i]![j]!++;
  }
  return publishTable({ rows, columns, cells });
}

/** Victims by sex and age group, by main type of exploitation and sex, by citizenship and by sector, fit to publish. */
function victimTables(records: readonly VictimRecord[]): Record<string, PublishedTable> {
  // Only countries of k people or more get a row of their own: a row for any other would tell that someone from there is counted.
  const perCountry = new Map<string, number>();
  for (const r of records) perCountry.set(r.citizenship, (perCountry.get(r.citizenship) ?? 0) + 1);
  const countries = [...perCountry].filter(([, n]) => n >= K).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([c]) => c);
  const victims = ['victims'];
  return {
    sexByAgeGroup: countBy(records, SEXES, AGE_GROUPS, (r) => r.gender, (r) => childOrAdult(r.age)),
    exploitationBySex: countBy(records, MAIN_TYPES, SEXES, (r) => mainExploitation(r.exploitationTypes), (r) => r.gender),
    citizenship: countBy(records, [...countries, 'other'], victims, (r) => (countries.includes(r.citizenship) ? r.citizenship : 'other'), () => 'victims'),
    sector: countBy(records, [...SECTOR_IDS, 'unknown'], victims, (r) => r.sector ?? 'unknown', () => 'victims'),
  };
}

export function anonymisedRelease(records: readonly VictimRecord[], period: Period): AnonymisedRelease {
  return { ...anonymise(records), period, tables: victimTables(records) };
}

/** What the public statistics page shows for a period: contacts by topic and the victim tables. */
export function publicTables(contacts: ContactCounts, records: readonly VictimRecord[]): Record<string, PublishedTable> {
  const topics = Object.keys(contacts.byTopic);
  return {
    contactsByTopic: publishTable({ rows: topics, columns: ['contacts'], cells: topics.map((t) => [contacts.byTopic[t]!]) }),
    ...victimTables(records),
  };
}
