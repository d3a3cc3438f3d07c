import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node';
import type { StaffLang } from '../../platform/i18n/locales.js';
import { ATTRIBUTES, type PublishedTable } from './disclosure.js';
import type { AnonymisedRelease } from './anonymised.js';
import { longDate } from './narrative.js';
import { countryNames, label } from './report-labels.js';
import type { Summary } from './summary.js';

/** Spreadsheet programs read UTF-8 CSV correctly (Serbian letters, Cyrillic) only after a byte order mark. */
const csv = (rows: readonly (readonly (string | number | null)[])[]): string => stringify(rows as (string | number | null)[][], { bom: true });

const xlsx = (sheets: { sheet: string; data: SheetData }[]): Promise<Buffer> => writeXlsxFile(sheets).toBuffer();

type FigureRow = [figure: string, category: string, count: number, previousYear: number | null, changePercent: number | null];

/** The summary as one table: a row per figure and category, so a spreadsheet can filter and chart it. */
export function summaryRows(s: Summary, lang: StaffLang): { header: string[]; rows: FigureRow[] } {
  const l = (key: string) => label(lang, key);
  const all = l('export.all');
  const country = countryNames(lang);
  const rows: FigureRow[] = [[l('export.contacts'), all, s.contacts.total, s.contacts.previousYear.total, s.contacts.previousYear.changePercent]];
  const breakdown = (figure: string, counts: Record<string, number>, name: (key: string) => string) => {
    for (const [key, n] of Object.entries(counts)) rows.push([l(figure), name(key), n, null, null]);
  };
  breakdown('export.contacts.byTopic', s.contacts.byTopic, (k) => l(`topic.${k}`));
  breakdown('export.contacts.byChannel', s.contacts.byChannel, (k) => l(`channel.${k}`));
  const v = s.victims;
  rows.push([l('export.victims.identified'), all, v.identified, null, null]);
  rows.push([l('export.victims.children'), all, v.children, null, null]);
  rows.push([l('export.victims.foreignNationals'), all, v.foreignNationals, null, null]);
  breakdown('export.victims.bySex', v.bySex, (k) => l(`sex.${k}`));
  breakdown('export.victims.byExploitation', v.byExploitation, (k) => l(`exploitation.${k}`));
  breakdown('export.victims.labour', { ...v.labour }, (k) => l(`labour.${k}`));
  breakdown('export.victims.byCitizenship', v.byCitizenship, country);
  breakdown('export.victims.bySector', v.bySector, (k) => l(`sector.${k}`));
  return { header: [l('export.figure'), l('export.category'), l('export.count'), l('export.previousYear'), l('export.changePercent')], rows };
}

export function summaryCsv(s: Summary, lang: StaffLang): string {
  const { header, rows } = summaryRows(s, lang);
  return csv([header, ...rows]);
}

/** Two sheets: the period and its narrative, ready to paste into a report; and every figure. */
export function summaryXlsx(s: Summary, narrative: string, lang: StaffLang): Promise<Buffer> {
  const { header, rows } = summaryRows(s, lang);
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  return xlsx([
    {
      sheet: label(lang, 'export.sheet.summary'),
      data: [
        [bold(label(lang, 'export.period')), { value: `${longDate(lang, s.period.from)} – ${longDate(lang, s.period.to)}` }],
        [bold(label(lang, 'export.narrative')), { value: narrative, wrap: true }],
      ],
    },
    { sheet: label(lang, 'export.sheet.figures'), data: [header.map(bold), ...rows.map((r): Row => r.map((value) => (value === null ? null : { value })))] },
  ]);
}

/** The released records, one a line, in the data standard's attribute order. */
export function anonymisedCsv(release: AnonymisedRelease): string {
  return csv([[...ATTRIBUTES], ...release.records.map((r) => ATTRIBUTES.map((a) => r[a]))]);
}

function tableRows(name: string, t: PublishedTable): (string | number | null)[][] {
  return [
    [name, ...t.columns, 'total'],
    ...t.rows.map((row, i) => [row, ...t.cells[i]!, t.rowTotals[i]!]),
    ['total', ...t.columnTotals, t.total],
    [],
  ];
}

/** Records, the published tables (a blank cell is a suppressed count), and what disclosure control did. */
export function anonymisedXlsx(release: AnonymisedRelease): Promise<Buffer> {
  const cells = (rows: (string | number | null)[][]): SheetData => rows.map((r) => r.map((value) => (value === null ? null : { value })));
  const control: (string | number | null)[][] = [
    ['k', release.k],
    ['period', `${release.period.from} – ${release.period.to}`],
    ['records', release.total],
    ['records released', release.records.length],
    ['records suppressed', release.suppressed.records],
    [],
    ['attribute', 'generalised to'],
    ...ATTRIBUTES.map((a) => [a, release.generalisation[a]]),
    [],
    ['table', 'row', 'column', 'reason'],
    ...Object.entries(release.tables).flatMap(([name, t]) => t.suppressed.map((c) => [name, c.row ?? 'total', c.column ?? 'total', c.reason])),
  ];
  return xlsx([
    { sheet: 'records', data: cells([[...ATTRIBUTES], ...release.records.map((r) => ATTRIBUTES.map((a) => r[a]))]) },
    { sheet: 'tables', data: cells(Object.entries(release.tables).flatMap(([name, t]) => tableRows(name, t))) },
    { sheet: 'disclosure control', data: cells(control) },
  ]);
}
