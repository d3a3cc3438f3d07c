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

export function renderChart({ title, description, plot, legend }: Figure): string {
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
