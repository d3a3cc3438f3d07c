import type { Period, PeriodQuery } from '../../api/reports.js';

export type PeriodKind = 'year-to-date' | 'quarter' | 'since' | 'range';
export const PERIOD_KINDS: readonly PeriodKind[] = ['year-to-date', 'quarter', 'since', 'range'];
export const QUARTERS = ['1', '2', '3', '4'] as const;
export type Quarter = (typeof QUARTERS)[number];

/** What the period form holds: every kind's fields, so switching kinds keeps what was typed. */
export interface PeriodChoice {
  kind: PeriodKind;
  year: string;
  quarter: Quarter;
  since: string;
  from: string;
  to: string;
}

/**
 * The period the address names: `?period=year-to-date|2021-Q3|since-2021-03-01` or
 * `?from=…&to=…`; this year so far when it names none. The API checks the values and names a bad one.
 */
export function periodQueryOf(search: string): PeriodQuery {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null || to !== null) return { from: from ?? '', to: to ?? '' };
  return { period: params.get('period') ?? 'year-to-date' };
}

/** The address's query for a period, to bookmark or share. */
export const searchOf = (q: PeriodQuery): string => `?${new URLSearchParams('period' in q ? { period: q.period } : { from: q.from, to: q.to }).toString()}`;

/** The form's fields for the period the address names. */
export function choiceOf(q: PeriodQuery, thisYear: number): PeriodChoice {
  const choice: PeriodChoice = { kind: 'year-to-date', year: String(thisYear), quarter: '1', since: '', from: '', to: '' };
  if (!('period' in q)) return { ...choice, kind: 'range', from: q.from, to: q.to };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(q.period);
  if (quarter) return { ...choice, kind: 'quarter', year: quarter[1]!, quarter: quarter[2] as Quarter };
  if (q.period.startsWith('since-')) return { ...choice, kind: 'since', since: q.period.slice('since-'.length) };
  return choice;
}

/** The period the form's fields name. */
export function queryOfChoice(c: PeriodChoice): PeriodQuery {
  switch (c.kind) {
    case 'quarter':
      return { period: `${c.year.padStart(4, '0')}-Q${c.quarter}` };
    case 'since':
      return { period: `since-${c.since}` };
    case 'range':
      return { from: c.from, to: c.to };
    default:
      return { period: 'year-to-date' };
  }
}

/** Empty date fields take the dates of the period on show, so a new choice starts from them. */
export const withDates = (c: PeriodChoice, shown: Period): PeriodChoice => ({
  ...c,
  since: c.since || shown.from,
  from: c.from || shown.from,
  to: c.to || shown.to,
});
