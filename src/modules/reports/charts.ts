import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Charts as standalone SVG, drawn on the server with Observable Plot over linkedom's document, so
 * the same file shows in the staff app, prints, and goes into exports. The files carry no style
 * element or attribute (the site's Content-Security-Policy allows none) and no script.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

// linkedom's own types: the server build has no DOM library.
type LinkedDocument = ReturnType<typeof parseHTML>['document'];
type LinkedElement = ReturnType<LinkedDocument['createElementNS']>;
const WIDTH = 720;
const LEGEND_ROW = 20;
// Tableau 10: tells its colours apart in print and for most colour-blind readers.
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export interface Series {
  key: string;
  label: string;
}

interface Figure {
  title: string;
  /** What a screen reader says instead of the picture. */
  description: string;
  plot: Plot.PlotOptions;
  legend?: { series: readonly Series[]; colours: readonly string[]; dashed?: readonly string[] };
}

function render({ title, description, plot, legend }: Figure): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...plot, document: document as unknown as Plot.PlotOptions['document'], width: WIDTH }) as unknown as LinkedElement;
  for (const style of [...chart.querySelectorAll('style')]) style.remove();
  for (const el of [chart, ...chart.querySelectorAll('[style]')]) el.removeAttribute('style');
  chart.removeAttribute('class');

  const height = Number(chart.getAttribute('height'));
  const top = 28;
  const rows = legend ? Math.ceil(legend.series.length / 4) : 0;
  const svg = document.createElementNS(SVG_NS, 'svg');
  const total = top + height + rows * LEGEND_ROW + (rows ? 8 : 0);
  for (const [k, v] of [['xmlns', SVG_NS], ['width', WIDTH], ['height', total], ['viewBox', `0 0 ${WIDTH} ${total}`], ['role', 'img'], ['font-family', 'system-ui, sans-serif'], ['aria-label', description]] as const) {
    svg.setAttribute(k, String(v));
  }
  const append = (parent: LinkedElement, name: string, attrs: Record<string, string | number>, text?: string) => {
    const el = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    parent.appendChild(el);
    return el;
  };
  append(svg, 'title', {}, title);
  append(svg, 'desc', {}, description);
  append(svg, 'rect', { width: WIDTH, height: total, fill: 'white' });
  append(svg, 'text', { x: 8, y: 18, 'font-size': 15, 'font-weight': 'bold', fill: '#222' }, title);
  chart.setAttribute('y', String(top));
  svg.appendChild(chart);
  if (legend) {
    legend.series.forEach((s, i) => {
      const x = 8 + (i % 4) * (WIDTH / 4);
      const y = top + height + 8 + Math.floor(i / 4) * LEGEND_ROW;
      const colour = legend.colours[i % legend.colours.length]!;
      if (legend.dashed?.includes(s.key)) append(svg, 'line', { x1: x, x2: x + 14, y1: y + 7, y2: y + 7, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': '4 3' });
      else append(svg, 'rect', { x, y, width: 14, height: 14, fill: colour });
      append(svg, 'text', { x: x + 20, y: y + 11, 'font-size': 12, fill: '#222' }, s.label);
    });
  }
  return svg.outerHTML;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const shortDate = (locale: string) => {
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (d: Date) => f.format(d);
};

export interface ChartText {
  /** BCP 47 tag for dates and numbers. */
  locale: string;
  title: string;
  description: string;
  /** Axis titles. */
  x?: string;
  y?: string;
}

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

/** Whole numbers only on a count axis: below ten, every one of them; above, Plot's round steps are whole. */
function countTicks(values: readonly number[]): number[] | undefined {
  const max = Math.max(1, ...values);
  return max <= 10 ? Array.from({ length: max + 1 }, (_, i) => i) : undefined;
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
export function nationalitiesChart(counts: readonly { label: string; n: number }[], text: ChartText): string {
  const number = new Intl.NumberFormat(text.locale).format;
  return render({
    title: text.title,
    description: text.description,
    plot: {
      height: 40 + Math.max(1, counts.length) * 24,
      marginLeft: 170,
      marginRight: 40,
      x: { grid: true, label: text.x ?? null, tickFormat: number, ticks: countTicks(counts.map((c) => c.n)) },
      y: { label: null, domain: counts.map((c) => c.label) },
      marks: [
        Plot.barX(counts, { y: 'label', x: 'n', fill: PALETTE[0] }),
        Plot.text(counts, { y: 'label', x: 'n', text: (c: { n: number }) => number(c.n), textAnchor: 'start', dx: 4 }),
        Plot.ruleX([0]),
      ],
    },
  });
}
