import { addDays, daysBetweenInclusive, isoWeek, localDate, weekStart } from '../../platform/time.js';
import { CHANNELS, TOPICS } from './contacts.schemas.js';

/** How many contacts of one channel or topic arrived in one UTC minute (`2021-02-01T10:07`). */
export interface MinuteCount {
  minute: string;
  key: string;
  n: number;
}

export interface Counts {
  total: number;
  byTopic: Record<string, number>;
  byChannel: Record<string, number>;
}

export interface ContactStats extends Counts {
  period: { from: string; to: string };
  days: (Counts & { date: string })[];
  /** ISO weeks (Monday to Sunday); the first and last may hold only the period's part of the week. */
  weeks: (Counts & { week: string; start: string })[];
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
export const emptyCounts = (): Counts => ({ total: 0, byTopic: zeros(TOPICS), byChannel: zeros(CHANNELS) });

/**
 * Counts per day and per week of the organisation's time zone, from per-minute counts. Every
 * contact has exactly one channel, so channels give the totals; a contact with two topics counts
 * once under each. Days and weeks without contacts are listed with zeros, ready to chart.
 */
export function contactStats(channels: readonly MinuteCount[], topics: readonly MinuteCount[], from: string, to: string, timeZone: string): ContactStats {
  const days = new Map<string, Counts>();
  for (let i = 0, n = daysBetweenInclusive(from, to); i < n; i++) days.set(addDays(from, i), emptyCounts());
  const dayOfMinute = new Map<string, string>();
  const dayOf = (minute: string) => {
    let day = dayOfMinute.get(minute);
    if (day === undefined) {
      day = localDate(`${minute}:00Z`, timeZone);
      dayOfMinute.set(minute, day);
    }
    return day;
  };
  for (const { minute, key, n } of channels) {
    const c = days.get(dayOf(minute));
    if (!c) continue;
    c.total += n;
    c.byChannel[key] = (c.byChannel[key] ?? 0) + n;
  }
  for (const { minute, key, n } of topics) {
    const c = days.get(dayOf(minute));
    if (c) c.byTopic[key] = (c.byTopic[key] ?? 0) + n;
  }

  const all = emptyCounts();
  const weeks = new Map<string, Counts & { week: string; start: string }>();
  for (const [date, c] of days) {
    const week = isoWeek(date);
    let w = weeks.get(week);
    if (!w) {
      w = { week, start: weekStart(date), ...emptyCounts() };
      weeks.set(week, w);
    }
    for (const into of [all, w]) {
      into.total += c.total;
      for (const [k, n] of Object.entries(c.byTopic)) into.byTopic[k] = (into.byTopic[k] ?? 0) + n;
      for (const [k, n] of Object.entries(c.byChannel)) into.byChannel[k] = (into.byChannel[k] ?? 0) + n;
    }
  }
  return {
    period: { from, to },
    ...all,
    days: [...days].map(([date, c]) => ({ date, ...c })),
    weeks: [...weeks.values()],
  };
}
