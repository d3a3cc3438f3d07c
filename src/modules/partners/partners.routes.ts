import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseOr400 } from '../../platform/errors.js';
import { idempotencyKeyOf, runOnce, sendOutcome } from '../../platform/idempotency.js';
import { principalOf, rolesOf } from '../../platform/policy.js';
import { PartnersService } from './partners.service.js';

const ZIdParams = z.object({ id: z.string().min(1).max(64) });
// Operators refer callers to partners and campaign staff invite them to events, so all four read.
const readers = { policy: rolesOf('hotline', 'caseworker', 'coordinator', 'campaign') };
const editors = { policy: rolesOf('caseworker', 'coordinator') };

export function registerPartnerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const partners = new PartnersService(ctx);

  app.get('/api/v1/partners', { config: readers }, (request) => partners.list(request.query));

  app.post('/api/v1/partners', { config: editors }, async (request, reply) => {
    const actor = principalOf(request);
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), `partners.create:${actor.userId}`, async (trx) => ({ status: 201, body: await partners.create(request.body, actor, trx) }));
    return sendOutcome(reply, outcome);
  });

  app.get('/api/v1/partners/:id', { config: readers }, (request) => partners.get(parseOr400(ZIdParams, request.params).id));

  app.patch('/api/v1/partners/:id', { config: editors }, (request) => partners.update(parseOr400(ZIdParams, request.params).id, request.body, principalOf(request)));
}
