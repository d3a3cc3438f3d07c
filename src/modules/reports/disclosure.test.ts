import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../platform/countries.js';
import { EXPLOITATION_TYPES, MEANS_OF_CONTROL, RECRUITER_RELATIONS, SECTOR_IDS } from '../cases/case-vocabularies.js';
import { anonymise, ATTRIBUTES, K, publishTable, type CountTable, type ReleasedRecord, type VictimRecord } from './disclosure.js';
import { regionOf, subRegionOf } from './regions.js';

const victim: fc.Arbitrary<VictimRecord> = fc.record({
  gender: fc.constantFrom('male', 'male', 'male', 'female', 'other', 'unknown'),
  age: fc.option(fc.integer({ min: 0, max: 80 }), { freq: 8 }),
  citizenship: fc.constantFrom('RS', 'RS', 'IN', 'NP', 'BD', 'PK', 'TR', 'CN', 'VN', 'AL', 'PH', 'UA'),
  exploitationTypes: fc.uniqueArray(fc.constantFrom(...EXPLOITATION_TYPES), { minLength: 1, maxLength: 2 }),
  sector: fc.option(fc.constantFrom(...SECTOR_IDS)),
  meansOfControl: fc.uniqueArray(fc.constantFrom(...MEANS_OF_CONTROL), { maxLength: 3 }),
  recruiterRelation: fc.option(fc.constantFrom(...RECRUITER_RELATIONS)),
  year: fc.integer({ min: 2018, max: 2022 }),
});

const combination = (r: ReleasedRecord) => ATTRIBUTES.map((a) => r[a]).join('|');

function groupSizes(records: readonly ReleasedRecord[]): number[] {
  const sizes = new Map<string, number>();
  for (const r of records) sizes.set(combination(r), (sizes.get(combination(r)) ?? 0) + 1);
  return [...sizes.values()];
}

/** n copies of one victim. */
const copies = (n: number, v: Partial<VictimRecord> = {}): VictimRecord[] =>
  Array.from({ length: n }, () => ({ gender: 'male', age: 30, citizenship: 'IN', exploitationTypes: ['labour'], sector: 'construction', meansOfControl: ['withholds_documents'], recruiterRelation: 'recruitment_agency', year: 2020, ...v }));

