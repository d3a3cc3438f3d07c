import { SECTORS } from '../cases/case-vocabularies.js';
import { regionOf, subRegionOf } from './regions.js';

/**
 * Disclosure control for data that leaves the organisation. CTDC publishes victim records only
 * when every combination of released values describes at least 11 people, and tables only
 * without counts of 1 to 10; so do we.
 */
export const K = 11;

/** One identified victim in the shape of the HTCDS / CTDC data standards: no identity, no date finer than the year. */
export interface VictimRecord {
  gender: string;
  /** Whole years at identification; null when unknown. */
  age: number | null;
  citizenship: string;
  exploitationTypes: readonly string[];
  sector: string | null;
  meansOfControl: readonly string[];
  recruiterRelation: string | null;
  year: number;
}

export const ATTRIBUTES = ['gender', 'ageBand', 'citizenship', 'exploitationTypes', 'sector', 'meansOfControl', 'recruiterRelation', 'year'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
/** A released record: every attribute as released, lists joined with ";", "*" where withheld. */
export type ReleasedRecord = Record<Attribute, string>;

const HIDDEN = '*';
const UNKNOWN = 'unknown';

function band(age: number | null, bands: readonly (readonly [number, string])[]): string {
  if (age === null) return UNKNOWN;
  return bands.find(([below]) => age < below)?.[1] ?? bands.at(-1)![1];
}
// CTDC's age bands, then wider ones.
const CTDC_BANDS = [[9, '0-8'], [18, '9-17'], [21, '18-20'], [24, '21-23'], [27, '24-26'], [30, '27-29'], [39, '30-38'], [48, '39-47'], [Infinity, '48+']] as const;
const BROAD_BANDS = [[18, '0-17'], [30, '18-29'], [48, '30-47'], [Infinity, '48+']] as const;
const CHILD_OR_ADULT = [[18, '0-17'], [Infinity, '18+']] as const;

/** 0-17, 18+ or unknown. */
export const childOrAdult = (age: number | null): string => band(age, CHILD_OR_ADULT);

const list = (values: readonly string[]) => (values.length ? [...new Set(values)].sort().join(';') : UNKNOWN);

/** Labour when among the types, else sexual when among them, else other: one group per victim. */
export function mainExploitation(types: readonly string[]): string {
  if (types.includes('labour')) return 'labour';
  if (types.includes('sexual')) return 'sexual';
  return types.length ? 'other' : UNKNOWN;
}

function isicSection(sector: string | null): string {
  if (sector === null) return UNKNOWN;
  return (SECTORS as Record<string, string | null>)[sector] ?? 'other';
}

const RELATION_GROUPS: Readonly<Record<string, string>> = {
  intimate_partner: 'family_or_partner',
  family: 'family_or_partner',
  friend: 'friend_or_acquaintance',
  acquaintance: 'friend_or_acquaintance',
  employer: 'employer_or_agency',
  recruitment_agency: 'employer_or_agency',
};

interface Level {
  name: string;
  value(r: VictimRecord, years: string): string;
}

/** Each attribute's generalisation hierarchy, from the value itself to withheld. */
const HIERARCHIES: Readonly<Record<Attribute, readonly Level[]>> = {
  gender: [
    { name: 'sex', value: (r) => r.gender },
    { name: 'withheld', value: () => HIDDEN },
  ],
  ageBand: [
    { name: 'CTDC age bands', value: (r) => band(r.age, CTDC_BANDS) },
    { name: 'broad age bands', value: (r) => band(r.age, BROAD_BANDS) },
    { name: 'child or adult', value: (r) => childOrAdult(r.age) },
    { name: 'withheld', value: () => HIDDEN },
  ],
  citizenship: [
    { name: 'country', value: (r) => r.citizenship },
    { name: 'UN M49 sub-region', value: (r) => subRegionOf(r.citizenship) },
    { name: 'UN M49 region', value: (r) => regionOf(r.citizenship) },
    { name: 'withheld', value: () => HIDDEN },
  ],
  exploitationTypes: [
    { name: 'types', value: (r) => list(r.exploitationTypes) },
    { name: 'labour, else sexual, else other', value: (r) => mainExploitation(r.exploitationTypes) },
    { name: 'withheld', value: () => HIDDEN },
  ],
  sector: [
    { name: 'sector', value: (r) => r.sector ?? UNKNOWN },
    { name: 'ISIC section', value: (r) => isicSection(r.sector) },
    { name: 'withheld', value: () => HIDDEN },
  ],
  meansOfControl: [
    { name: 'means', value: (r) => list(r.meansOfControl) },
    { name: 'withheld', value: () => HIDDEN },
  ],
  recruiterRelation: [
    { name: 'relation', value: (r) => r.recruiterRelation ?? UNKNOWN },
    { name: 'relation group', value: (r) => (r.recruiterRelation === null ? UNKNOWN : (RELATION_GROUPS[r.recruiterRelation] ?? 'other_or_unknown')) },
    { name: 'withheld', value: () => HIDDEN },
  ],
  year: [
    { name: 'year', value: (r) => String(r.year) },
    { name: 'all years together', value: (_r, years) => years },
  ],
};

// When two steps leave as many people out, widen first what readers miss least.
const WIDEN_FIRST: readonly Attribute[] = ['meansOfControl', 'ageBand', 'citizenship', 'year', 'recruiterRelation', 'sector', 'exploitationTypes', 'gender'];

export interface Release {
  k: number;
  /** Records before disclosure control. */
  total: number;
  records: ReleasedRecord[];
  /** How far each attribute was generalised (the level's name). */
  generalisation: Record<Attribute, string>;
  /** Records withheld because, even generalised, their combination described fewer than k people. */
  suppressed: { records: number; combinations: number };
}

type Levels = Record<Attribute, number>;

/**
 * Generalises, then suppresses: widens one attribute at a time (the step that leaves the fewest
 * people in combinations smaller than k) until at most `maxSuppressedShare` of the records (5%,
 * and at least one) would have to be withheld, then withholds those. Every attribute is treated
 * as a quasi-identifier, so any released combination of values, in full or in part, describes
 * at least k people.
 */
export function anonymise(records: readonly VictimRecord[], opts: { k?: number; maxSuppressedShare?: number } = {}): Release {
  const k = opts.k ?? K;
  // One outlier (the only child, say) may always be withheld rather than blur everyone else's record.
  const allowed = Math.max(1, Math.floor(records.length * (opts.maxSuppressedShare ?? 0.05)));
  const first = records.reduce((y, r) => Math.min(y, r.year), Infinity);
  const last = records.reduce((y, r) => Math.max(y, r.year), -Infinity);
  const years = first === last ? String(first) : `${first}-${last}`;
  // Each attribute's values at each level, coded as small integers so grouping compares numbers.
  const codes = new Map<string, Int32Array>();
  const codesOf = (a: Attribute, level: number): Int32Array => {
    const id = `${a}:${level}`;
    let c = codes.get(id);
    if (!c) {
      const seen = new Map<string, number>();
      c = Int32Array.from(records, (r) => {
        const v = HIERARCHIES[a][level]!.value(r, years);
        let code = seen.get(v);
        if (code === undefined) seen.set(v, (code = seen.size));
        return code;
      });
      codes.set(id, c);
    }
    return c;
  };
  const keysAt = (levels: Levels): string[] => {
    const columns = ATTRIBUTES.map((a) => codesOf(a, levels[a]));
    return records.map((_, i) => columns.map((c) => c[i]).join(','));
  };
  const groupSizes = (keys: string[]) => {
    const sizes = new Map<string, number>();
    for (const key of keys) sizes.set(key, (sizes.get(key) ?? 0) + 1);
    return sizes;
  };
  const leftOut = (levels: Levels): number => {
    let n = 0;
    for (const size of groupSizes(keysAt(levels)).values()) if (size < k) n += size;
    return n;
  };

  const levels = Object.fromEntries(ATTRIBUTES.map((a) => [a, 0])) as Levels;
  for (let current = leftOut(levels); current > allowed; ) {
    let best: { attribute: Attribute; leftOut: number } | null = null;
    for (const a of WIDEN_FIRST) {
      if (levels[a] === HIERARCHIES[a].length - 1) continue;
      const n = leftOut({ ...levels, [a]: levels[a] + 1 });
      if (!best || n < best.leftOut) best = { attribute: a, leftOut: n };
    }
    if (!best) break;
    levels[best.attribute]++;
    current = best.leftOut;
  }

  const keys = keysAt(levels);
  const sizes = groupSizes(keys);
  const released: ReleasedRecord[] = [];
  records.forEach((r, i) => {
    if (sizes.get(keys[i]!)! >= k) released.push(Object.fromEntries(ATTRIBUTES.map((a) => [a, HIERARCHIES[a][levels[a]]!.value(r, years)])) as ReleasedRecord);
  });
  // Sorted, so the order of the file says nothing about when or in which order cases were opened.
  released.sort((x, y) => ATTRIBUTES.map((a) => x[a].localeCompare(y[a])).find((c) => c !== 0) ?? 0);
  const small = [...sizes.values()].filter((s) => s < k);
  return {
    k,
    total: records.length,
    records: released,
    generalisation: Object.fromEntries(ATTRIBUTES.map((a) => [a, HIERARCHIES[a][levels[a]]!.name])) as Record<Attribute, string>,
    suppressed: { records: small.reduce((a, b) => a + b, 0), combinations: small.length },
  };
}

/** Counts by two characteristics, such as exploitation type by sex. */
export interface CountTable {
  rows: readonly string[];
  columns: readonly string[];
  /** cells[row][column] */
  cells: readonly (readonly number[])[];
}

export interface SuppressedCell {
  /** null: the column total line. */
  row: string | null;
  /** null: the row total line. */
  column: string | null;
  /** small: 1 to k-1 people; complementary: hidden so that a small one cannot be worked out from the totals. */
  reason: 'small' | 'complementary';
}

export interface PublishedTable {
  rows: readonly string[];
  columns: readonly string[];
  /** null where suppressed. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  suppressed: SuppressedCell[];
}

/**
 * A table fit to publish: counts of 1 to k-1 are suppressed, and so is, in any row or column
 * (totals included) left with exactly one suppressed entry, its smallest other entry, so that no
 * suppressed count can be worked out by subtracting from a total.
 */
export function publishTable(t: CountTable, k = K): PublishedTable {
  const r = t.rows.length;
  const c = t.columns.length;
  // The table with its margins: row r holds the column totals, column c the row totals.
  const grid = Array.from({ length: r + 1 }, (_, i) =>
    Array.from({ length: c + 1 }, (_, j) => {
      if (i < r && j < c) return t.cells[i]![j]!;
      if (i < r) return t.cells[i]!.reduce((a, b) => a + b, 0);
      if (j < c) return t.cells.reduce((a, row) => a + row[j]!, 0);
      return t.cells.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
    }),
  );
  const reason = grid.map((row) => row.map((v): SuppressedCell['reason'] | null => (v >= 1 && v < k ? 'small' : null)));
  // Each row and each column, with its total, is one equation: entries sum to the total.
  const lines: [number, number][][] = [
    ...Array.from({ length: r + 1 }, (_, i) => Array.from({ length: c + 1 }, (_, j): [number, number] => [i, j])),
    ...Array.from({ length: c + 1 }, (_, j) => Array.from({ length: r + 1 }, (_, i): [number, number] => [i, j])),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.length < 2 || line.filter(([i, j]) => reason[i]![j]).length !== 1) continue;
      const [i, j] = line
        .filter(([x, y]) => !reason[x]![y])
        // Smallest count first, a count before a total, so the table loses as little as it can.
        .sort(([a, b], [x, y]) => (grid[a]![b]! === 0 ? 1 : 0) - (grid[x]![y]! === 0 ? 1 : 0) || grid[a]![b]! - grid[x]![y]! || Number(a === r || b === c) - Number(x === r || y === c))[0]!;
      reason[i]![j] = 'complementary';
      changed = true;
    }
  }
  const shown = (i: number, j: number) => (reason[i]![j] ? null : grid[i]![j]!);
  const suppressed: SuppressedCell[] = [];
  reason.forEach((row, i) =>
    row.forEach((why, j) => {
      if (why) suppressed.push({ row: i < r ? t.rows[i]! : null, column: j < c ? t.columns[j]! : null, reason: why });
    }),
  );
  return {
    rows: t.rows,
    columns: t.columns,
    cells: t.rows.map((_, i) => t.columns.map((_, j) => shown(i, j))),
    rowTotals: t.rows.map((_, i) => shown(i, c)),
    columnTotals: t.columns.map((_, j) => shown(r, j)),
    total: shown(r, c),
    suppressed,
  };
}
