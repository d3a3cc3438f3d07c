import { z } from 'zod';
import { addDays, daysBetweenInclusive, isIsoDate, weekStart } from '../../platform/time.js';
import { yearsBefore } from '../cases/case-dates.js';

/** Whole calendar days `from`..`to`, both included, of the organisation's time zone. */
export interface Period {
  from: string;
  to: string;
}

/** Ten years of days: longer periods are a mistake, and would make charts of thousands of weeks. */
export const MAX_PERIOD_DAYS = 3700;

/** The same dates one year earlier; 29 February maps to 28 February. */
export function previousYear(p: Period): Period {
  return { from: yearsBefore(p.from, 1), to: yearsBefore(p.to, 1) };
}

export { changePercent } from './change.js';

/** The calendar year of `today` up to and including today. */
export function yearToDate(today: string): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

/** Quarter 1 to 4 of a year. */
export function quarter(year: number, q: 1 | 2 | 3 | 4): Period {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${y}-${QUARTER_ENDS[q - 1]}` };
}

/** From a date up to and including today. */
export function since(from: string, today: string): Period {
  return { from, to: today };
}

/** The period split at Mondays: ISO weeks, the first and last holding only the period's part of theirs. */
export function weeksOf(p: Period): Period[] {
  const weeks: Period[] = [];
  for (let from = p.from; from <= p.to; ) {
    const end = addDays(weekStart(from), 6);
    const to = end < p.to ? end : p.to;
    weeks.push({ from, to });
    from = addDays(to, 1);
  }
  return weeks;
}

const PRESET = /^(?:year-to-date|(\d{4})-Q([1-4])|since-(\d{4}-\d{2}-\d{2}))$/;

/**
 * A named period: `year-to-date`, a quarter such as `2021-Q3`, or `since-2021-03-01` (up to today).
 * Null when the name is none of these.
 */
export function presetPeriod(name: string, today: string): Period | null {
  const m = PRESET.exec(name);
  if (!m) return null;
  if (m[1]) return quarter(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
  if (m[3]) return isIsoDate(m[3]) ? since(m[3], today) : null;
  return yearToDate(today);
}

/**
 * A period in a query: `from` and `to`, or a named `period`. `today` (ORG_TIMEZONE) resolves the
 * presets that run up to today. Every bad or missing field is reported at once.
 */
export function periodQuery(today: string) {
  return z
    .object({ from: z.string().max(20).optional(), to: z.string().max(20).optional(), period: z.string().max(40).optional() })
    .transform((q, ctx): Period => {
      if (q.period !== undefined) {
        if (q.from !== undefined || q.to !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['period'], message: 'give either period or from and to, not both' });
          return z.NEVER;
        }
        const p = presetPeriod(q.period, today);
        if (!p) {
          ctx.addIssue({ code: 'custom', path: ['period'], message: 'must be year-to-date, a quarter such as 2021-Q3, or since-YYYY-MM-DD' });
          return z.NEVER;
        }
        return checked(p, ctx, 'period');
      }
      const bad = (['from', 'to'] as const).filter((f) => q[f] === undefined || !isIsoDate(q[f]));
      for (const f of bad) ctx.addIssue({ code: 'custom', path: [f], message: q[f] === undefined ? 'required (YYYY-MM-DD)' : 'must be a date written YYYY-MM-DD' });
      return bad.length ? z.NEVER : checked({ from: q.from!, to: q.to! }, ctx, 'to');
    });
}

function checked(p: Period, ctx: z.RefinementCtx, field: string): Period {
  if (p.from > p.to) {
    ctx.addIssue({ code: 'custom', path: [field], message: field === 'to' ? 'must not be before from' : 'starts after today' });
    return z.NEVER;
  }
  if (daysBetweenInclusive(p.from, p.to) > MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: 'custom', path: [field], message: 'the period may be at most ten years' });
    return z.NEVER;
  }
  return p;
}
