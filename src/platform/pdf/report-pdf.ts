import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

/**
 * Reports as A4 PDF for donors and partners: a title, paragraphs, tables and charts, with page
 * numbers and a footer on every page. The caller passes every word already translated; this
 * module knows no language, only the locale its numbers are written in. DejaVu Sans is embedded
 * (subset), so Serbian Latin (č ć š ž đ) and Cyrillic print on any reader, and nothing is fetched.
 */

export type PdfCell = string | number | null;

export type PdfBlock =
  | { type: 'heading'; text: string }
  /** A paragraph; `label` is set in bold before the text ("Gap: …"), or alone when the text is empty. */
  | { type: 'paragraph'; text: string; label?: string }
  | { type: 'list'; items: readonly string[]; ordered?: boolean }
  | {
      type: 'table';
      caption?: string;
      header: readonly string[];
      rows: readonly (readonly PdfCell[])[];
      /** Numbers are right-aligned, text left; a column may be set either way (a change written "+5.2%"). */
      align?: readonly ('left' | 'right' | undefined)[];
      /** The last row is a total, set in bold. */
      totalRow?: boolean;
      /** A line under the table, such as how a figure is counted. */
      note?: string;
    }
  /** An SVG drawing, scaled to the text width (the charts the reports draw with Observable Plot). */
  | { type: 'chart'; svg: string };

export interface PdfReport {
  /** BCP 47 tag: the document's language, and how numbers in tables are written. */
  locale: string;
  title: string;
  /** Under the title: the period, the campaign's dates. */
  subtitle?: string;
  blocks: readonly PdfBlock[];
  /** The footer of every page, left: the organisation and the date of generation. */
  footer: string;
  /** The footer of every page, right: "Page 2 of 5". */
  pageLabel: (page: number, pages: number) => string;
  /** The document's author in its properties: the organisation. */
  author?: string;
  /** What an empty cell shows. */
  empty?: string;
}

const require = createRequire(import.meta.url);
const fontFile = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read once, on the first report. */
function fontData() {
  fonts ??= { regular: readFileSync(fontFile('DejaVuSans.ttf')), bold: readFileSync(fontFile('DejaVuSans-Bold.ttf')) };
  return fonts;
}

const REGULAR = 'Sans';
const BOLD = 'Sans-Bold';
const MARGIN = 56;
const FOOTER_GAP = 22;
const INK = '#222222';
const MUTED = '#5f6670';
const ACCENT = '#1f3a5f';
const RULE = '#d5d9de';
const HEADER_FILL = '#eef1f5';
const SIZE = { title: 20, subtitle: 11, heading: 13, body: 10.5, table: 9, note: 8.5, footer: 8 };
const CELL_X = 5;
const CELL_Y = 3.5;

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
}

function title(doc: Doc, report: PdfReport): void {
  const width = contentWidth(doc);
  doc.font(BOLD).fontSize(SIZE.title).fillColor(ACCENT).text(report.title, MARGIN, doc.page.margins.top, { width });
  if (report.subtitle) doc.moveDown(0.2).font(REGULAR).fontSize(SIZE.subtitle).fillColor(MUTED).text(report.subtitle, { width });
  doc.moveDown(0.5);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(1).strokeColor(ACCENT).stroke();
  doc.moveDown(1);
}

function heading(doc: Doc, text: string): void {
  doc.font(BOLD).fontSize(SIZE.heading);
  // Keep a heading with the first lines under it.
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 60);
  doc.moveDown(0.4).fillColor(ACCENT).text(text, MARGIN, doc.y, { width: contentWidth(doc) }).moveDown(0.4);
}

function paragraph(doc: Doc, text: string, label?: string): void {
  const options = { width: contentWidth(doc), lineGap: 2.5 };
  doc.fontSize(SIZE.body).fillColor(INK);
  // A label alone introduces what follows (a list).
  if (label && !text) return void doc.font(BOLD).text(label, MARGIN, doc.y, options).moveDown(0.2);
  if (label) doc.font(BOLD).text(`${label} `, MARGIN, doc.y, { ...options, continued: true });
  doc.font(REGULAR).text(text, MARGIN, doc.y, options).moveDown(0.6);
}

