import { callingCodeOf } from './countries.js';

// Countries whose national numbers keep their leading 0 after the country code (+39 06 …).
const KEEPS_LEADING_ZERO = new Set(['IT', 'SM', 'VA', 'CI']);

/**
 * A phone number as `+` and digits (E.164 style), so that one caller's number written in different
 * ways (`064 123-4567`, `+381 64 1234567`, `00381641234567`) compares equal. A number without an
 * international prefix is read as a number of `homeCountry`; one that lost its leading 0 in a
 * spreadsheet, as spreadsheets do, is read so too. Null when it cannot be a phone number.
 */
export function normalisePhone(input: string, homeCountry: string): string | null {
  const trimmed = input.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  const home = callingCodeOf(homeCountry) ?? '';
  let international: string;
  if (trimmed.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (digits.startsWith('0')) international = home + (KEEPS_LEADING_ZERO.has(homeCountry) ? digits : digits.slice(1));
  else if (home && digits.startsWith(home) && digits.length > home.length + 6) international = digits;
  else international = home + digits;
  return /^[1-9]\d{6,14}$/.test(international) ? `+${international}` : null;
}
