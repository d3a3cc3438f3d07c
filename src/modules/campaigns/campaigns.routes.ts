import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError, parseOr400 } from '../../platform/errors.js';
import { idempotencyKeyOf, runOnce, sendOutcome } from '../../platform/idempotency.js';
import { STAFF_LANGS } from '../../platform/i18n/locales.js';
import { principalOf } from '../../platform/policy.js';
import { writeCsv, writeXlsx, XLSX_TYPE } from '../../platform/tabular.js';
import { ContactsService } from '../helpline/contacts.service.js';
import { campaignStaff } from './access.js';
import { postsTable, reportCsv, reportXlsx } from './campaign-export.js';
import { campaignPdf } from './campaign-pdf.js';
import { registerCampaignPageRoutes } from './campaign-pages.routes.js';
import { CampaignReportService } from './campaign-report.service.js';
import { CampaignsService } from './campaigns.service.js';
import { ZIdParams, ZPageParams, ZPostParams } from './campaigns.schemas.js';
import { EventsService } from './events.service.js';
import { registerImageRoutes } from './images.routes.js';
import { MaterialsService } from './materials.service.js';
import { registerOutreachRoutes } from './outreach.routes.js';
import { PostImportService } from './post-import.service.js';
import { RecommendationsService } from './recommendations.service.js';

/** A year of a busy page's posts is a few hundred rows; exports with every column run to some 2 MB. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const flag = z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true');
const ZImportQuery = z.object({ dryRun: flag, skipInvalid: flag });
const ZExportQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('csv'),
  lang: z.enum(STAFF_LANGS, { message: `must be one of ${STAFF_LANGS.join(', ')}` }).default('en'),
});
/** The report also comes as a PDF for donors; the posts are a table only. */
const ZReportExportQuery = ZExportQuery.extend({ format: z.enum(['csv', 'xlsx', 'pdf'], { message: 'must be csv, xlsx or pdf' }).default('csv') });
const FILE_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE, pdf: 'application/pdf' } as const;

function sendFile(reply: FastifyReply, name: string, format: keyof typeof FILE_TYPES, body: string | Buffer): FastifyReply {
  return reply
    .header('content-type', FILE_TYPES[format])
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(body);
}

