import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError, parseOr400, type FieldProblem } from '../../platform/errors.js';
import { everyone } from '../../platform/policy.js';
import { PUBLIC_ASSETS_DIR } from '../public-site/assets.js';
import { langParam, sendNotFoundPage, sendPage } from '../public-site/public-site.routes.js';
import { AgenciesService } from './agencies.service.js';
import { registerAgencyRoutes } from './agencies.routes.js';
import { EMPTY_FORM, formOf, renderCheckPage, type CheckOutcome } from './check-page.js';
import { LANGUAGES } from './engine/index.js';
import { JobCheckService, readJobCheck } from './jobcheck.service.js';

/** Checks per client and minute: the contract promises at least 60 before any 429; a hotline operator may run many. */
export const JOB_CHECKS_PER_MINUTE = 120;
const checks = { policy: everyone, rateLimit: { max: JOB_CHECKS_PER_MINUTE, timeWindow: '1 minute' } };

const ZQuestionsQuery = z.object({ lang: z.enum(LANGUAGES).default('en') });

/** A page that holds what someone wrote about their offer: no cache may keep it. */
function sendPrivatePage(reply: FastifyReply, page: string, status: number): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
}

/**
 * The job-offer check: the public API, the `/:lang/check` page (which needs no JavaScript and sets
 * no cookie), the service worker that keeps the page usable offline, and the register of licensed
 * employment agencies the check consults.
 */
export function registerJobCheckRoutes(app: FastifyInstance, ctx: AppContext): void {
  const agencies = new AgenciesService(ctx);
  const jobChecks = new JobCheckService(ctx, agencies);
  registerAgencyRoutes(app, ctx, agencies);

  app.post('/api/v1/job-checks', { config: checks }, async (request) => jobChecks.check(readJobCheck(request.body)));

  app.get('/api/v1/job-checks/questions', { config: { policy: everyone } }, async (request) => {
    const { lang } = parseOr400(ZQuestionsQuery, request.query);
    return { items: jobChecks.questions(lang), nextCursor: null };
  });

  app.get('/:lang/check', { config: { policy: everyone } }, (request, reply) => {
    const lang = langParam(request);
    if (!lang) return sendNotFoundPage(request, reply);
    return sendPage(reply, renderCheckPage(lang, ctx.config.sos, jobChecks.questions(lang), EMPTY_FORM, { kind: 'none' }));
  });

  app.post('/:lang/check', { config: checks }, async (request, reply) => {
    const lang = langParam(request);
    if (!lang) return sendNotFoundPage(request, reply);
    const form = formOf(request.body);
    const page = (outcome: CheckOutcome) => renderCheckPage(lang, ctx.config.sos, jobChecks.questions(lang), form, outcome);
    try {
      const result = await jobChecks.check(readJobCheck({ text: form.text, answers: form.answers, lang }));
      return sendPrivatePage(reply, page({ kind: 'result', result }), 200);
    } catch (err) {
      if (!(err instanceof AppError && err.status === 400 && Array.isArray(err.details))) throw err;
      const fields = new Set((err.details as FieldProblem[]).map((p) => p.field));
      return sendPrivatePage(reply, page(fields.has('answers') ? { kind: 'empty' } : { kind: 'invalid', fields }), 400);
    }
  });

  // At the site's root so that its scope covers /<lang>/check in every language.
  app.get('/sw.js', { config: { policy: everyone } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('js/sw.js', PUBLIC_ASSETS_DIR, { cacheControl: false }),
  );
}