function list(doc: Doc, items: readonly string[], ordered: boolean): void {
  doc.font(REGULAR).fontSize(SIZE.body).fillColor(INK);
  doc.list([...items], MARGIN, doc.y, { width: contentWidth(doc), lineGap: 2.5, listType: ordered ? 'numbered' : 'bullet', bulletRadius: 1.8, textIndent: 14, bulletIndent: 4 });
  doc.moveDown(0.6);
}

type Table = Extract<PdfBlock, { type: 'table' }>;

/** Column widths from their contents: each as wide as its text, the widest giving way first when the table is too wide. */
function columnWidths(doc: Doc, texts: string[][], bold: (row: number) => boolean, available: number): number[] {
  const columns = texts[0]!.length;
  const measure = (column: number, fit: (text: string) => number) =>
    Math.max(
      ...texts.map((row, i) => {
        doc.font(bold(i) ? BOLD : REGULAR).fontSize(SIZE.table);
        return fit(row[column] ?? '');
      }),
    ) + 2 * CELL_X + 0.5;
  const natural = Array.from({ length: columns }, (_, c) => measure(c, (t) => doc.widthOfString(t)));
  const longestWord = Array.from({ length: columns }, (_, c) => measure(c, (t) => Math.max(0, ...t.split(/\s+/).map((w) => doc.widthOfString(w)))));
  const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);
  // Too wide: no column is wider than a common cap, and none narrower than its longest word.
  const capped = (cap: number) => natural.map((w, c) => Math.max(Math.min(w, cap), longestWord[c]!));
  let [low, high] = [0, Math.max(...natural)];
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2;
    if (sum(capped(mid)) > available) high = mid;
    else low = mid;
  }
  const widths = capped(sum(natural) <= available ? Math.max(...natural) : low);
  const total = sum(widths);
  // Words longer than the page allows are squeezed; room to spare goes to the first column, the labels.
  return total > available ? widths.map((w) => (w * available) / total) : widths.map((w, c) => (c === 0 ? w + available - total : w));
}

function table(doc: Doc, t: Table, locale: string, empty: string): void {
  const number = new Intl.NumberFormat(locale);
  const cell = (v: PdfCell) => (v === null ? empty : typeof v === 'number' ? number.format(v) : v);
  const texts = [[...t.header], ...t.rows.map((r) => r.map(cell))];
  const numeric = t.header.map((_, c) => t.rows.some((r) => typeof r[c] === 'number') && t.rows.every((r) => r[c] === null || typeof r[c] === 'number'));
  const align = t.header.map((_, c) => t.align?.[c] ?? (numeric[c] ? 'right' : 'left'));
  const width = contentWidth(doc);
  const widths = columnWidths(doc, texts, (i) => i === 0 || (t.totalRow === true && i === texts.length - 1), width);
  const heightOf = (row: string[], font: string) =>
    Math.max(...row.map((text, c) => doc.font(font).fontSize(SIZE.table).heightOfString(text || ' ', { width: widths[c]! - 2 * CELL_X }))) + 2 * CELL_Y;

  const drawRow = (row: string[], font: string, fill?: string) => {
    const height = heightOf(row, font);
    const y = doc.y;
    if (fill) doc.rect(MARGIN, y, width, height).fill(fill);
    let x = MARGIN;
    row.forEach((text, c) => {
      doc.font(font).fontSize(SIZE.table).fillColor(INK).text(text, x + CELL_X, y + CELL_Y, { width: widths[c]! - 2 * CELL_X, align: align[c] });
      x += widths[c]!;
    });
    doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + height;
  };
  const header = texts[0]!;
  const body = texts.slice(1);
  const fontOf = (i: number) => (t.totalRow && i === body.length - 1 ? BOLD : REGULAR);
  const heights = body.map((row, i) => heightOf(row, fontOf(i)));
  const headerHeight = heightOf(header, BOLD);
  const drawHeader = () => drawRow(header, BOLD, HEADER_FILL);
  const captionHeight = t.caption ? doc.font(BOLD).fontSize(SIZE.body).heightOfString(t.caption, { width }) + 4 : 0;
  const whole = captionHeight + headerHeight + heights.reduce((a, b) => a + b, 0);

  // A short table is never split; a long one keeps its caption with the header and the first row.
  ensureSpace(doc, whole <= (bottom(doc) - doc.page.margins.top) / 2 ? whole : captionHeight + headerHeight + (heights[0] ?? 0));
  if (t.caption) doc.font(BOLD).fontSize(SIZE.body).fillColor(INK).text(t.caption, MARGIN, doc.y, { width }).moveDown(0.3);
  drawHeader();
  body.forEach((row, i) => {
    // A total does not stand alone at the top of a page: the row before it goes along.
    const keep = t.totalRow && i === body.length - 2 ? heights[i + 1]! : 0;
    if (doc.y + heights[i]! + keep > bottom(doc)) {
      // The header row again at the top of each page the table runs onto.
      doc.addPage();
      doc.y = doc.page.margins.top;
      drawHeader();
    }
    drawRow(row, fontOf(i));
  });
  if (t.note) doc.moveDown(0.3).font(REGULAR).fontSize(SIZE.note).fillColor(MUTED).text(t.note, MARGIN, doc.y, { width });
  doc.x = MARGIN;
  doc.moveDown(1);
}

