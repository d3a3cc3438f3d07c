import * as Plot from '@observablehq/plot';
import { barChart, countTicks, PALETTE, renderChart as render, type ChartText, type Series } from '../../platform/charts.js';

export type { ChartText, Series };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const shortDate = (locale: string) => {
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (d: Date) => f.format(d);
};

export interface WeekCount {
  /** The first day of the week within the period. */
  start: string;
  current: number;
  /** The same dates a year earlier. */
  previous: number;
}

/** Contacts per week of the period, beside the same weeks a year earlier (dashed). */
export function contactsPerWeekChart(weeks: readonly WeekCount[], text: ChartText, series: { current: string; previous: string }): string {
  const points = weeks.flatMap((w) => [
    { week: day(w.start), n: w.current, series: 'current' },
    { week: day(w.start), n: w.previous, series: 'previous' },
  ]);
  const colours = [PALETTE[0]!, PALETTE[1]!];
  return render({
    title: text.title,
    description: text.description,
    plot: {
      height: 300,
      marginLeft: 50,
      x: { type: 'utc', label: text.x ?? null, tickFormat: shortDate(text.locale) },
      y: { grid: true, label: text.y ?? null, zero: true, tickFormat: new Intl.NumberFormat(text.locale).format },
      color: { domain: ['current', 'previous'], range: colours },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(points.filter((p) => p.series === 'previous'), { x: 'week', y: 'n', stroke: 'series', strokeDasharray: '4 3', strokeWidth: 2 }),
        Plot.lineY(points.filter((p) => p.series === 'current'), { x: 'week', y: 'n', stroke: 'series', strokeWidth: 2.5 }),
        Plot.dot(points.filter((p) => p.series === 'current'), { x: 'week', y: 'n', fill: 'series', r: 2.5 }),
      ],
    },
    legend: { series: [{ key: 'current', label: series.current }, { key: 'previous', label: series.previous }], colours, dashed: ['previous'] },
  });
}

/** Contacts per week, one stacked bar segment per topic (a contact of two topics counts in both). */
export function topicsChart(weeks: readonly { start: string; byTopic: Record<string, number> }[], topics: readonly Series[], text: ChartText): string {
  const rows = weeks.flatMap((w) => topics.map((t) => ({ week: day(w.start), topic: t.key, n: w.byTopic[t.key] ?? 0 })));
  const colours = PALETTE.slice(0, topics.length);
  return render({
    title: text.title,
    description: text.description,
    plot: {
      height: 320,
      marginLeft: 50,
      x: { type: 'band', label: text.x ?? null, tickFormat: shortDate(text.locale), ticks: thinTicks(weeks.map((w) => day(w.start))) },
      y: { grid: true, label: text.y ?? null, tickFormat: new Intl.NumberFormat(text.locale).format },
      color: { domain: topics.map((t) => t.key), range: colours },
      marks: [Plot.barY(rows, { x: 'week', y: 'n', fill: 'topic', order: topics.map((t) => t.key) }), Plot.ruleY([0])],
    },
    legend: { series: topics, colours },
  });
}

/** Band ticks for at most about a dozen labels, however many weeks there are. */
function thinTicks(dates: readonly Date[]): Date[] {
  const step = Math.max(1, Math.ceil(dates.length / 12));
  return dates.filter((_, i) => i % step === 0);
}

/** Victims per exploitation type, one stacked bar segment per sex (a victim of two types counts in both). */
export function victimsByTypeAndSexChart(counts: Record<string, Record<string, number>>, types: readonly Series[], sexes: readonly Series[], text: ChartText): string {
  const rows = types.flatMap((t) => sexes.map((s) => ({ type: t.label, sex: s.key, n: counts[t.key]?.[s.key] ?? 0 })));
  const colours = PALETTE.slice(0, sexes.length);
  return render({
    title: text.title,
    description: text.description,
    plot: {
      height: 40 + types.length * 28,
      marginLeft: 170,
      x: { grid: true, label: text.x ?? null, tickFormat: new Intl.NumberFormat(text.locale).format, ticks: countTicks(Object.values(counts).flatMap((c) => Object.values(c))) },
      y: { label: null, domain: types.map((t) => t.label) },
      color: { domain: sexes.map((s) => s.key), range: colours },
      marks: [Plot.barX(rows, { y: 'type', x: 'n', fill: 'sex', order: sexes.map((s) => s.key) }), Plot.ruleX([0])],
    },
    legend: { series: sexes, colours },
  });
}

/** Victims per citizenship, largest first, each bar labelled with its count. */
export const nationalitiesChart = (counts: readonly { label: string; n: number }[], text: ChartText): string => barChart(counts, text);
