import type { FastifyInstance } from 'fastify';
import { rolesOf } from '../../platform/policy.js';
import { IdentificationService } from './identification.service.js';

const assessors = { policy: rolesOf('caseworker', 'coordinator') };

export function registerIdentificationRoutes(app: FastifyInstance): void {
  app.post('/api/v1/identification/assessments', { config: assessors }, async (request) => IdentificationService.assess(request.body));
  app.get('/api/v1/identification/indicators', { config: assessors }, async () => IdentificationService.catalogue());
}
