import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_INPUT, SEED_VICTIMS } from '../../../test/fixtures/seed-figures.js';
import { summarise, victimFigures, type VictimGroup } from './summary.js';

describe('victim figures', () => {
  it('reproduce the campaign report: 29 victims, one child, 24 of labour exploitation, 23 men (19 foreign) and one woman', () => {
    const v = victimFigures(SEED_VICTIMS, 'RS');
    expect(v).toMatchObject({ identified: 29, children: 1, foreignNationals: 19 });
    expect(v.labour).toEqual({ total: 24, male: 23, female: 1, children: 0, foreignNationals: 19, maleForeignNationals: 19 });
    expect(v.bySex).toEqual({ male: 23, female: 5, other: 0, unknown: 1 });
    expect(v.byExploitation).toMatchObject({ labour: 24, sexual: 4, forced_begging: 1, forced_criminality: 1, organ_removal: 0 });
    expect(v.byExploitationAndSex.labour).toEqual({ male: 23, female: 1, other: 0, unknown: 0 });
    expect(v.byExploitationAndSex.forced_begging).toEqual({ male: 1, female: 0, other: 0, unknown: 0 });
  });

  it('count a victim of several exploitation types once in each, and once in every total', () => {
    const v = victimFigures([{ n: 1, sex: 'female', child: true, citizenship: 'RS', exploitationTypes: ['labour', 'sexual'], sector: null }], 'RS');
    expect(v.identified).toBe(1);
    expect(v.byExploitation).toMatchObject({ labour: 1, sexual: 1 });
    expect(v.labour).toMatchObject({ total: 1, female: 1, children: 1 });
  });

  it('count a type listed twice once', () => {
    expect(victimFigures([{ n: 2, sex: 'male', child: false, citizenship: 'NP', exploitationTypes: ['labour', 'labour'], sector: null }], 'RS').byExploitation.labour).toBe(2);
  });

  it('take foreign to mean a citizenship other than the organisation country', () => {
    const groups: VictimGroup[] = [
      { n: 2, sex: 'male', child: false, citizenship: 'RS', exploitationTypes: ['labour'], sector: 'construction' },
      { n: 3, sex: 'male', child: false, citizenship: 'BA', exploitationTypes: ['labour'], sector: 'construction' },
    ];
    expect(victimFigures(groups, 'RS').foreignNationals).toBe(3);
    expect(victimFigures(groups, 'BA').foreignNationals).toBe(2);
  });

  it('list citizenships and sectors largest first, an unknown sector as unknown', () => {
    const v = victimFigures(SEED_VICTIMS, 'RS');
    expect(Object.entries(v.byCitizenship)).toEqual([['IN', 12], ['RS', 10], ['TR', 4], ['CN', 3]]);
    expect(v.bySector).toMatchObject({ construction: 16, unknown: 1 });
  });

  it('are all zero for an empty period, with every sex and exploitation type listed', () => {
    const v = victimFigures([], 'RS');
    expect(v.identified).toBe(0);
    expect(Object.values(v.bySex).every((n) => n === 0) && Object.keys(v.bySex)).toEqual(['male', 'female', 'other', 'unknown']);
    expect(Object.keys(v.byExploitation)).toHaveLength(8);
  });

  it('keep every breakdown within the totals', () => {
    const group = fc.record({
      n: fc.integer({ min: 1, max: 50 }),
      sex: fc.constantFrom('male', 'female', 'other', 'unknown'),
      child: fc.boolean(),
      citizenship: fc.constantFrom('RS', 'IN', 'NP', 'TR'),
      exploitationTypes: fc.uniqueArray(fc.constantFrom('labour', 'sexual', 'forced_begging', 'other'), { minLength: 1 }),
      sector: fc.constantFrom(null, 'construction', 'care'),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 30 }), (groups) => {
        const v = victimFigures(groups, 'RS');
        const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
        expect(sum(v.bySex)).toBe(v.identified);
        expect(sum(v.byCitizenship)).toBe(v.identified);
        expect(sum(v.bySector)).toBe(v.identified);
        expect(sum(v.byExploitation)).toBeGreaterThanOrEqual(v.identified);
        expect(v.labour.total).toBe(v.byExploitation.labour);
        expect(v.labour.male + v.labour.female).toBeLessThanOrEqual(v.labour.total);
        expect(v.labour.maleForeignNationals).toBeLessThanOrEqual(Math.min(v.labour.male, v.labour.foreignNationals));
        expect(v.children).toBeLessThanOrEqual(v.identified);
      }),
    );
  });
});

describe('summarise', () => {
  it('puts the contacts beside the same period a year earlier', () => {
    const s = summarise(SEED_INPUT);
    expect(s.period).toEqual({ from: '2020-01-01', to: '2020-09-30' });
    expect(s.contacts.total).toBe(851);
    expect(s.contacts.previousYear).toEqual({ total: 500, changePercent: 70.2, period: { from: '2019-01-01', to: '2019-09-30' } });
  });

  it('gives no change when the year before had no contacts', () => {
    expect(summarise({ ...SEED_INPUT, previousContacts: 0 }).contacts.previousYear.changePercent).toBeNull();
  });
});
