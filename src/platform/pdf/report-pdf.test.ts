import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { barChart } from '../charts.js';
import { renderReportPdf, type PdfReport } from './report-pdf.js';

interface Placed {
  text: string;
  left: number;
  right: number;
  /** From the bottom of the page, as PDF counts. */
  y: number;
}

/** Every piece of text on each page with where it stands. */
async function pages(pdf: Buffer): Promise<Placed[][]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const out: Placed[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    out.push(
      (content.items as { str: string; transform: number[]; width: number }[])
        .filter((i) => i.str.trim() !== '')
        .map((i) => ({ text: i.str, left: i.transform[4]!, right: i.transform[4]! + i.width, y: i.transform[5]! })),
    );
  }
  return out;
}

const report = (overrides: Partial<PdfReport> = {}): PdfReport => ({
  locale: 'sr-Cyrl-RS',
  title: 'Статистички извештај',
  subtitle: '1. јануар 2021. – 31. март 2021.',
  footer: 'Labour Justice · израђено 29. новембра 2026.',
  pageLabel: (page, count) => `Страна ${page} од ${count}`,
  blocks: [],
  ...overrides,
});

describe('PDF reports', () => {
  it('writes Cyrillic and Serbian Latin letters that a reader can search and copy', async () => {
    const pdf = await renderReportPdf(
      report({ blocks: [{ type: 'heading', text: 'Сажетак' }, { type: 'paragraph', text: 'СОС линија је забележила 851 позив. Đorđe, Čačak, Šabac, Žabalj, Ćuprija.' }] }),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(totalPages).toBe(1);
    expect(text).toContain('Статистички извештај');
    expect(text).toContain('СОС линија је забележила 851 позив. Đorđe, Čačak, Šabac, Žabalj, Ćuprija.');
    expect(text).toContain('Labour Justice · израђено 29. новембра 2026.');
    expect(text).toContain('Страна 1 од 1');
  });

  it('runs a long table over pages with its header on each, numbers right-aligned in the language’s way', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [`Ред ${i + 1}`, (i + 1) * 1111, i % 4 === 0 ? null : i + 1]);
    const pdf = await renderReportPdf(
      report({ blocks: [{ type: 'table', caption: 'Контакти по теми', header: ['Тема', 'Овај период', 'Исти период претходне године'], rows: [...rows, ['Укупно', 99_999, 5]], totalRow: true, note: 'Напомена испод табеле.' }] }),
    );
    const all = await pages(pdf);
    expect(all.length).toBeGreaterThan(1);
    all.forEach((page, i) => {
      // Each page carries the header row (above its rows), the footer and its number.
      const header = page.find((t) => t.text === 'Тема')!;
      expect(header, `page ${i + 1}`).toBeDefined();
      expect(page.filter((t) => t.text.startsWith('Ред ')).every((t) => t.y < header.y)).toBe(true);
      expect(page.map((t) => t.text)).toContain(`Страна ${i + 1} од ${all.length}`);
    });
    const flat = all.flat();
    expect(flat.filter((t) => /^Ред \d+$/.test(t.text))).toHaveLength(90);
    // Serbian groups thousands with a dot; an empty cell shows a dash.
    const numbers = flat.filter((t) => /^\d{1,3}(\.\d{3})*$|^–$/.test(t.text));
    expect(numbers.map((t) => t.text)).toContain('99.999');
    const edges = new Set(numbers.map((t) => Math.round(t.right)));
    // Two numeric columns, each with one right edge, whatever the widths of the numbers.
    expect(edges.size).toBe(2);
    expect(flat.map((t) => t.text)).toContain('Напомена испод табеле.');
  });

  it('draws an SVG chart with its labels as text, within the page', async () => {
    const svg = barChart([{ label: 'Фејсбук', n: 204_660 }, { label: 'Инстаграм', n: 12_000 }], { locale: 'sr-Cyrl-RS', title: 'Досег по каналу', description: 'Досег објава по каналу.' });
    const pdf = await renderReportPdf(report({ blocks: [{ type: 'chart', svg }] }));
    const [page] = await pages(pdf);
    const texts = page!.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Досег по каналу', 'Фејсбук', 'Инстаграм', '204.660']));
    // A4 is 595.28 points wide and the margins 56: nothing of the chart spills into the margin.
    expect(Math.max(...page!.map((t) => t.right))).toBeLessThanOrEqual(595.28 - 56 + 0.01);
  });
});
