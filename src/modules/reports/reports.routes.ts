import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { notFound, parseOr400 } from '../../platform/errors.js';
import { everyone, principalOf, rolesOf } from '../../platform/policy.js';
import { langParam, sendNotFoundPage, sendPage } from '../public-site/public-site.routes.js';
import { anonymisedRelease } from './anonymised.js';
import { narrative, narrativeLang } from './narrative.js';
import { CHARTS, summaryChart, WEEKLY_CHARTS, weeklyChart, type ChartName } from './report-charts.js';
import { anonymisedCsv, anonymisedXlsx, summaryCsv, summaryXlsx } from './report-exports.js';
import { summaryPdf } from './report-pdf.js';
import { ReportsService } from './reports.service.js';
import { renderStatisticsPage } from './statistics-page.js';

/** Statistics are the coordinator's: other roles, the administrator included, get 403. */
const coordinators = { policy: rolesOf('coordinator') };
const ZFileParams = z.object({ file: z.string().max(60) });
const ZIdParams = z.object({ id: z.string().min(1).max(64) });

const EXPORTS = ['summary.csv', 'summary.xlsx', 'summary.pdf', 'anonymised.json', 'anonymised.csv', 'anonymised.xlsx'] as const;
const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function download(reply: FastifyReply, file: string, name: string, body: string | Buffer) {
  return reply
    .header('content-type', TYPES[file.slice(file.lastIndexOf('.') + 1)]!)
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(body);
}

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const reports = new ReportsService(ctx);

  app.get('/api/v1/reports/summary', { config: coordinators }, async (request) => {
    const q = reports.query(request.query);
    const summary = await reports.summary(q.period);
    return { ...summary, narrative: narrative(summary, q.lang), narrativeLanguage: narrativeLang(q.lang) };
  });

  app.get('/api/v1/reports/charts/:file', { config: coordinators }, async (request, reply) => {
    const { file } = parseOr400(ZFileParams, request.params);
    const name = file.replace(/\.svg$/, '') as ChartName;
    if (!file.endsWith('.svg') || !CHARTS.includes(name)) throw notFound('Chart');
    const q = reports.query(request.query);
    const lang = narrativeLang(q.lang);
    const svg = WEEKLY_CHARTS.includes(name) ? weeklyChart(name, await reports.weeks(q.period), q.period, lang) : summaryChart(name, await reports.summary(q.period), lang);
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').send(svg);
  });

  app.get('/api/v1/reports/exports/:file', { config: coordinators }, async (request, reply) => {
    const { file } = parseOr400(ZFileParams, request.params);
    if (!(EXPORTS as readonly string[]).includes(file)) throw notFound('Export');
    const q = reports.query(request.query);
    const lang = narrativeLang(q.lang);
    const actor = principalOf(request).userId;
    const name = `labour-justice-${file.replace('.', `-${q.period.from}-${q.period.to}.`)}`;
    if (file.startsWith('summary.')) {
      const summary = await reports.summary(q.period);
      const body =
        file === 'summary.csv' ? summaryCsv(summary, lang) : file === 'summary.pdf' ? await summaryPdf(reports, summary, lang, ctx.config.orgTimezone) : await summaryXlsx(summary, narrative(summary, lang), lang);
      await reports.recordExport(actor, file, q.period, { lang });
      return download(reply, file, name, body);
    }
    const release = anonymisedRelease(await reports.victimRecords(q.period), q.period);
    const body = file === 'anonymised.json' ? JSON.stringify(release) : file === 'anonymised.csv' ? anonymisedCsv(release) : await anonymisedXlsx(release);
    await reports.recordExport(actor, file, q.period, { records: release.records.length, suppressedRecords: release.suppressed.records });
    return download(reply, file, name, body);
  });

  app.post('/api/v1/reports/publications', { config: coordinators }, async (request, reply) => {
    const { period } = reports.query(request.body);
    return reply.status(201).send(await reports.publish(period, principalOf(request).userId));
  });

  app.get('/api/v1/reports/publications', { config: coordinators }, async () => ({ items: await reports.publications(), nextCursor: null }));

  app.delete('/api/v1/reports/publications/:id', { config: coordinators }, async (request, reply) => {
    await reports.withdraw(parseOr400(ZIdParams, request.params).id, principalOf(request).userId);
    return reply.status(204).send();
  });

  app.get('/:lang/statistics', { config: { policy: everyone } }, async (request, reply) => {
    const lang = langParam(request);
    if (!lang) return sendNotFoundPage(request, reply);
    return sendPage(reply, renderStatisticsPage(lang, await reports.publications()));
  });
}
