import { LOCALES, type StaffLang } from '../../platform/i18n/locales.js';
import { text } from '../../platform/i18n/messages.js';
import { writeCsv, writeXlsx } from '../../platform/tabular.js';
import type { CampaignReportService } from './campaign-report.service.js';
import { METRICS } from './campaigns.schemas.js';
import type { presentPost } from './campaigns.presenter.js';

export type CampaignReport = Awaited<ReturnType<CampaignReportService['report']>>;
type Cell = string | number | null;

const label = (lang: StaffLang, key: string) => text(lang, `staff:campaign.${key}`);

/** The report as one table, a row per figure and category, so a spreadsheet can filter and chart it. */
export function reportRows(r: CampaignReport, lang: StaffLang): { header: string[]; rows: Cell[][] } {
  const l = (key: string) => label(lang, `export.${key}`);
  const all = l('all');
  const languageName = new Intl.DisplayNames(LOCALES[lang].tag, { type: 'language' });
  const langOf = (code: string) => languageName.of(code) ?? code;
  const rows: Cell[][] = [[l('posts'), all, r.posts.total]];
  for (const [channel, f] of Object.entries(r.posts.byChannel)) {
    const name = label(lang, `channel.${channel}`);
    rows.push([l('posts'), name, f.posts], ...METRICS.filter((m) => !f.notReported.includes(m)).map((m): Cell[] => [l(m), name, f[m]]), [l('engagementRate'), name, f.engagementRate]);
  }
  for (const [code, n] of Object.entries(r.pageViews)) rows.push([l('pageViews'), langOf(code), n], [l('uniqueVisitors'), langOf(code), r.uniqueVisitors[code] ?? 0]);
  const m = r.materials;
  rows.push([l('printed'), all, m.printed], [l('distributed'), all, m.distributed], [l('inStock'), all, m.inStock]);
  for (const [code, f] of Object.entries(m.byLanguage)) rows.push([l('printed'), langOf(code), f.printed], [l('distributed'), langOf(code), f.distributed]);
  for (const p of m.byPartner) rows.push([l('distributed'), p.partner, p.distributed]);
  const e = r.events;
  rows.push([l('events'), all, e.total]);
  for (const [format, n] of Object.entries(e.byFormat)) if (n > 0) rows.push([l('events'), label(lang, `format.${format}`), n]);
  rows.push(
    [l('participants'), all, e.participants],
    [l('participants'), label(lang, 'format.online'), e.attendedOnline],
    [l('participants'), label(lang, 'format.in_person'), e.attendedInPerson],
    [l('invited'), all, e.invited],
    [l('recommendations'), all, r.recommendations.recommendations],
    ...(['before', 'during', 'after'] as const).map((w): Cell[] => {
      const { from, to, contacts } = r.impact[w];
      return [l('helplineContacts'), text(lang, `staff:campaign.export.window.${w}`, { from, to }), contacts];
    }),
  );
  return { header: [l('figure'), l('category'), l('value')], rows };
}

export function reportCsv(r: CampaignReport, lang: StaffLang): string {
  const { header, rows } = reportRows(r, lang);
  return writeCsv([header, ...rows]);
}

/** The campaign and its narrative, ready to paste into a donor report; every figure; visits per day; the places materials reached. */
export function reportXlsx(r: CampaignReport, lang: StaffLang): Promise<Buffer> {
  const l = (key: string) => label(lang, `export.${key}`);
  const { header, rows } = reportRows(r, lang);
  const languageName = new Intl.DisplayNames(LOCALES[lang].tag, { type: 'language' });
  return writeXlsx([
    { sheet: l('sheet.summary'), rows: [[l('campaign'), r.campaign.name], [l('period'), `${r.campaign.startsOn} – ${r.campaign.endsOn}`], [l('narrative'), r.narrative[lang]]] },
    { sheet: l('sheet.figures'), header, rows },
    { sheet: l('sheet.visits'), header: [l('date'), l('language'), l('pageViews'), l('uniqueVisitors')], rows: r.visits.map((v) => [v.date, languageName.of(v.lang) ?? v.lang, v.views, v.uniqueVisitors]) },
    {
      sheet: l('sheet.places'),
      header: [l('place'), l('placeKind'), l('city'), l('copies')],
      rows: r.materials.places.map((p) => [p.place, label(lang, `placeKind.${p.placeKind}`), p.city, p.quantity]),
    },
  ]);
}

type Post = ReturnType<typeof presentPost>;
const POST_COLUMNS = ['publishedAt', 'channel', 'language', 'url', 'topic', 'text', ...METRICS, 'externalId', 'source'] as const;

/** Every post with its metrics, a row each, under the API's field names. */
export function postsTable(posts: readonly Post[]): { header: string[]; rows: Cell[][] } {
  return { header: [...POST_COLUMNS], rows: posts.map((p) => POST_COLUMNS.map((c) => p[c])) };
}
