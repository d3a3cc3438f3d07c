import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../platform/time.js';
import { ageOn, yearsBefore } from './case-dates.js';

describe('ages and retention days', () => {
  it('turns a year older on the birthday, and on 1 March for someone born on 29 February', () => {
    expect(ageOn('2002-10-01', '2020-09-30')).toBe(17);
    expect(ageOn('2002-10-01', '2020-10-01')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('is under 18 exactly before the eighteenth birthday', () => {
    const days = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1930-01-01', n));
    fc.assert(fc.property(days, days, (birth, on) => birth > on || (ageOn(birth, on) < 18) === (on < `${String(Number(birth.slice(0, 4)) + 18)}${birth.slice(4) === '-02-29' ? '-03-01' : birth.slice(4)}`)));
  });

  it('goes back whole years, mapping 29 February to 28 February', () => {
    expect(yearsBefore('2026-11-28', 10)).toBe('2016-11-28');
    expect(yearsBefore('2024-02-29', 10)).toBe('2014-02-28');
    expect(yearsBefore('2024-02-29', 4)).toBe('2020-02-29');
  });
});
