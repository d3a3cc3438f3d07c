import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError, parseOr400 } from '../../platform/errors.js';
import { idempotencyKeyOf, runOnce, sendOutcome } from '../../platform/idempotency.js';
import { everyone, principalOf, rolesOf } from '../../platform/policy.js';
import { XLSX_TYPE } from '../../platform/tabular.js';
import { AgencyImportService } from './agencies-import.service.js';
import type { AgenciesService } from './agencies.service.js';

/** The ministry's list has some sixty agencies; even a list of thousands stays far below this. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;
// `?dryRun` alone asks for a dry run, as does dryRun=true.
const ZImportQuery = z.object({
  dryRun: z.enum(['', 'true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v !== 'false'),
});
const importers = { policy: rolesOf('coordinator', 'admin') };
// The ministry publishes the list for everyone; workers may search it as well as the check does.
const searchers = { policy: everyone, rateLimit: { max: 120, timeWindow: '1 minute' } };

export function registerAgencyRoutes(app: FastifyInstance, ctx: AppContext, agencies: AgenciesService): void {
  const imports = new AgencyImportService(ctx, agencies);

  app.get('/api/v1/agencies', { config: searchers }, (request) => agencies.list(request.query));

  // The file parsers live in their own scope so they reach the import route and nothing else.
  void app.register(async (scope) => {
    for (const type of ['text/csv', XLSX_TYPE]) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    }
    scope.post('/api/v1/agencies/imports', { config: importers, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
      const { dryRun } = parseOr400(ZImportQuery, request.query);
      if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'unsupported_media_type', `Send the list as text/csv or as ${XLSX_TYPE}.`);
      const table = await imports.readFile(request.body, request.headers['content-type']?.startsWith(XLSX_TYPE) ? 'xlsx' : 'csv');
      const actor = principalOf(request);
      if (dryRun) return ctx.db.transaction().execute((trx) => imports.run(table, null, trx));
      const outcome = await runOnce(ctx, idempotencyKeyOf(request), `agencies.import:${actor.userId}`, async (trx) => ({ status: 200, body: await imports.run(table, { actorId: actor.userId }, trx) }));
      agencies.forget();
      return sendOutcome(reply, outcome);
    });
  });
}
