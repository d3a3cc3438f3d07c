import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import source from './ilo-delphi-labour-adults.json' with { type: 'json' };
import { assess, unknownIndicators, type StrengthCounts } from './identification.engine.js';
import { ILO_CATALOGUE, loadCatalogue, STRENGTHS, type Strength } from './ilo-catalogue.js';

const dims = ILO_CATALOGUE.dimensions;
const idsOf = (dimension: string, strength?: Strength) =>
  dims.find((d) => d.id === dimension)!.indicators.filter((i) => !strength || i.strength === strength).map((i) => i.id);
const allIds = [...ILO_CATALOGUE.indicators.keys()];
const dimensionOf = (result: ReturnType<typeof assess>, id: string) => result.dimensions.find((d) => d.id === id)!;

/** The ILO rule written out by hand, independently of the clause data, to check the engine against. */
const oracle = ({ strong, medium, weak }: StrengthCounts) =>
  strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1);

const RECRUITMENT = ['deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability'];
const DESTINATION = ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'];
const TYPE_OF: Record<string, string> = { deceptive_recruitment: 'deceptive', coercive_recruitment: 'coercive', recruitment_abuse_of_vulnerability: 'abuse_of_vulnerability' };

// Indicators that make each dimension positive on their own.
const POSITIVE: Record<string, string[]> = {
  deceptive_recruitment: ['dr_nature_of_job', 'dr_housing'],
  coercive_recruitment: ['cr_violence', 'cr_documents'],
  recruitment_abuse_of_vulnerability: ['rv_illegal_status', 'rv_economic_reasons', 'rv_lack_of_information'],
  exploitative_conditions: ['ec_excessive_hours', 'ec_hazardous_work'],
  coercion_at_destination: ['cd_isolation', 'cd_threat_violence'],
  abuse_of_vulnerability_at_destination: ['vd_dependency', 'vd_unknown_area', 'vd_past_difficulties'],
};

const subsetOf = (ids: string[]) => fc.subarray(ids);
const anyIndicators = fc.subarray(allIds);

describe('the ILO catalogue', () => {
  it('holds the 67 indicators in six dimensions', () => {
    expect(dims.map((d) => d.id)).toEqual([
      'deceptive_recruitment', 'coercive_recruitment', 'recruitment_abuse_of_vulnerability',
      'exploitative_conditions', 'coercion_at_destination', 'abuse_of_vulnerability_at_destination',
    ]);
    expect(ILO_CATALOGUE.indicators.size).toBe(67);
  });

  it('refuses a catalogue file that repeats an indicator id', () => {
    const broken = structuredClone(source);
    broken.dimensions[1]!.indicators[0]!.id = broken.dimensions[0]!.indicators[0]!.id;
    expect(() => loadCatalogue(broken)).toThrow(/appears twice/);
  });

  it('refuses a combination rule that names a dimension the file lacks', () => {
    const broken = structuredClone(source);
    broken.combinationRule.destination.push('no_such_dimension');
    expect(() => loadCatalogue(broken)).toThrow(/no_such_dimension/);
  });
});

