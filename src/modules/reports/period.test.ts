import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '../../platform/time.js';
import { changePercent, periodQuery, presetPeriod, previousYear, quarter, since, weeksOf, yearToDate } from './period.js';

const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('the same period a year earlier', () => {
  it('takes the same dates one year earlier', () => {
    expect(previousYear({ from: '2021-01-01', to: '2021-02-28' })).toEqual({ from: '2020-01-01', to: '2020-02-28' });
    expect(previousYear({ from: '2020-07-01', to: '2020-09-30' })).toEqual({ from: '2019-07-01', to: '2019-09-30' });
  });

  it('maps 29 February to 28 February', () => {
    expect(previousYear({ from: '2020-02-29', to: '2020-03-31' })).toEqual({ from: '2019-02-28', to: '2019-03-31' });
    expect(previousYear({ from: '2020-01-01', to: '2020-02-29' })).toEqual({ from: '2019-01-01', to: '2019-02-28' });
    expect(previousYear({ from: '2024-02-29', to: '2024-02-29' })).toEqual({ from: '2023-02-28', to: '2023-02-28' });
  });

  it('crosses year ends and century leap rules', () => {
    expect(previousYear({ from: '2021-12-25', to: '2022-01-05' })).toEqual({ from: '2020-12-25', to: '2021-01-05' });
    expect(previousYear({ from: '2001-02-28', to: '2001-03-01' })).toEqual({ from: '2000-02-28', to: '2000-03-01' });
    expect(previousYear({ from: '2000-02-29', to: '2000-02-29' })).toEqual({ from: '1999-02-28', to: '1999-02-28' });
  });

  it('always gives real dates in order, a year back', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const p = previousYear({ from, to });
        expect(isIsoDate(p.from) && isIsoDate(p.to)).toBe(true);
        expect(p.from <= p.to).toBe(true);
        expect(Number(p.from.slice(0, 4))).toBe(Number(from.slice(0, 4)) - 1);
        expect(p.to.slice(5)).toBe(to.slice(5) === '02-29' ? '02-28' : to.slice(5));
      }),
    );
  });
});

describe('changePercent', () => {
  it('rounds to one decimal', () => {
    expect(changePercent(4, 2)).toBe(100);
    expect(changePercent(851, 500)).toBe(70.2);
    expect(changePercent(2, 3)).toBe(-33.3);
    expect(changePercent(1, 3)).toBe(-66.7);
    expect(changePercent(10, 10)).toBe(0);
    expect(changePercent(0, 7)).toBe(-100);
  });

  it('rounds halves away from zero', () => {
    // 12.25% up and down
    expect(changePercent(449, 400)).toBe(12.3);
    expect(changePercent(351, 400)).toBe(-12.3);
    expect(changePercent(2001, 2000)).toBe(0.1);
    expect(changePercent(1999, 2000)).toBe(-0.1);
  });

  it('is null when the earlier total is 0', () => {
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(0, 0)).toBeNull();
  });

  it('never gives minus zero', () => {
    expect(Object.is(changePercent(99999, 100000), 0)).toBe(true);
  });
});

describe('presets', () => {
  it('gives this year so far', () => {
    expect(yearToDate('2020-09-30')).toEqual({ from: '2020-01-01', to: '2020-09-30' });
    expect(presetPeriod('year-to-date', '2021-01-01')).toEqual({ from: '2021-01-01', to: '2021-01-01' });
  });

  it('gives each quarter, with 29 February in a leap year', () => {
    expect(quarter(2020, 1)).toEqual({ from: '2020-01-01', to: '2020-03-31' });
    expect(quarter(2020, 2)).toEqual({ from: '2020-04-01', to: '2020-06-30' });
    expect(quarter(2020, 3)).toEqual({ from: '2020-07-01', to: '2020-09-30' });
    expect(quarter(2020, 4)).toEqual({ from: '2020-10-01', to: '2020-12-31' });
    expect(presetPeriod('2021-Q3', '2022-05-01')).toEqual({ from: '2021-07-01', to: '2021-09-30' });
  });

  it('runs since a date up to today', () => {
    expect(since('2020-03-11', '2020-09-30')).toEqual({ from: '2020-03-11', to: '2020-09-30' });
    expect(presetPeriod('since-2020-03-11', '2020-09-30')).toEqual({ from: '2020-03-11', to: '2020-09-30' });
  });

  it('knows no other names', () => {
    for (const name of ['this-year', '2021-Q5', 'since-2021-02-30', 'since-', '']) expect(presetPeriod(name, '2021-06-01'), name).toBeNull();
  });
});

describe('a period in a query', () => {
  const parse = (q: Record<string, string>) => periodQuery('2021-06-15').safeParse(q);
  const fields = (q: Record<string, string>) => {
    const r = parse(q);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('takes any range of whole days', () => {
    expect(parse({ from: '2021-02-01', to: '2021-02-01' }).data).toEqual({ from: '2021-02-01', to: '2021-02-01' });
    expect(parse({ period: '2021-Q1' }).data).toEqual({ from: '2021-01-01', to: '2021-03-31' });
    expect(parse({ period: 'year-to-date' }).data).toEqual({ from: '2021-01-01', to: '2021-06-15' });
  });

  it('names the fields that are missing or wrong', () => {
    expect(fields({})).toEqual(['from', 'to']);
    expect(fields({ from: '2021-02-30', to: 'soon' })).toEqual(['from', 'to']);
    expect(fields({ from: '2021-03-01', to: '2021-02-01' })).toEqual(['to']);
    expect(fields({ from: '2000-01-01', to: '2021-02-01' })).toEqual(['to']);
    expect(fields({ period: 'last-week' })).toEqual(['period']);
    expect(fields({ period: 'since-2021-07-01' })).toEqual(['period']);
    expect(fields({ period: '2021-Q1', from: '2021-01-01' })).toEqual(['period']);
  });
});

describe('weeks of a period', () => {
  it('splits at Mondays and keeps the partial weeks at both ends', () => {
    expect(weeksOf({ from: '2020-12-30', to: '2021-01-12' })).toEqual([
      { from: '2020-12-30', to: '2021-01-03' },
      { from: '2021-01-04', to: '2021-01-10' },
      { from: '2021-01-11', to: '2021-01-12' },
    ]);
    expect(weeksOf({ from: '2021-02-03', to: '2021-02-03' })).toEqual([{ from: '2021-02-03', to: '2021-02-03' }]);
  });

  it('covers every day of the period exactly once', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = addDays(from, length);
        const weeks = weeksOf({ from, to });
        expect(weeks[0]!.from).toBe(from);
        expect(weeks.at(-1)!.to).toBe(to);
        for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.from).toBe(addDays(weeks[i - 1]!.to, 1));
      }),
      { numRuns: 200 },
    );
  });
});
