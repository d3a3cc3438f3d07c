/**
 * Dates and numbers for server-rendered pages. They are formatted here rather than in the browser
 * because Node ships full ICU data while many phone browsers lack Albanian or Nepali.
 */
import { LOCALES, type PublicLang } from './locales.js';

/**
 * A long date ("30. septembar 2020."). The default zone, UTC, keeps a calendar date stored as UTC
 * midnight on its day; pass ORG_TIMEZONE to show an instant as the organisation's day.
 */
export function formatDate(lang: PublicLang, date: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(LOCALES[lang].tag, { dateStyle: 'long', timeZone }).format(date);
}

/** A number with the language's separators and digits (Nepali and Bengali use their own). */
export function formatNumber(lang: PublicLang, n: number): string {
  return new Intl.NumberFormat(LOCALES[lang].tag).format(n);
}
