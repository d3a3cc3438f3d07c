import { html, type SafeHtml } from '../../platform/html.js';
import { formatNumber } from '../../platform/i18n/format.js';
import { LOCALES, type PublicLang } from '../../platform/i18n/locales.js';
import { t } from '../../platform/i18n/messages.js';
import { renderPage } from '../public-site/layout.js';
import type { PublishedTable } from './disclosure.js';
import { longDate, narrativeLang } from './narrative.js';
import type { Publication } from './reports.service.js';

// Row and column keys of each published table, and the catalogue prefix that names them.
const ROW_LABELS: Readonly<Record<string, string>> = {
  contactsByTopic: 'topic',
  sexByAgeGroup: 'sex',
  exploitationBySex: 'mainType',
  citizenship: 'country',
  sector: 'sector',
};
const COLUMN_LABELS: Readonly<Record<string, string>> = { sexByAgeGroup: 'age', exploitationBySex: 'sex', contactsByTopic: 'public.column', citizenship: 'public.column', sector: 'public.column' };
// A call about two topics is under both, so that table's total counts mentions, not calls: it is not shown.
const NO_TOTAL = new Set(['contactsByTopic']);

function table(lang: PublicLang, name: string, p: PublishedTable): SafeHtml {
  const l = (key: string) => t(lang, `reports:${key}`);
  const country = new Intl.DisplayNames([LOCALES[lang].tag], { type: 'region', fallback: 'code' });
  const rowLabel = (key: string) => (name === 'citizenship' && key !== 'other' ? (country.of(key) ?? key) : l(`${ROW_LABELS[name]}.${key}`));
  const cell = (n: number | null) => (n === null ? '–' : formatNumber(lang, n));
  const several = p.columns.length > 1;
  const showTotal = !NO_TOTAL.has(name);
  return html`<table>
<caption>${l(`public.table.${name}`)}</caption>
<thead><tr><td></td>${p.columns.map((c) => html`<th scope="col">${l(`${COLUMN_LABELS[name]}.${c}`)}</th>`)}${several && html`<th scope="col">${l('public.total')}</th>`}</tr></thead>
<tbody>
${p.rows.map((r, i) => html`<tr><th scope="row">${rowLabel(r)}</th>${p.cells[i]!.map((n) => html`<td>${cell(n)}</td>`)}${several && html`<td>${cell(p.rowTotals[i]!)}</td>`}</tr>\n`)}
</tbody>
${showTotal && html`<tfoot><tr><th scope="row">${l('public.total')}</th>${p.columnTotals.map((n) => html`<td>${cell(n)}</td>`)}${several && html`<td>${cell(p.total)}</td>`}</tr></tfoot>`}
</table>`;
}

/** The public statistics page: every published period, latest first, with the figures as published. */
export function renderStatisticsPage(lang: PublicLang, publications: readonly Publication[]): string {
  const l = (key: string, values?: Record<string, string>) => t(lang, `reports:${key}`, values);
  const dates = narrativeLang(lang);
  const sections = publications.map(
    (p) => html`<section>
<h2>${l('public.period', { from: longDate(dates, p.period.from), to: longDate(dates, p.period.to) })}</h2>
${Object.entries(p.tables).map(([name, t]) => table(lang, name, t))}
</section>`,
  );
  const main = html`<h1>${l('public.title')}</h1>
<p>${l('public.intro')}</p>
${publications.length ? html`${sections}<p>${l('public.hidden')}</p>` : html`<p>${l('public.none')}</p>`}`;
  return renderPage({ lang, path: 'statistics', title: l('public.title'), main });
}
