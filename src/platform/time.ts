/**
 * Calendar days in a time zone. Filters and statistics count whole days of the organisation's
 * time zone (ORG_TIMEZONE) while timestamps are stored as UTC instants, so a day is the half-open
 * range of instants [start of the day, start of the next day). Days are 23 or 25 hours long
 * across daylight-saving changes; Intl knows the zone rules, so nothing here hard-codes them.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, number>();

/** The zone's offset from UTC at `instant` (ms), asking Intl once per zone and quarter hour. */
function offsetAt(instant: number, timeZone: string): number {
  // Offsets in use since the 1970s are whole quarter hours and change on a quarter hour of UTC,
  // so one answer holds for the whole quarter hour.
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  const key = `${timeZone} ${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const at = quarter * QUARTER_HOUR_MS;
    const p: Record<string, number> = {};
    for (const part of formatterFor(timeZone).formatToParts(at)) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - at;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall-clock time at `instant` in the zone, written as if it were a UTC timestamp (ms). */
const wallClock = (instant: number, timeZone: string): number => instant + offsetAt(instant, timeZone);

/** True for a real calendar date written YYYY-MM-DD (no 2021-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function dayMs(day: string): number {
  if (!isIsoDate(day)) throw new RangeError(`not a date: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** The date `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(dayMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date at `instant` (ms or ISO timestamp) in the zone. */
export function localDate(instant: number | string, timeZone: string): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant;
  return new Date(wallClock(t, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant (ms) a wall clock in the zone shows as `day` `minutes` after midnight, for times
 * written without an offset (spreadsheet exports). A time that falls in a spring-forward gap is
 * read with the offset from before the change; a time that occurs twice is its first occurrence.
 */
export function zonedInstant(day: string, minutes: number, timeZone: string): number {
  const wall = dayMs(day) + minutes * 60_000;
  const before = wall - offsetAt(wall - DAY_MS / 2, timeZone);
  const after = wall - offsetAt(wall + DAY_MS / 2, timeZone);
  if (wallClock(before, timeZone) === wall) return before;
  return wallClock(after, timeZone) === wall ? after : before;
}

/**
 * The first instant of `day` in the zone (ms). Where clocks fall back across midnight, midnight
 * happens twice and the day starts at the first; where they spring forward over midnight, the
 * day starts at the change.
 */
export function startOfDay(day: string, timeZone: string): number {
  const midnight = dayMs(day);
  // Offsets a day either side cover any change near this midnight (zones change at most once a day).
  const candidates = [offsetAt(midnight - DAY_MS, timeZone), offsetAt(midnight + DAY_MS, timeZone)]
    .map((offset) => midnight - offset)
    .filter((t) => wallClock(t, timeZone) === midnight);
  if (candidates.length > 0) return Math.min(...candidates);
  // Midnight does not exist this day: find the change, the first instant whose wall clock is past it.
  let before = midnight - offsetAt(midnight + DAY_MS, timeZone);
  let after = midnight - offsetAt(midnight - DAY_MS, timeZone);
  if (before > after) [before, after] = [after, before];
  while (after - before > 1000) {
    const mid = Math.floor((before + after) / 2000) * 1000;
    if (wallClock(mid, timeZone) >= midnight) after = mid;
    else before = mid;
  }
  return after;
}

/** The instants of the whole days `from`..`to` (inclusive) in the zone, as ISO UTC timestamps: [start, end). */
export function dayRange(from: string, to: string, timeZone: string): { start: string; end: string } {
  return { start: new Date(startOfDay(from, timeZone)).toISOString(), end: new Date(startOfDay(addDays(to, 1), timeZone)).toISOString() };
}

/** The Monday of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const weekday = (new Date(dayMs(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The ISO 8601 week of `day`, such as 2021-W05 (the week-numbering year may differ from the date's year). */
export function isoWeek(day: string): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(weekStart(day), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayMs(thursday) - dayMs(`${year}-01-01`)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whole days from `from` to `to`, counting both (1 when they are equal). */
export function daysBetweenInclusive(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS) + 1;
}

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * The instant (ms) of an ISO 8601 date and time with a UTC offset (`2021-02-01T10:00:00+01:00`, `…Z`),
 * or null: a time without an offset names no instant, because it depends on a time zone.
 */
export function parseInstant(value: string): number | null {
  const m = ISO_INSTANT.exec(value);
  if (!m || !isIsoDate(m[1]!)) return null;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59 || Number(m[6] ?? 0) > 14 || Number(m[7] ?? 0) > 59) return null;
  const t = Date.parse(value.toUpperCase());
  return Number.isNaN(t) ? null : t;
}
