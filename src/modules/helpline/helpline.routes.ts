import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError, parseOr400 } from '../../platform/errors.js';
import { idempotencyKeyOf, runOnce, sendOutcome } from '../../platform/idempotency.js';
import { principalOf, rolesOf } from '../../platform/policy.js';
import { ContactImportService } from './contacts-import.service.js';
import { ContactsService } from './contacts.service.js';
import { registerPublicReportRoutes } from './public-report.routes.js';

const ZIdParams = z.object({ id: z.string().min(1).max(64) });
const ZImportQuery = z.object({ dryRun: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false') });

/** Past contacts arrive as whole spreadsheets: 100,000 rows are some 20 MB of CSV. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const readers = { policy: rolesOf('hotline', 'caseworker', 'coordinator') };
const writers = { policy: rolesOf('hotline', 'caseworker') };
const importers = { policy: rolesOf('hotline', 'coordinator') };

export function registerHelplineRoutes(app: FastifyInstance, ctx: AppContext): void {
  const contacts = new ContactsService(ctx);
  const imports = new ContactImportService(ctx, contacts);

  app.post('/api/v1/contacts', { config: writers }, async (request, reply) => {
    const actor = principalOf(request);
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), `contacts.create:${actor.userId}`, async (trx) => ({
      status: 201,
      body: await contacts.create(request.body, actor, trx),
    }));
    return sendOutcome(reply, outcome);
  });

  app.get('/api/v1/contacts', { config: readers }, (request) => contacts.list(request.query, principalOf(request)));

  app.get('/api/v1/contacts/stats', { config: readers }, (request) => contacts.stats(request.query));

  // The names behind assigneeId for everyone who reads contacts; listing users stays the admin's.
  app.get('/api/v1/contacts/assignees', { config: readers }, () => contacts.assignees());

  app.get('/api/v1/contacts/:id', { config: readers }, (request) => contacts.get(parseOr400(ZIdParams, request.params).id, principalOf(request)));

  app.patch('/api/v1/contacts/:id', { config: readers }, (request) => contacts.update(parseOr400(ZIdParams, request.params).id, request.body, principalOf(request)));

  // The CSV parser lives in its own scope so it reaches the import route and nothing else.
  void app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post('/api/v1/contacts/imports', { config: importers, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
      const { dryRun } = parseOr400(ZImportQuery, request.query);
      if (typeof request.body !== 'string') throw new AppError(415, 'unsupported_media_type', 'Send the file as text/csv.');
      const csv = request.body;
      if (dryRun === 'true') return imports.dryRun(csv);
      const actor = principalOf(request);
      const outcome = await runOnce(ctx, idempotencyKeyOf(request), `contacts.import:${actor.userId}`, async (trx) => ({ status: 200, body: await imports.import(csv, actor.userId, trx) }));
      return sendOutcome(reply, outcome);
    });
  });

  registerPublicReportRoutes(app, ctx, contacts);
}
