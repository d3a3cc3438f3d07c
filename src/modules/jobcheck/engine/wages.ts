/** Pay comparison against knowledge/wages.json: converts a sum to euro per month and finds the usual pay it should be compared with. */
import wagesJson from '../knowledge/wages.json' with { type: 'json' };
import type { Period } from './lexicon.js';

const RATES = new Map<string, number>(
  Object.entries(wagesJson.unitsPerEur).flatMap(([code, rate]) => (typeof rate === 'number' ? [[code, rate] as const] : [])),
);

interface CountryWages {
  currency: string;
  typicalNetMonthly: Record<string, number>;
}
const COUNTRY_WAGES: Record<string, CountryWages> = wagesJson.countries;

/** Currencies the engine can convert, in the order of wages.json (the questionnaire offers them). */
export const CURRENCIES: readonly string[] = [...RATES.keys()];
/** Destination countries with reference pay, in the order of wages.json. */
export const COUNTRIES: readonly string[] = Object.keys(COUNTRY_WAGES);
export const FAR_ABOVE_FACTOR = wagesJson.farAboveFactor;

const { hoursPerMonth, daysPerMonth, weeksPerMonth, monthsPerYear, hourlyBelowEur } = wagesJson.conversion;
const PER_MONTH: Record<Period, number> = { hour: hoursPerMonth, day: daysPerMonth, week: weeksPerMonth, month: 1, year: 1 / monthsPerYear };

function toEur(amount: number, currency: string): number | undefined {
  const rate = RATES.get(currency);
  return rate === undefined ? undefined : amount / rate;
}

/** A sum as euro per month; without a stated period, small sums are hourly rates (see wages.json). */
export function monthlyEur(amount: number, currency: string, period: Period | undefined): number | undefined {
  const eur = toEur(amount, currency);
  if (eur === undefined) return undefined;
  const assumed = period ?? (eur < hourlyBelowEur ? 'hour' : 'month');
  return eur * PER_MONTH[assumed];
}

/** Usual net monthly pay in euro for a sector (or the country's general figure) in a destination country. */
export function typicalMonthlyEur(country: string, sector: string | undefined): number | undefined {
  const wages = COUNTRY_WAGES[country];
  if (!wages) return undefined;
  const local = (sector !== undefined ? wages.typicalNetMonthly[sector] : undefined) ?? wages.typicalNetMonthly['general'];
  return local === undefined ? undefined : toEur(local, wages.currency);
}
