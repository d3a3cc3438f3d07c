import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode } from './countries.js';
import { normalisePhone } from './phone.js';

describe('normalisePhone', () => {
  it('writes one Serbian mobile number the same way however it was typed', () => {
    for (const typed of ['064 123 4567', '064/123-4567', '+381 64 123 4567', '00381641234567', '(064) 123 45 67', '381641234567']) {
      expect(normalisePhone(typed, 'RS'), typed).toBe('+381641234567');
    }
  });

  it('restores the leading zero a spreadsheet dropped', () => {
    expect(normalisePhone('641234567', 'RS')).toBe('+381641234567');
  });

  it('keeps foreign numbers written with their country code', () => {
    expect(normalisePhone('+91 98765 43210', 'RS')).toBe('+919876543210');
    expect(normalisePhone('0091 98765 43210', 'RS')).toBe('+919876543210');
  });

  it('keeps the leading zero of Italian numbers', () => {
    expect(normalisePhone('06 1234 5678', 'IT')).toBe('+390612345678');
  });

  it('refuses what cannot be a phone number', () => {
    for (const bad of ['call me', '123', '+0 123 456 789', 'ab064123456', '+1234567890123456', '']) expect(normalisePhone(bad, 'RS'), bad).toBeNull();
  });
});

describe('country codes', () => {
  it('know the 249 ISO 3166 countries and Kosovo', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    for (const code of ['RS', 'IN', 'NP', 'VN', 'BD', 'PK', 'TR', 'CN', 'AL', 'XK']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['YU', 'CS', 'EU', 'XX', 'rs', 'toString']) expect(isCountryCode(code)).toBe(false);
  });
});
