import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Charts as standalone SVG, drawn on the server with Observable Plot over linkedom's document, so
 * the same file shows in the staff app, prints, and goes into exports (PDF reports draw it as it
 * is). The files carry no style element or attribute (the site's Content-Security-Policy allows
 * none) and no script. The modules' charts build on `renderChart`.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

// linkedom's own types: the server build has no DOM library.
type LinkedDocument = ReturnType<typeof parseHTML>['document'];
type LinkedElement = ReturnType<LinkedDocument['createElementNS']>;
const WIDTH = 720;
const LEGEND_ROW = 20;
const LEGEND_LINE = 15;
const LEGEND_FONT = 12;
/** A legend item's swatch and the space after it, then the space kept before the next column. */
const SWATCH = 20;
const GAP = 12;
const MARGIN = 8;
// Tableau 10: tells its colours apart in print and for most colour-blind readers.
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export interface Series {
  key: string;
  label: string;
}

export interface Figure {
  title: string;
  /** What a screen reader says instead of the picture. */
  description: string;
  plot: Plot.PlotOptions;
  legend?: { series: readonly Series[]; colours: readonly string[]; dashed?: readonly string[] };
}

/**
 * About how wide `text` is at `fontSize`, a little generous: the widths of DejaVu Sans, the widest
 * of the usual sans-serif faces and the one PDF reports embed. Plot lays out the chart itself; the
 * legend is placed by this estimate, as the server has no fonts to measure with.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[ijlI.,:;'!|]/.test(ch)) em += 0.32;
    else if (/[ ftr()\-/]/.test(ch)) em += 0.42;
    else if (/[mwMWшщжюмыШЩЖЮМЫ%—]/.test(ch)) em += 1;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch)) em += 1;
    else if (ch !== ch.toLowerCase()) em += 0.78;
    else em += 0.64;
  }
  return em * fontSize;
}

/** `label` in lines no wider than `room`, broken between words (and within a word only if it alone is wider). */
function wrap(label: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined, LEGEND_FONT) <= room) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const ch of word) {
      if (line && textWidth(line + ch, LEGEND_FONT) > room) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The legend as a grid: four columns while every label fits its column, fewer for longer labels,
 * and a label too long even for the whole width wrapped over several lines, so nothing runs past
 * the chart's edge or into its neighbour.
 */
function legendLayout(labels: readonly string[]) {
  const inner = WIDTH - 2 * MARGIN;
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, LEGEND_FONT)));
  let columns = 4;
  while (columns > 1 && widest > inner / columns - SWATCH - GAP) columns--;
  const column = inner / columns;
  const items = labels.map((label, i) => ({ x: MARGIN + (i % columns) * column, row: Math.floor(i / columns), lines: wrap(label, column - SWATCH - GAP) }));
  const rowHeights: number[] = [];
  for (const item of items) rowHeights[item.row] = Math.max(rowHeights[item.row] ?? 0, LEGEND_ROW + (item.lines.length - 1) * LEGEND_LINE);
  const rowTops = rowHeights.map((_, r) => rowHeights.slice(0, r).reduce((sum, h) => sum + h, 0));
  return { items: items.map((item) => ({ ...item, y: rowTops[item.row]! })), height: rowHeights.reduce((sum, h) => sum + h, 0) };
}

export function renderChart({ title, description, plot, legend }: Figure): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...plot, document: document as unknown as Plot.PlotOptions['document'], width: WIDTH }) as unknown as LinkedElement;
  for (const style of [...chart.querySelectorAll('style')]) style.remove();
  for (const el of [chart, ...chart.querySelectorAll('[style]')]) el.removeAttribute('style');
  chart.removeAttribute('class');

  const height = Number(chart.getAttribute('height'));
  const top = 28;
  const layout = legend ? legendLayout(legend.series.map((s) => s.label)) : null;
  const svg = document.createElementNS(SVG_NS, 'svg');
  const total = top + height + (layout && layout.height > 0 ? layout.height + 8 : 0);
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
  if (legend && layout) {
    legend.series.forEach((s, i) => {
      const { x, y: rowTop, lines } = layout.items[i]!;
      const y = top + height + 8 + rowTop;
      const colour = legend.colours[i % legend.colours.length]!;
      if (legend.dashed?.includes(s.key)) append(svg, 'line', { x1: x, x2: x + 14, y1: y + 7, y2: y + 7, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': '4 3' });
      else append(svg, 'rect', { x, y, width: 14, height: 14, fill: colour });
      // One text element per line: PDF reports draw SVG text line by line as well.
      lines.forEach((line, l) => append(svg, 'text', { x: x + SWATCH, y: y + 11 + l * LEGEND_LINE, 'font-size': LEGEND_FONT, fill: '#222' }, line));
    });
  }
  return svg.outerHTML;
}

export interface ChartText {
  /** BCP 47 tag for dates and numbers. */
  locale: string;
  title: string;
  description: string;
  /** Axis titles. */
  x?: string;
  y?: string;
}

/** Whole numbers only on a count axis: below ten, every one of them; above, Plot's round steps are whole. */
export function countTicks(values: readonly number[]): number[] | undefined {
  const max = Math.max(1, ...values);
  return max <= 10 ? Array.from({ length: max + 1 }, (_, i) => i) : undefined;
}

/** Horizontal bars in the order given (largest first, say), each labelled with its count. */
export function barChart(counts: readonly { label: string; n: number }[], text: ChartText): string {
  const number = new Intl.NumberFormat(text.locale).format;
  return renderChart({
    title: text.title,
    description: text.description,
    plot: {
      height: 40 + Math.max(1, counts.length) * 24,
      marginLeft: 170,
      // Room for a label of six or seven digits beside the longest bar.
      marginRight: 56,
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
