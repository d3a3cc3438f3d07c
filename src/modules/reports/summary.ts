import { EXPLOITATION_TYPES, SEXES } from '../cases/case-vocabularies.js';
import { changePercent, type Period } from './period.js';

/** Contacts of a period: every contact once in total and under its channel, once under each of its topics. */
export interface ContactCounts {
  total: number;
  byTopic: Record<string, number>;
  byChannel: Record<string, number>;
}

/** How many identified victims share one combination of the facts statistics report. */
export interface VictimGroup {
  sex: string;
  /** Under 18 at identification; false when the age is unknown. */
  child: boolean;
  citizenship: string;
  exploitationTypes: readonly string[];
  sector: string | null;
  n: number;
}

export interface LabourFigures {
  total: number;
  male: number;
  female: number;
  children: number;
  foreignNationals: number;
  maleForeignNationals: number;
}

export interface VictimFigures {
  identified: number;
  children: number;
  foreignNationals: number;
  bySex: Record<string, number>;
  byExploitation: Record<string, number>;
  /** type → sex → victims: the chart of victims by type and sex. */
  byExploitationAndSex: Record<string, Record<string, number>>;
  labour: LabourFigures;
  byCitizenship: Record<string, number>;
  bySector: Record<string, number>;
}

/** GET /api/v1/reports/summary without its narrative. */
export interface Summary {
  period: Period;
  contacts: ContactCounts & { previousYear: { total: number; changePercent: number | null; period: Period } };
  victims: VictimFigures;
}

export interface SummaryInput {
  period: Period;
  previousPeriod: Period;
  contacts: ContactCounts;
  previousContacts: number;
  victims: readonly VictimGroup[];
  /** ORG_COUNTRY: a victim of any other citizenship is a foreign national. */
  orgCountry: string;
}

const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));
const add = (into: Record<string, number>, key: string, n: number) => {
  into[key] = (into[key] ?? 0) + n;
};

/** Largest first, then by key, so tables and charts list the same order every time. */
function sortedByCount(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}

/**
 * The counting rules: each victim once in the totals, by sex, citizenship and sector; once under
 * each of its exploitation types; a child is under 18 at identification; a foreign national holds
 * a citizenship other than the organisation's country.
 */
export function victimFigures(groups: readonly VictimGroup[], orgCountry: string): VictimFigures {
  const v: VictimFigures = {
    identified: 0,
    children: 0,
    foreignNationals: 0,
    bySex: zeros(SEXES),
    byExploitation: zeros(EXPLOITATION_TYPES),
    byExploitationAndSex: Object.fromEntries(EXPLOITATION_TYPES.map((t) => [t, zeros(SEXES)])),
    labour: { total: 0, male: 0, female: 0, children: 0, foreignNationals: 0, maleForeignNationals: 0 },
    byCitizenship: {},
    bySector: {},
  };
  for (const g of groups) {
    const foreign = g.citizenship !== orgCountry;
    v.identified += g.n;
    if (g.child) v.children += g.n;
    if (foreign) v.foreignNationals += g.n;
    add(v.bySex, g.sex, g.n);
    add(v.byCitizenship, g.citizenship, g.n);
    add(v.bySector, g.sector ?? 'unknown', g.n);
    for (const type of new Set(g.exploitationTypes)) {
      add(v.byExploitation, type, g.n);
      add((v.byExploitationAndSex[type] ??= zeros(SEXES)), g.sex, g.n);
    }
    if (g.exploitationTypes.includes('labour')) {
      const l = v.labour;
      l.total += g.n;
      if (g.sex === 'male') l.male += g.n;
      if (g.sex === 'female') l.female += g.n;
      if (g.child) l.children += g.n;
      if (foreign) l.foreignNationals += g.n;
      if (foreign && g.sex === 'male') l.maleForeignNationals += g.n;
    }
  }
  v.byCitizenship = sortedByCount(v.byCitizenship);
  v.bySector = sortedByCount(v.bySector);
  return v;
}

export function summarise(input: SummaryInput): Summary {
  return {
    period: input.period,
    contacts: {
      ...input.contacts,
      previousYear: { total: input.previousContacts, changePercent: changePercent(input.contacts.total, input.previousContacts), period: input.previousPeriod },
    },
    victims: victimFigures(input.victims, input.orgCountry),
  };
}