/** An SVG scaled to the text width, on the next page when it does not fit on this one. */
function chart(doc: Doc, svg: string): void {
  // The outer <svg> tag's own size; a drawing without one is given half as much height as width.
  const size = (name: string) => Number(new RegExp(`^\\s*<svg\\b[^>]*?\\s${name}="([\\d.]+)"`).exec(svg)?.[1]);
  const w = size('width');
  const h = size('height');
  const width = contentWidth(doc);
  const height = w > 0 && h > 0 ? (width * h) / w : width * 0.5;
  ensureSpace(doc, height + 8);
  // The drawing's own size would win over the viewport: give its outer tag the size on the page.
  const sized = svg.replace(/^\s*<svg\b[^>]*>/, (tag) => tag.replace(/\s(width|height)="[^"]*"/g, (_, name: string) => ` ${name}="${name === 'width' ? width : height}pt"`));
  SVGtoPDF(doc, sized, MARGIN, doc.y, {
    width,
    height,
    fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
    warningCallback: () => undefined,
  });
  doc.y += height;
  doc.x = MARGIN;
  doc.moveDown(1);
}

/** Footers go in the bottom margin, where text would otherwise start a new page. */
function footers(doc: Doc, report: PdfReport): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin + FOOTER_GAP;
    const width = contentWidth(doc);
    doc.moveTo(MARGIN, y - 6).lineTo(MARGIN + width, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font(REGULAR).fontSize(SIZE.footer).fillColor(MUTED);
    doc.text(report.footer, MARGIN, y, { width: width * 0.7, lineBreak: false });
    doc.text(report.pageLabel(i - start + 1, count), MARGIN + width * 0.7, y, { width: width * 0.3, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

/** The report as an A4 PDF. */
export function renderReportPdf(report: PdfReport): Promise<Buffer> {
  const { regular, bold } = fontData();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: report.locale,
    displayTitle: true,
    info: { Title: report.title, ...(report.subtitle ? { Subject: report.subtitle } : {}), ...(report.author ? { Author: report.author } : {}) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  const empty = report.empty ?? '–';

  title(doc, report);
  for (const block of report.blocks) {
    doc.x = MARGIN;
    if (block.type === 'heading') heading(doc, block.text);
    else if (block.type === 'paragraph') paragraph(doc, block.text, block.label);
    else if (block.type === 'list') list(doc, block.items, block.ordered ?? false);
    else if (block.type === 'table') table(doc, block, report.locale, empty);
    else chart(doc, block.svg);
  }
  footers(doc, report);
  doc.end();
  return done;
}
