import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { PALETTE, renderChart, textWidth } from './charts.js';

const TOPICS_SR = ['Provera ponuda za posao', 'Gubitak posla', 'Radna prava', 'Sumnja na trgovinu ljudima', 'Seksualna eksploatacija', 'Nestale osobe', 'Migracije', 'Ostalo'];
const TOPICS_EN = ['Job offer checks', 'Job loss', 'Labour rights', 'Suspected trafficking', 'Sexual exploitation', 'Missing persons', 'Migration', 'Other'];

const chart = (labels: readonly string[]) =>
  renderChart({
    title: 'Contacts by topic',
    description: 'Contacts per week by topic.',
    plot: { height: 200, marks: [Plot.ruleY([0])] },
    legend: { series: labels.map((label, i) => ({ key: `k${i}`, label })), colours: PALETTE },
  });

/** The legend's text lines with where they start, and the picture's size. */
function legendOf(svg: string) {
  const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.map(Number);
  const lines = [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)]
    .map(([, attributes, text]) => ({ attrs: Object.fromEntries([...attributes!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])), text: text! }))
    .filter(({ attrs }) => attrs['font-size'] === '12' && attrs.fill === '#222')
    .map(({ attrs, text }) => ({ x: Number(attrs.x), y: Number(attrs.y), text }));
  return { width: width!, height: height!, lines };
}

describe('chart legends', () => {
  it('keep long labels inside the picture and clear of their neighbours', () => {
    // Generous enough to stand for a real face: "Sumnja na trgovinu ljudima" is about 166 px in DejaVu Sans at 12 px.
    expect(textWidth('Sumnja na trgovinu ljudima', 12)).toBeGreaterThan(160);
    const { width, height, lines } = legendOf(chart(TOPICS_SR));
    expect(lines.map((l) => l.text)).toEqual(TOPICS_SR);
    for (const line of lines) {
      expect(line.x + textWidth(line.text, 12), line.text).toBeLessThanOrEqual(width - 8);
      expect(line.y, line.text).toBeLessThanOrEqual(height - 4);
      // The next item on the same row starts after this label ends, swatch included.
      const next = lines.filter((o) => o.y === line.y && o.x > line.x).sort((a, b) => a.x - b.x)[0];
      if (next) expect(line.x + textWidth(line.text, 12), `${line.text} | ${next.text}`).toBeLessThan(next.x - 20);
    }
    // Eight Serbian topics no longer fit four to a row.
    expect(new Set(lines.map((l) => l.y)).size).toBeGreaterThan(2);
  });

  it('keep four to a row for short labels, and wrap a label longer than the whole width', () => {
    const short = legendOf(chart(TOPICS_EN)).lines;
    expect(new Set(short.map((l) => l.y)).size).toBe(2);
    expect(new Set(short.map((l) => l.x)).size).toBe(4);

    const label = 'Contacts of people who heard of the helpline through the campaign posters at construction sites, bus stations and workers’ hostels across Serbia';
    const long = legendOf(chart([label, 'Other']));
    expect(long.lines.length).toBeGreaterThan(2);
    expect(long.lines.map((l) => l.text).join(' ')).toBe(`${label} Other`);
    for (const line of long.lines) {
      expect(line.x + textWidth(line.text, 12)).toBeLessThanOrEqual(long.width - 8);
      expect(line.y).toBeLessThanOrEqual(long.height - 4);
    }
    expect(long.height).toBeGreaterThan(legendOf(chart(['Short', 'Other'])).height);
  });
});
