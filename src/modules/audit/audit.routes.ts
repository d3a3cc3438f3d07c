import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseOr400 } from '../../platform/errors.js';
import { rolesOf } from '../../platform/policy.js';

const ZAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().min(1).optional(),
  action: z.string().max(64).optional(),
});

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/audit', { config: { policy: rolesOf('admin') } }, async (request) => {
    const q = parseOr400(ZAuditQuery, request.query);
    const items = await ctx.audit.list({ limit: q.limit + 1, beforeSeq: q.cursor, action: q.action });
    const page = items.slice(0, q.limit);
    return { items: page, nextCursor: items.length > q.limit ? String(page.at(-1)!.seq) : null };
  });

  app.get('/api/v1/audit/verification', { config: { policy: rolesOf('admin') } }, async () => ctx.audit.verify());
}