export function registerCampaignRoutes(app: FastifyInstance, ctx: AppContext): void {
  const campaigns = new CampaignsService(ctx);
  const imports = new PostImportService(ctx, campaigns);
  const materials = new MaterialsService(ctx, campaigns);
  const events = new EventsService(ctx, campaigns);
  const recommendations = new RecommendationsService(ctx, campaigns, events);
  const reports = new CampaignReportService(campaigns, materials, events, recommendations, new ContactsService(ctx), ctx.config.orgTimezone);
  const idOf = (params: unknown) => parseOr400(ZIdParams, params).id;

  app.post('/api/v1/campaigns', { config: campaignStaff }, async (request, reply) => {
    const actor = principalOf(request);
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), `campaigns.create:${actor.userId}`, async (trx) => ({ status: 201, body: await campaigns.create(request.body, actor, trx) }));
    return sendOutcome(reply, outcome);
  });

  app.get('/api/v1/campaigns', { config: campaignStaff }, (request) => campaigns.list(request.query));

  app.get('/api/v1/campaigns/:id', { config: campaignStaff }, (request) => campaigns.get(idOf(request.params)));

  app.patch('/api/v1/campaigns/:id', { config: campaignStaff }, (request) => campaigns.update(idOf(request.params), request.body, principalOf(request)));

  app.get('/api/v1/campaigns/:id/report', { config: campaignStaff }, (request) => reports.report(idOf(request.params)));

  app.get('/api/v1/campaigns/:id/report/export', { config: campaignStaff }, async (request, reply) => {
    const { format, lang } = parseOr400(ZReportExportQuery, request.query);
    const report = await reports.report(idOf(request.params));
    const name = `${report.campaign.slug}-report-${lang}`;
    const body = format === 'csv' ? reportCsv(report, lang) : format === 'pdf' ? await campaignPdf(report, lang, ctx.config.orgTimezone) : await reportXlsx(report, lang);
    await ctx.audit.record({ actorId: principalOf(request).userId, action: 'campaign.report.exported', targetType: 'campaign', targetId: report.campaign.id, details: { format, lang } });
    return sendFile(reply, name, format, body);
  });

  app.get('/api/v1/campaigns/:id/posts/export', { config: campaignStaff }, async (request, reply) => {
    const { format } = parseOr400(ZExportQuery, request.query);
    const id = idOf(request.params);
    const [campaign, posts] = await Promise.all([campaigns.get(id), campaigns.allPosts(id)]);
    const { header, rows } = postsTable(posts);
    return sendFile(reply, `${campaign.slug}-posts`, format, format === 'csv' ? writeCsv([header, ...rows]) : await writeXlsx([{ sheet: 'posts', header, rows }]));
  });

  app.post('/api/v1/campaigns/:id/posts', { config: campaignStaff }, async (request, reply) => {
    const actor = principalOf(request);
    const id = idOf(request.params);
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), `campaigns.posts.create:${actor.userId}`, async (trx) => ({ status: 201, body: await campaigns.createPost(id, request.body, actor, trx) }));
    return sendOutcome(reply, outcome);
  });

  // The file parsers live in their own scope so they reach the import route and nothing else.
  void app.register(async (scope) => {
    for (const type of ['text/csv', XLSX_TYPE]) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    }
    scope.post('/api/v1/campaigns/:id/posts/imports', { config: campaignStaff, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
      const id = idOf(request.params);
      const opts = parseOr400(ZImportQuery, request.query);
      if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'unsupported_media_type', `Send the export as text/csv or as ${XLSX_TYPE}.`);
      const rows = await imports.readFile(request.body, request.headers['content-type']?.startsWith(XLSX_TYPE) ? 'xlsx' : 'csv');
      const actor = principalOf(request);
      if (opts.dryRun) return ctx.db.transaction().execute((trx) => imports.run(id, rows, opts, actor.userId, trx));
      const outcome = await runOnce(ctx, idempotencyKeyOf(request), `campaigns.posts.import:${actor.userId}`, async (trx) => ({ status: 200, body: await imports.run(id, rows, opts, actor.userId, trx) }));
      return sendOutcome(reply, outcome);
    });
  });

  app.get('/api/v1/campaigns/:id/posts', { config: campaignStaff }, (request) => campaigns.listPosts(idOf(request.params), request.query));

  app.get('/api/v1/campaigns/:id/posts/:postId', { config: campaignStaff }, (request) => {
    const { id, postId } = parseOr400(ZPostParams, request.params);
    return campaigns.getPost(id, postId);
  });

  app.patch('/api/v1/campaigns/:id/posts/:postId', { config: campaignStaff }, (request) => {
    const { id, postId } = parseOr400(ZPostParams, request.params);
    return campaigns.updatePost(id, postId, request.body, principalOf(request));
  });

  app.delete('/api/v1/campaigns/:id/posts/:postId', { config: campaignStaff }, async (request, reply) => {
    const { id, postId } = parseOr400(ZPostParams, request.params);
    await campaigns.deletePost(id, postId, principalOf(request));
    return reply.status(204).send();
  });

  app.get('/api/v1/campaigns/:id/pages', { config: campaignStaff }, (request) => campaigns.listPages(idOf(request.params)));

  app.get('/api/v1/campaigns/:id/pages/:lang', { config: campaignStaff }, (request) => {
    const { id, lang } = parseOr400(ZPageParams, request.params);
    return campaigns.getPage(id, lang);
  });

  app.put('/api/v1/campaigns/:id/pages/:lang', { config: campaignStaff }, (request) => {
    const { id, lang } = parseOr400(ZPageParams, request.params);
    return campaigns.putPage(id, lang, request.body, principalOf(request));
  });

  app.delete('/api/v1/campaigns/:id/pages/:lang', { config: campaignStaff }, async (request, reply) => {
    const { id, lang } = parseOr400(ZPageParams, request.params);
    await campaigns.deletePage(id, lang, principalOf(request));
    return reply.status(204).send();
  });

  app.post('/api/v1/campaigns/:id/pages/:lang/preview', { config: campaignStaff }, (request) => {
    parseOr400(ZPageParams, request.params);
    return campaigns.preview(request.body);
  });

  registerImageRoutes(app, ctx, campaigns);
  registerOutreachRoutes(app, ctx, { materials, events, recommendations });
  registerCampaignPageRoutes(app, ctx, campaigns, recommendations);
}
