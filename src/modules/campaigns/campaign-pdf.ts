import { barChart } from '../../platform/charts.js';
import { formatDate } from '../../platform/i18n/format.js';
import { LOCALES, type StaffLang } from '../../platform/i18n/locales.js';
import { text } from '../../platform/i18n/messages.js';
import { reportFrame } from '../../platform/pdf/frame.js';
import { renderReportPdf, type PdfBlock, type PdfCell } from '../../platform/pdf/report-pdf.js';
import type { CampaignReport } from './campaign-export.js';

type Row = PdfCell[];
const day = (lang: StaffLang, iso: string) => formatDate(lang, new Date(`${iso}T00:00:00Z`));

/**
 * The campaign report as a PDF for donors: the narrative; posts, reach and engagement rate per
 * channel with a chart of reach; page views per language; copies printed and distributed; helpline
 * contacts that heard of the campaign; events, participants and recommendations. Figures only: no
 * post texts, no stakeholders' names.
 */
export function campaignBlocks(r: CampaignReport, lang: StaffLang): PdfBlock[] {
  const l = (key: string, values?: Record<string, string | number>) => text(lang, `staff:campaign.${key}`, values);
  const tag = LOCALES[lang].tag;
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 });
  const languageNames = new Intl.DisplayNames(tag, { type: 'language' });
  const language = (code: string) => languageNames.of(code) ?? code;
  const sum = (rows: readonly Row[], column: number) => rows.reduce((n, row) => n + Number(row[column] ?? 0), 0);
  const withTotal = (rows: Row[], columns: number[]): Row[] => [...rows, [l('pdf.total'), ...columns.map((c) => (c < 0 ? null : sum(rows, c)))]];
  const blocks: PdfBlock[] = [];

  const goals = [...r.campaign.goals, ...r.campaign.audiences];
  if (r.narrative[lang]) blocks.push({ type: 'heading', text: l('pdf.summary') }, { type: 'paragraph', text: r.narrative[lang] });
  if (goals.length > 0) {
    blocks.push({ type: 'heading', text: l('pdf.aims') });
    if (r.campaign.goals.length > 0) blocks.push({ type: 'paragraph', text: '', label: l('pdf.goals') }, { type: 'list', items: r.campaign.goals });
    if (r.campaign.audiences.length > 0) blocks.push({ type: 'paragraph', text: '', label: l('pdf.audiences') }, { type: 'list', items: r.campaign.audiences });
  }

  const channels = Object.entries(r.posts.byChannel);
  if (channels.length > 0) {
    const known = (f: (typeof channels)[number][1], m: 'reach' | 'impressions' | 'engagements') => (f.notReported.includes(m) ? null : f[m]);
    const rows = channels.map(([channel, f]): Row => [l(`channel.${channel}`), f.posts, known(f, 'reach'), known(f, 'impressions'), known(f, 'engagements'), f.engagementRate === null ? null : percent.format(f.engagementRate)]);
    blocks.push(
      { type: 'heading', text: l('pdf.posts') },
      {
        type: 'table',
        header: [l('pdf.channel'), ...(['posts', 'reach', 'impressions', 'engagements', 'engagementRate'] as const).map((k) => l(`export.${k}`))],
        rows: withTotal(rows, [1, 2, 3, 4, -1]),
        align: [undefined, 'right', 'right', 'right', 'right', 'right'],
        totalRow: true,
        note: l('pdf.rateNote'),
      },
    );
    const reached = channels.filter(([, f]) => f.reach > 0).sort(([, a], [, b]) => b.reach - a.reach);
    if (reached.length > 0) {
      blocks.push({
        type: 'chart',
        svg: barChart(reached.map(([channel, f]) => ({ label: l(`channel.${channel}`), n: f.reach })), { locale: tag, title: l('pdf.reachChart'), description: l('pdf.reachChart.description'), x: l('export.reach') }),
      });
    }
  }

  const pages = Object.entries(r.pageViews);
  if (pages.length > 0) {
    blocks.push(
      { type: 'heading', text: l('pdf.pages') },
      {
        type: 'table',
        header: [l('export.language'), l('export.pageViews'), l('export.uniqueVisitors')],
        rows: withTotal(pages.map(([code, views]): Row => [language(code), views, r.uniqueVisitors[code] ?? 0]), [1, 2]),
        totalRow: true,
      },
    );
  }

  const m = r.materials;
  if (m.items > 0) {
    blocks.push(
      { type: 'heading', text: l('pdf.materials') },
      {
        type: 'table',
        header: [l('export.language'), l('export.printed'), l('export.distributed'), l('export.inStock')],
        rows: withTotal(Object.entries(m.byLanguage).map(([code, f]): Row => [language(code), f.printed, f.distributed, f.printed - f.distributed]), [1, 2, 3]),
        totalRow: true,
      },
    );
    if (m.byPartner.length > 0) {
      blocks.push({ type: 'table', caption: l('pdf.byPartner'), header: [l('pdf.partner'), l('export.copies')], rows: m.byPartner.map((p): Row => [p.partner, p.distributed]) });
    }
    if (m.places.length > 0) {
      blocks.push({
        type: 'table',
        caption: l('pdf.places'),
        header: [l('export.place'), l('export.placeKind'), l('export.city'), l('export.copies')],
        rows: m.places.map((p): Row => [p.place, l(`placeKind.${p.placeKind}`), p.city, p.quantity]),
      });
    }
  }

  const windows = (['before', 'during', 'after'] as const).map((w) => ({ w, ...r.impact[w] }));
  if (windows.some((w) => w.contacts > 0)) {
    blocks.push({
      type: 'table',
      caption: l('export.helplineContacts'),
      header: [l('export.period'), l('pdf.contacts')],
      rows: windows.map(({ w, from, to, contacts, ongoing }): Row => [`${l(`export.window.${w}`, { from: day(lang, from), to: day(lang, to) })}${ongoing ? ` ${l('pdf.ongoing')}` : ''}`, contacts]),
    });
  }

  const e = r.events;
  if (e.total > 0 || r.recommendations.recommendations > 0) {
    const of = (figure: string, category: string) => l('pdf.figureOf', { figure: l(`export.${figure}`), category });
    const rows: Row[] = [
      [l('export.events'), e.total],
      ...Object.entries(e.byFormat).filter(([, n]) => n > 0).map(([format, n]): Row => [of('events', l(`format.${format}`)), n]),
      [l('export.invited'), e.invited],
      [l('pdf.accepted'), e.accepted],
      [l('export.participants'), e.participants],
      [of('participants', l('format.online')), e.attendedOnline],
      [of('participants', l('format.in_person')), e.attendedInPerson],
      [l('pdf.topicsRaised'), e.topicsRaised],
      [l('export.recommendations'), r.recommendations.recommendations],
    ];
    blocks.push({ type: 'heading', text: l('pdf.events') }, { type: 'table', header: [l('export.figure'), l('export.value')], rows });
  }
  return blocks;
}

export function campaignPdf(r: CampaignReport, lang: StaffLang, timeZone: string): Promise<Buffer> {
  return renderReportPdf({
    ...reportFrame(lang, timeZone),
    title: r.campaign.name,
    subtitle: text(lang, 'staff:campaign.pdf.subtitle', { from: day(lang, r.campaign.startsOn), to: day(lang, r.campaign.endsOn) }),
    blocks: campaignBlocks(r, lang),
  });
}