describe('the dimension rule', () => {
  it('matches the ILO rule for every count of strong, medium and weak indicators each dimension allows', () => {
    let checked = 0;
    for (const d of dims) {
      const [strong, medium, weak] = STRENGTHS.map((s) => idsOf(d.id, s));
      for (let s = 0; s <= strong!.length; s++) {
        for (let m = 0; m <= medium!.length; m++) {
          for (let w = 0; w <= weak!.length; w++) {
            const r = dimensionOf(assess([...strong!.slice(0, s), ...medium!.slice(0, m), ...weak!.slice(0, w)]), d.id);
            expect({ dimension: d.id, s, m, w, positive: r.positive }).toEqual({ dimension: d.id, s, m, w, positive: oracle({ strong: s, medium: m, weak: w }) });
            expect([r.strong, r.medium, r.weak]).toEqual([s, m, w]);
            checked++;
          }
        }
      }
    }
    // Every (strong, medium, weak) triple of the six dimensions: the sum of (s+1)(m+1)(w+1).
    expect(checked).toBe(281);
  });

  it('never makes a dimension positive on weak indicators alone', () => {
    for (const d of dims) {
      fc.assert(fc.property(subsetOf(idsOf(d.id, 'weak')), (weak) => !dimensionOf(assess(weak), d.id).positive));
    }
  });

  it('never makes a dimension positive on a single strong indicator alone', () => {
    for (const id of allIds.filter((i) => ILO_CATALOGUE.indicators.get(i)!.strength === 'strong')) {
      expect(assess([id]).dimensions.every((d) => !d.positive)).toBe(true);
    }
  });

  it('makes a dimension positive on one strong and any one medium or weak indicator of it', () => {
    for (const d of dims) {
      const strong = idsOf(d.id, 'strong');
      if (strong.length === 0) continue;
      for (const other of [...idsOf(d.id, 'medium'), ...idsOf(d.id, 'weak')]) {
        expect(dimensionOf(assess([strong[0]!, other]), d.id).positive).toBe(true);
      }
    }
  });

  it('does not count one medium and weak indicators, however many', () => {
    fc.assert(
      fc.property(fc.constantFrom(...dims.map((d) => d.id)), fc.nat(), (d, pick) => {
        const medium = idsOf(d, 'medium');
        const r = dimensionOf(assess([medium[pick % medium.length]!, ...idsOf(d, 'weak')]), d);
        return !r.positive;
      }),
    );
  });

  it('counts only the indicators of the dimension itself', () => {
    fc.assert(
      fc.property(anyIndicators, (ids) => {
        const r = assess(ids);
        return r.dimensions.every((d) => d.strong + d.medium + d.weak === ids.filter((i) => ILO_CATALOGUE.indicators.get(i)!.dimension === d.id).length);
      }),
    );
  });

  it('gives the reason in words: weak indicators alone and a lone strong indicator say so', () => {
    expect(dimensionOf(assess(idsOf('recruitment_abuse_of_vulnerability', 'weak')), 'recruitment_abuse_of_vulnerability').reason).toMatch(/Weak indicators alone never/);
    expect(dimensionOf(assess(['cd_documents']), 'coercion_at_destination').reason).toMatch(/single strong indicator alone/);
    expect(dimensionOf(assess(['cd_documents', 'cd_forced_to_lie']), 'coercion_at_destination').reason).toBe(
      'Positive: present: one strong, one medium, which meets "one strong and one medium or weak".',
    );
    expect(dimensionOf(assess([]), 'exploitative_conditions').reason).toBe('Not positive: no indicators present.');
  });
});