describe('anonymised victim records', () => {
  it('release no combination of values that describes fewer than 11 people', () => {
    fc.assert(
      fc.property(fc.array(victim, { maxLength: 400 }), (records) => {
        const release = anonymise(records);
        expect(groupSizes(release.records).every((n) => n >= K)).toBe(true);
        expect(release.records.length + release.suppressed.records).toBe(records.length);
        // Generalisation goes on until at most 5% (or one record) would be withheld, which it always reaches from 11 records up.
        if (records.length >= K) expect(release.suppressed.records).toBeLessThanOrEqual(Math.max(1, Math.floor(records.length * 0.05)));
      }),
      { numRuns: 150 },
    );
  });

  it('hold no released value that describes fewer than 11 people, attribute by attribute', () => {
    fc.assert(
      fc.property(fc.array(victim, { minLength: 50, maxLength: 400 }), (records) => {
        const { records: released } = anonymise(records);
        for (const a of ATTRIBUTES) {
          const counts = new Map<string, number>();
          for (const r of released) counts.set(r[a], (counts.get(r[a]) ?? 0) + 1);
          expect([...counts.values()].every((n) => n >= K)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('release only generalisations of real records', () => {
    fc.assert(
      fc.property(fc.array(victim, { maxLength: 300 }), (records) => {
        const release = anonymise(records);
        for (const r of release.records) {
          expect(records.some((v) => r.gender === '*' || r.gender === v.gender)).toBe(true);
          if (release.generalisation.citizenship === 'country') expect(records.some((v) => v.citizenship === r.citizenship)).toBe(true);
          if (release.generalisation.citizenship === 'UN M49 region') expect(records.some((v) => regionOf(v.citizenship) === r.citizenship)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keep the detail of a group that is large enough as it is', () => {
    const release = anonymise(copies(12));
    expect(release.records).toHaveLength(12);
    expect(release.records[0]).toEqual({
      gender: 'male', ageBand: '30-38', citizenship: 'IN', exploitationTypes: 'labour', sector: 'construction', meansOfControl: 'withholds_documents', recruiterRelation: 'recruitment_agency', year: '2020',
    });
    expect(release.suppressed).toEqual({ records: 0, combinations: 0 });
    expect(release.generalisation.citizenship).toBe('country');
  });

  it('widens citizenship to a region before giving up on people', () => {
    const release = anonymise([...copies(6, { citizenship: 'IN' }), ...copies(6, { citizenship: 'NP' })]);
    expect(release.records).toHaveLength(12);
    expect(new Set(release.records.map((r) => r.citizenship))).toEqual(new Set(['Southern Asia']));
  });

  it('withholds people still in too small a group, and says how many', () => {
    const release = anonymise([...copies(40), ...copies(1, { gender: 'female', age: 15, citizenship: 'VN', exploitationTypes: ['sexual'] })]);
    expect(release.records).toHaveLength(40);
    expect(release.suppressed).toEqual({ records: 1, combinations: 1 });
    expect(release.total).toBe(41);
  });

  it('releases nothing from fewer than 11 records', () => {
    const release = anonymise(copies(10));
    expect(release.records).toEqual([]);
    expect(release.suppressed.records).toBe(10);
  });

  it('lists released records in an order that says nothing about the input order', () => {
    const records = [...copies(11, { year: 2021 }), ...copies(11, { year: 2019 })];
    expect(anonymise(records).records).toEqual(anonymise([...records].reverse()).records);
  });
});

describe('regions', () => {
  it('place every country code in a UN M49 sub-region and region', () => {
    expect(COUNTRY_CODES.filter((c) => subRegionOf(c) === 'unknown')).toEqual([]);
    expect([subRegionOf('NP'), regionOf('NP')]).toEqual(['Southern Asia', 'Asia']);
    expect([subRegionOf('RS'), regionOf('RS')]).toEqual(['Southern Europe', 'Europe']);
    expect(regionOf('ZZ')).toBe('unknown');
  });
});

const table: fc.Arbitrary<CountTable> = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, columns }) =>
    fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 11, max: 300 })), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }).map((cells) => ({
      rows: cells.map((_, i) => `r${i}`),
      columns: cells[0]!.map((_, j) => `c${j}`),
      cells,
    })),
  );

describe('published tables', () => {
  it('show no count between 1 and 10, totals included', () => {
    fc.assert(
      fc.property(table, (t) => {
        const p = publishTable(t);
        const shown = [...p.cells.flat(), ...p.rowTotals, ...p.columnTotals, p.total].filter((v): v is number => v !== null);
        expect(shown.every((v) => v === 0 || v >= K)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('leave no row or column with a single suppressed entry, which its total would give away', () => {
    fc.assert(
      fc.property(table, (t) => {
        const p = publishTable(t);
        const rows = p.cells.map((row, i) => [...row, p.rowTotals[i]!]);
        const lines = [...rows, [...p.columnTotals, p.total], ...p.columns.map((_, j) => [...p.cells.map((row) => row[j]!), p.columnTotals[j]!]), [...p.rowTotals, p.total]];
        for (const line of lines.filter((l) => l.length > 1)) expect(line.filter((v) => v === null).length).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('show every other count as it is, and list each suppressed one with its reason', () => {
    fc.assert(
      fc.property(table, (t) => {
        const p = publishTable(t);
        t.cells.forEach((row, i) =>
          row.forEach((v, j) => {
            const cell = p.cells[i]![j];
            if (cell === null) expect(p.suppressed).toContainEqual({ row: t.rows[i], column: t.columns[j], reason: v >= 1 && v < K ? 'small' : 'complementary' });
            else expect(cell).toBe(v);
          }),
        );
        const hidden = [...p.cells.flat(), ...p.rowTotals, ...p.columnTotals, p.total].filter((v) => v === null).length;
        expect(p.suppressed).toHaveLength(hidden);
      }),
      { numRuns: 300 },
    );
  });

  it('suppresses a small count and, to protect it, the smallest counts that would give it away', () => {
    const p = publishTable({ rows: ['labour', 'sexual'], columns: ['male', 'female'], cells: [[23, 1], [20, 14]] });
    // Any one of the four cells would give away the rest through the totals.
    expect(p.cells).toEqual([[null, null], [null, null]]);
    expect([p.rowTotals, p.columnTotals, p.total]).toEqual([[24, 34], [43, 15], 58]);
    expect(p.suppressed).toEqual([
      { row: 'labour', column: 'male', reason: 'complementary' },
      { row: 'labour', column: 'female', reason: 'small' },
      { row: 'sexual', column: 'male', reason: 'complementary' },
      { row: 'sexual', column: 'female', reason: 'complementary' },
    ]);
  });

  it('publishes a table without small counts whole', () => {
    const p = publishTable({ rows: ['IN', 'RS'], columns: ['victims'], cells: [[12], [0]] });
    expect(p).toMatchObject({ cells: [[12], [0]], rowTotals: [12, 0], columnTotals: [12], total: 12, suppressed: [] });
  });
});
