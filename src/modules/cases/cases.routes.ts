import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseOr400 } from '../../platform/errors.js';
import { idempotencyKeyOf, runOnce, sendOutcome } from '../../platform/idempotency.js';
import { principalOf, rolesOf } from '../../platform/policy.js';
import { CaseSupportService } from './case-support.service.js';
import { caseVocabularies } from './case-vocabularies.js';
import { scheduleRetention } from './cases.retention.js';
import { CasesService } from './cases.service.js';

const ZCaseParams = z.object({ id: z.string().min(1).max(64) });
const ZServiceParams = ZCaseParams.extend({ serviceId: z.string().min(1).max(64) });
const ZReferralParams = ZCaseParams.extend({ referralId: z.string().min(1).max(64) });

// The hotline may open a potential case but never read one; campaign staff and admins alone get nothing.
const openers = { policy: rolesOf('caseworker', 'hotline') };
const readers = { policy: rolesOf('caseworker', 'coordinator') };
const caseworkers = { policy: rolesOf('caseworker') };
const vocabularyReaders = { policy: rolesOf('caseworker', 'coordinator', 'hotline') };

export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const cases = new CasesService(ctx);
  const support = new CaseSupportService(ctx, cases);

  app.post('/api/v1/cases', { config: openers }, async (request, reply) => {
    const actor = principalOf(request);
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), `cases.create:${actor.userId}`, async (trx) => ({ status: 201, body: await cases.create(request.body, actor, trx) }));
    return sendOutcome(reply, outcome);
  });

  app.get('/api/v1/cases', { config: readers }, (request) => cases.list(request.query, principalOf(request)));

  app.get('/api/v1/cases/vocabularies', { config: vocabularyReaders }, () => caseVocabularies());

  app.get('/api/v1/cases/follow-ups', { config: caseworkers }, (request) => support.followUps(request.query, principalOf(request)));

  app.get('/api/v1/cases/:id', { config: readers }, (request) => cases.get(parseOr400(ZCaseParams, request.params).id, principalOf(request)));

  app.patch('/api/v1/cases/:id', { config: caseworkers }, (request) => cases.update(parseOr400(ZCaseParams, request.params).id, request.body, principalOf(request)));

  app.get('/api/v1/cases/:id/timeline', { config: readers }, (request) => cases.timeline(parseOr400(ZCaseParams, request.params).id, request.query, principalOf(request)));

  app.get('/api/v1/cases/:id/assessments', { config: readers }, (request) => cases.assessments(parseOr400(ZCaseParams, request.params).id, principalOf(request)));

  app.post('/api/v1/cases/:id/assessments', { config: caseworkers }, async (request, reply) => {
    const { id } = parseOr400(ZCaseParams, request.params);
    const actor = principalOf(request);
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), `cases.assess:${actor.userId}`, async (trx) => ({ status: 201, body: await cases.assess(id, request.body, actor, trx) }));
    return sendOutcome(reply, outcome);
  });

  app.post('/api/v1/cases/:id/services', { config: caseworkers }, async (request, reply) => {
    const { id } = parseOr400(ZCaseParams, request.params);
    const actor = principalOf(request);
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), `cases.services:${actor.userId}`, async (trx) => ({ status: 201, body: await support.addService(id, request.body, actor, trx) }));
    return sendOutcome(reply, outcome);
  });

  app.patch('/api/v1/cases/:id/services/:serviceId', { config: caseworkers }, (request) => {
    const { id, serviceId } = parseOr400(ZServiceParams, request.params);
    return support.updateService(id, serviceId, request.body, principalOf(request));
  });

  app.post('/api/v1/cases/:id/referrals', { config: caseworkers }, async (request, reply) => {
    const { id } = parseOr400(ZCaseParams, request.params);
    const actor = principalOf(request);
    const outcome = await runOnce(ctx, idempotencyKeyOf(request), `cases.referrals:${actor.userId}`, async (trx) => ({ status: 201, body: await support.addReferral(id, request.body, actor, trx) }));
    return sendOutcome(reply, outcome);
  });

  app.patch('/api/v1/cases/:id/referrals/:referralId', { config: caseworkers }, (request) => {
    const { id, referralId } = parseOr400(ZReferralParams, request.params);
    return support.updateReferral(id, referralId, request.body, principalOf(request));
  });

  scheduleRetention(app, cases);
}