describe('the combination rule for adults', () => {
  it('presumes a victim of deceptive recruitment, exploitation and coercion at destination (the conformance example)', () => {
    const r = assess(['dr_nature_of_job', 'dr_housing', 'ec_excessive_hours', 'ec_hazardous_work', 'cd_isolation', 'cd_threat_violence']);
    expect(r.dimensions).toHaveLength(6);
    expect(r.presumedVictim).toBe(true);
    expect(r.types).toEqual(['deceptive']);
    expect(r.child).toBe(false);
    expect(r.explanation).toMatch(/presumed victim/i);
  });

  it('does not presume a victim without a recruitment dimension', () => {
    const r = assess(['ec_excessive_hours', 'cd_isolation', 'cd_violence']);
    expect(r.presumedVictim).toBe(false);
    expect(r.types).toEqual([]);
    expect(r.explanation).toContain('a recruitment dimension');
  });

  it('presumes a victim exactly when a recruitment, the exploitation and a destination dimension are positive', () => {
    fc.assert(
      fc.property(anyIndicators, fc.option(fc.integer({ min: 18, max: 100 }), { nil: undefined }), (ids, age) => {
        const r = assess(ids, age);
        const positive = new Set(r.dimensions.filter((d) => d.positive).map((d) => d.id));
        const expected = RECRUITMENT.some((d) => positive.has(d)) && positive.has('exploitative_conditions') && DESTINATION.some((d) => positive.has(d));
        return r.presumedVictim === expected && !r.child;
      }),
      { numRuns: 2000 },
    );
  });

  it('names a type for each positive recruitment dimension, and none when not presumed', () => {
    fc.assert(
      fc.property(anyIndicators, (ids) => {
        const r = assess(ids);
        const expected = r.presumedVictim ? RECRUITMENT.filter((d) => dimensionOf(r, d).positive).map((d) => TYPE_OF[d]) : [];
        return JSON.stringify(r.types) === JSON.stringify(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every combination of recruitment and destination dimensions', () => {
    for (const rec of fc.sample(fc.subarray(RECRUITMENT, { minLength: 1 }), 30)) {
      for (const dest of DESTINATION) {
        const r = assess([...rec.flatMap((d) => POSITIVE[d]!), ...POSITIVE.exploitative_conditions!, ...POSITIVE[dest]!]);
        expect(r.presumedVictim).toBe(true);
        expect(r.types).toEqual(RECRUITMENT.filter((d) => rec.includes(d)).map((d) => TYPE_OF[d]));
      }
    }
  });

  it('never withdraws a positive finding when more indicators are ticked', () => {
    fc.assert(
      fc.property(anyIndicators, anyIndicators, (a, b) => {
        const before = assess(a);
        const after = assess([...a, ...b]);
        return (!before.presumedVictim || after.presumedVictim) && before.dimensions.every((d, i) => !d.positive || after.dimensions[i]!.positive);
      }),
    );
  });

  it('counts a duplicate indicator once, in any order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(allIds).chain((ids) => fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids))),
        ([ids, repeated]) => JSON.stringify(assess([...ids, ...repeated])) === JSON.stringify(assess([...ids].sort())),
      ),
    );
  });
});

describe('the child rule', () => {
  it('presumes a child victim on the exploitation dimension alone, and says the means are not required', () => {
    const r = assess(POSITIVE.exploitative_conditions!, 15);
    expect(r.child).toBe(true);
    expect(r.presumedVictim).toBe(true);
    expect(r.types).toEqual([]);
    expect(r.explanation).toMatch(/means element is not required for children/);
  });

  it('does not presume a child victim when the exploitation dimension is negative', () => {
    const r = assess([...POSITIVE.deceptive_recruitment!, ...POSITIVE.coercion_at_destination!, 'ec_excessive_hours'], 16);
    expect(r.child).toBe(true);
    expect(r.presumedVictim).toBe(false);
    expect(r.explanation).toMatch(/means element is not required/);
  });

  it('for anyone under 18, presumes a victim exactly when the exploitation dimension is positive', () => {
    fc.assert(
      fc.property(anyIndicators, fc.integer({ min: 0, max: 17 }), (ids, age) => {
        const r = assess(ids, age);
        return r.child && r.presumedVictim === dimensionOf(r, 'exploitative_conditions').positive;
      }),
      { numRuns: 1000 },
    );
  });

  it('applies the adult rule at 18 and without an age', () => {
    for (const age of [18, undefined]) {
      const r = assess(POSITIVE.exploitative_conditions!, age);
      expect(r.child).toBe(false);
      expect(r.presumedVictim).toBe(false);
    }
  });

  it('names the recruitment types of a presumed child victim whose recruitment dimensions are positive', () => {
    expect(assess([...POSITIVE.coercive_recruitment!, ...POSITIVE.exploitative_conditions!], 12).types).toEqual(['coercive']);
  });
});

describe('indicator ids', () => {
  it('lists each unknown id once', () => {
    expect(unknownIndicators(['dr_wages', 'not_an_indicator', 'deceptive_recruitment', 'not_an_indicator'])).toEqual(['not_an_indicator', 'deceptive_recruitment']);
  });

  it('refuses to assess an unknown id', () => {
    expect(() => assess(['not_an_indicator'])).toThrow(/not_an_indicator/);
  });
});
