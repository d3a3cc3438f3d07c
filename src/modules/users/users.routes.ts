import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseOr400 } from '../../platform/errors.js';
import { principalOf, rolesOf } from '../../platform/policy.js';
import { UsersService } from './users.service.js';

export const ZListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(400).optional() });
const ZIdParams = z.object({ id: z.string().min(1).max(64) });
const admin = { policy: rolesOf('admin') };

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  const users = new UsersService(ctx);

  app.get('/api/v1/users', { config: admin }, async (request) => {
    const q = parseOr400(ZListQuery, request.query);
    return users.list(q.limit, q.cursor);
  });

  app.post('/api/v1/users', { config: admin }, async (request, reply) => {
    const { user, oneTimePassword } = await users.create(request.body, principalOf(request).userId);
    return reply.status(201).send({ ...user, oneTimePassword });
  });

  app.patch('/api/v1/users/:id', { config: admin }, async (request) => {
    const { id } = parseOr400(ZIdParams, request.params);
    return users.update(id, request.body, principalOf(request).userId);
  });

  app.post('/api/v1/users/:id/mfa-reset', { config: admin }, async (request) => {
    const { id } = parseOr400(ZIdParams, request.params);
    return users.resetMfa(id, principalOf(request).userId);
  });

  app.post('/api/v1/users/:id/password-reset', { config: admin }, async (request) => {
    const { id } = parseOr400(ZIdParams, request.params);
    return users.resetPassword(id, principalOf(request).userId);
  });
}
