import type { ChartName } from '../../../src/modules/reports/report-charts.js';
import type { Publication } from '../../../src/modules/reports/reports.service.js';
import type { Summary } from '../../../src/modules/reports/summary.js';
import type { Lang } from '../i18n/i18n.js';
import { request, type Page } from './client.js';

export type { ChartName, Publication };
export type Period = Summary['period'];

/** GET /reports/summary: the figures of a period and their narrative. */
export interface ReportSummary extends Summary {
  narrative: string;
  narrativeLanguage: Lang;
}

/**
 * A period as the API takes it, and as the statistics page keeps it in its address: a named
 * `period` (`year-to-date`, `2021-Q3`, `since-2021-03-01`) or `from` and `to`.
 */
export type PeriodQuery = { period: string } | Period;

/** The summary files are the organisation's own; only the anonymised ones are fit to leave it. */
export type ExportFile = 'summary.pdf' | 'summary.csv' | 'summary.xlsx' | 'anonymised.json' | 'anonymised.csv' | 'anonymised.xlsx';

export const reportSummary = (period: PeriodQuery, lang: Lang) => request<ReportSummary>('GET', '/reports/summary', { query: { ...period, lang } });

const address = (path: string, period: Period, lang: Lang) => `/api/v1/reports/${path}?${new URLSearchParams({ from: period.from, to: period.to, lang }).toString()}`;

/** A chart as a standalone SVG image drawn by the server (same origin, so the page's CSP lets it in). */
export const chartUrl = (name: ChartName, period: Period, lang: Lang) => address(`charts/${name}.svg`, period, lang);

/** A download; the server records each in the audit trail. */
export const exportUrl = (file: ExportFile, period: Period, lang: Lang) => address(`exports/${file}`, period, lang);

export const listPublications = () => request<Page<Publication>>('GET', '/reports/publications');

/** Puts the period's tables, small counts suppressed, on the public statistics page. */
export const publishPeriod = (period: Period) => request<Publication>('POST', '/reports/publications', { body: period });

export const withdrawPublication = (id: string) => request<void>('DELETE', `/reports/publications/${encodeURIComponent(id)}`);
