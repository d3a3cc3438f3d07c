import { describe, expect, it } from 'vitest';
import { addDays, dayRange, isIsoDate, isoWeek, localDate, parseInstant, startOfDay, weekStart } from './time.js';

const BELGRADE = 'Europe/Belgrade';
const iso = (ms: number) => new Date(ms).toISOString();
const hours = (range: { start: string; end: string }) => (Date.parse(range.end) - Date.parse(range.start)) / 3_600_000;

describe('days in a time zone', () => {
  it('starts a Belgrade day at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(iso(startOfDay('2021-01-15', BELGRADE))).toBe('2021-01-14T23:00:00.000Z');
    expect(iso(startOfDay('2021-07-15', BELGRADE))).toBe('2021-07-14T22:00:00.000Z');
  });

  it('makes the day clocks spring forward 23 hours long and the day they fall back 25', () => {
    expect(dayRange('2021-03-28', '2021-03-28', BELGRADE)).toEqual({ start: '2021-03-27T23:00:00.000Z', end: '2021-03-28T22:00:00.000Z' });
    expect(hours(dayRange('2021-03-28', '2021-03-28', BELGRADE))).toBe(23);
    expect(dayRange('2021-10-31', '2021-10-31', BELGRADE)).toEqual({ start: '2021-10-30T22:00:00.000Z', end: '2021-10-31T23:00:00.000Z' });
    expect(hours(dayRange('2021-10-31', '2021-10-31', BELGRADE))).toBe(25);
  });

  it('counts the first hour of New Year in Belgrade in the new year', () => {
    expect(dayRange('2020-12-31', '2020-12-31', BELGRADE)).toEqual({ start: '2020-12-30T23:00:00.000Z', end: '2020-12-31T23:00:00.000Z' });
    expect(localDate('2020-12-31T23:30:00Z', BELGRADE)).toBe('2021-01-01');
    expect(localDate('2020-12-31T22:59:59Z', BELGRADE)).toBe('2020-12-31');
    expect(hours(dayRange('2020-01-01', '2020-12-31', BELGRADE))).toBe(366 * 24);
  });

  it('handles offsets that are not whole hours', () => {
    expect(iso(startOfDay('2021-06-01', 'Asia/Kathmandu'))).toBe('2021-05-31T18:15:00.000Z');
    expect(iso(startOfDay('2021-06-01', 'Asia/Kolkata'))).toBe('2021-05-31T18:30:00.000Z');
  });

  // Zones whose clocks change at midnight (so some days have no 00:00, or two), half-hour changes,
  // and the date line: every day starts on its own date, and a second earlier is the day before.
  it.each(['Europe/Belgrade', 'America/Santiago', 'America/Sao_Paulo', 'America/Havana', 'Asia/Beirut', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'])(
    'finds the first instant of every day from 2017 to 2024 in %s',
    (zone) => {
      for (let day = '2017-01-01'; day <= '2024-12-31'; day = addDays(day, 1)) {
        const start = startOfDay(day, zone);
        expect(localDate(start, zone), `${zone} ${day}`).toBe(day);
        expect(localDate(start - 1000, zone), `${zone} ${day}`).toBe(addDays(day, -1));
        const length = (startOfDay(addDays(day, 1), zone) - start) / 3_600_000;
        expect([23, 23.5, 24, 24.5, 25]).toContain(length);
      }
    },
  );

  it('gives a day that a zone skipped no length (Samoa crossed the date line on 30 December 2011)', () => {
    expect(startOfDay('2011-12-30', 'Pacific/Apia')).toBe(startOfDay('2011-12-31', 'Pacific/Apia'));
    expect(localDate(startOfDay('2011-12-31', 'Pacific/Apia') - 1000, 'Pacific/Apia')).toBe('2011-12-29');
  });

  it('refuses a date that does not exist', () => {
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-2-01')).toBe(false);
    expect(() => startOfDay('2021-02-30', BELGRADE)).toThrow(RangeError);
  });
});

describe('weeks', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2021-01-04')).toBe('2021-W01');
    expect(isoWeek('2019-12-30')).toBe('2020-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-02-01')).toBe('2021-W05');
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2021-02-07')).toBe('2021-02-01');
    expect(weekStart('2021-02-01')).toBe('2021-02-01');
    expect(weekStart('2021-01-01')).toBe('2020-12-28');
  });
});

describe('parseInstant', () => {
  it('reads a time with Z or an offset', () => {
    expect(parseInstant('2021-02-01T10:00:00Z')).toBe(Date.parse('2021-02-01T10:00:00Z'));
    expect(parseInstant('2021-02-01T10:00:00+01:00')).toBe(Date.parse('2021-02-01T09:00:00Z'));
    expect(parseInstant('2021-02-01T10:00+0100')).toBe(Date.parse('2021-02-01T09:00:00Z'));
    expect(parseInstant('2021-02-01T10:00:00.123456Z')).toBe(Date.parse('2021-02-01T10:00:00.123Z'));
  });

  it('refuses a time without an offset, and impossible dates and times', () => {
    for (const bad of ['2021-02-01T10:00:00', '2021-02-01', 'soon', '2021-02-30T10:00:00Z', '2021-02-01T24:00:00Z', '2021-02-01T10:60:00Z', '2021-02-01T10:00:00+15:00', '2021-02-01 10:00:00Z']) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });
});
