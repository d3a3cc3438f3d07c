import { reportFrame } from '../../platform/pdf/frame.js';
import { renderReportPdf, type PdfBlock, type PdfCell } from '../../platform/pdf/report-pdf.js';
import { LOCALES, type StaffLang } from '../../platform/i18n/locales.js';
import { SEXES } from '../cases/case-vocabularies.js';
import { CHANNELS, TOPICS } from '../helpline/contacts.schemas.js';
import { longDate, narrative } from './narrative.js';
import { changePercent, previousYear } from './period.js';
import { summaryChart, weeklyChart } from './report-charts.js';
import { countryNames, label } from './report-labels.js';
import type { ReportsService } from './reports.service.js';
import type { Summary } from './summary.js';

type Row = PdfCell[];

/** Contacts of a breakdown beside the same period a year earlier, with the change in percent. */
function comparison(lang: StaffLang, keys: readonly string[], now: Record<string, number>, before: Record<string, number>, name: (key: string) => string): Row[] {
  const change = new Intl.NumberFormat(LOCALES[lang].tag, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
  const percent = (a: number, b: number) => {
    const p = changePercent(a, b);
    return p === null ? null : `${change.format(p)}%`;
  };
  return keys.map((k) => [name(k), now[k] ?? 0, before[k] ?? 0, percent(now[k] ?? 0, before[k] ?? 0)]);
}

/** The summary's figures as the report's sections: the narrative, contacts and victims, each with its tables and charts. */
export function statisticsBlocks(lang: StaffLang, summary: Summary, yearBefore: Summary, charts: { weekly: string[]; victims: string[] }): PdfBlock[] {
  const l = (key: string) => label(lang, key);
  const c = summary.contacts;
  const v = summary.victims;
  const before = yearBefore.contacts;
  const contactsHeader = (first: string) => [l(first), l('pdf.column.thisPeriod'), l('export.previousYear'), l('export.changePercent')];
  const right = [undefined, 'right', 'right', 'right'] as const;
  const country = countryNames(lang);
  const victimsTable = (caption: string, column: string, counts: Record<string, number>, name: (key: string) => string, total: boolean, note?: string): PdfBlock => ({
    type: 'table',
    caption: l(caption),
    header: [l(column), l('pdf.column.victims')],
    rows: [...Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]): Row => [name(k), n]), ...(total ? [[l('public.total'), v.identified]] : [])],
    totalRow: total,
    ...(note ? { note: l(note) } : {}),
  });

  const blocks: PdfBlock[] = [
    { type: 'heading', text: l('pdf.section.narrative') },
    { type: 'paragraph', text: narrative(summary, lang) },
    { type: 'heading', text: l('pdf.section.contacts') },
    {
      type: 'table',
      caption: l('export.contacts.byChannel'),
      header: contactsHeader('pdf.column.channel'),
      rows: [...comparison(lang, CHANNELS, c.byChannel, before.byChannel, (k) => l(`channel.${k}`)), ...comparison(lang, ['total'], { total: c.total }, { total: before.total }, () => l('public.total'))],
      align: right,
      totalRow: true,
      note: l('pdf.note.change'),
    },
    {
      type: 'table',
      caption: l('export.contacts.byTopic'),
      header: contactsHeader('pdf.column.topic'),
      rows: comparison(lang, TOPICS, c.byTopic, before.byTopic, (k) => l(`topic.${k}`)),
      align: right,
      note: l('pdf.note.topics'),
    },
    ...charts.weekly.map((svg): PdfBlock => ({ type: 'chart', svg })),
    { type: 'heading', text: l('pdf.section.victims') },
    {
      type: 'table',
      header: [l('export.figure'), l('pdf.column.victims')],
      rows: [
        [l('export.victims.identified'), v.identified],
        [l('export.victims.children'), v.children],
        [l('pdf.victims.adults'), v.identified - v.children],
        [l('export.victims.foreignNationals'), v.foreignNationals],
      ],
      note: l('pdf.note.children'),
    },
  ];
  if (v.identified === 0) return blocks;
  return [
    ...blocks,
    victimsTable('export.victims.bySex', 'pdf.column.sex', Object.fromEntries(SEXES.map((s) => [s, v.bySex[s] ?? 0])), (k) => l(`sex.${k}`), true),
    victimsTable('export.victims.byExploitation', 'pdf.column.exploitation', v.byExploitation, (k) => l(`exploitation.${k}`), false, 'pdf.note.exploitation'),
    victimsTable('export.victims.byCitizenship', 'pdf.column.citizenship', v.byCitizenship, country, true),
    victimsTable('export.victims.bySector', 'pdf.column.sector', v.bySector, (k) => l(`sector.${k}`), true),
    ...charts.victims.map((svg): PdfBlock => ({ type: 'chart', svg })),
  ];
}

/**
 * The period's statistics as a PDF for donors: the narrative, contacts by channel and topic
 * against the same period a year earlier, identified victims by age, sex, type of exploitation,
 * citizenship and sector, and the four charts. Labels are in the language of the narrative.
 */
export async function summaryPdf(reports: ReportsService, summary: Summary, lang: StaffLang, timeZone: string): Promise<Buffer> {
  const [yearBefore, weeks] = await Promise.all([reports.summary(previousYear(summary.period)), reports.weeks(summary.period)]);
  const charts = {
    weekly: (['contacts-per-week', 'topics'] as const).map((name) => weeklyChart(name, weeks, summary.period, lang)),
    victims: (['victims-by-type-and-sex', 'nationalities'] as const).map((name) => summaryChart(name, summary, lang)),
  };
  return renderReportPdf({
    ...reportFrame(lang, timeZone),
    title: label(lang, 'pdf.title'),
    subtitle: `${longDate(lang, summary.period.from)} – ${longDate(lang, summary.period.to)}`,
    blocks: statisticsBlocks(lang, summary, yearBefore, charts),
  });
}
