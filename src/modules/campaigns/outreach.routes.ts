import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from './access.js';
import { parseOr400 } from '../../platform/errors.js';
import { idempotencyKeyOf, runOnce, sendOutcome } from '../../platform/idempotency.js';
import { principalOf } from '../../platform/policy.js';
import { campaignStaff } from './access.js';
import type { EventsService } from './events.service.js';
import type { MaterialsService } from './materials.service.js';
import type { RecommendationsService } from './recommendations.service.js';

const id = z.string().min(1).max(64);
const ZCampaign = z.object({ id });
const ZMaterial = ZCampaign.extend({ materialId: id });
const ZDistribution = ZMaterial.extend({ distributionId: id });
const ZEvent = ZCampaign.extend({ eventId: id });
const ZEventPart = ZEvent.extend({ partId: id });
const ZPublication = ZCampaign.extend({ publicationId: id });
const ZRecommendation = ZPublication.extend({ recommendationId: id });

interface Services {
  materials: MaterialsService;
  events: EventsService;
  recommendations: RecommendationsService;
}

/** Printed materials, stakeholders, events and recommendations; every route is for campaign staff and coordinators. */
export function registerOutreachRoutes(app: FastifyInstance, ctx: AppContext, { materials, events, recommendations }: Services): void {
  const opts = { config: campaignStaff };
  /** A POST that creates something, taking effect once per Idempotency-Key. */
  const creating = (name: string, create: (body: unknown, params: unknown, actor: Actor, trx: Transaction<DB>) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const actor = principalOf(request);
      const outcome = await runOnce(ctx, idempotencyKeyOf(request), `${name}:${actor.userId}`, async (trx) => ({ status: 201, body: await create(request.body, request.params, actor, trx) }));
      return sendOutcome(reply, outcome);
    };

  // Printed materials and distributions
  app.get('/api/v1/campaigns/:id/materials', opts, (r) => materials.list(parseOr400(ZCampaign, r.params).id));
  app.post('/api/v1/campaigns/:id/materials', opts, creating('campaigns.materials.create', (body, params, actor, trx) => materials.create(parseOr400(ZCampaign, params).id, body, actor, trx)));
  app.get('/api/v1/campaigns/:id/materials/:materialId', opts, (r) => {
    const p = parseOr400(ZMaterial, r.params);
    return materials.get(p.id, p.materialId);
  });
  app.patch('/api/v1/campaigns/:id/materials/:materialId', opts, (r) => {
    const p = parseOr400(ZMaterial, r.params);
    return materials.update(p.id, p.materialId, r.body, principalOf(r));
  });
  app.post('/api/v1/campaigns/:id/materials/:materialId/distributions', opts, creating('campaigns.distributions.create', (body, params, actor, trx) => {
    const p = parseOr400(ZMaterial, params);
    return materials.distribute(p.id, p.materialId, body, actor, trx);
  }));
  app.delete('/api/v1/campaigns/:id/materials/:materialId/distributions/:distributionId', opts, async (r, reply) => {
    const p = parseOr400(ZDistribution, r.params);
    await materials.deleteDistribution(p.id, p.materialId, p.distributionId, principalOf(r));
    return reply.status(204).send();
  });
  app.get('/api/v1/campaigns/:id/places', opts, async (r) => ({ items: (await materials.figures(parseOr400(ZCampaign, r.params).id)).places, nextCursor: null }));

  // Stakeholders: the contact list events invite from, which the partner directory absorbs
  app.get('/api/v1/stakeholders', opts, (r) => events.listStakeholders(r.query));
  app.post('/api/v1/stakeholders', opts, creating('stakeholders.create', (body, _params, actor, trx) => events.createStakeholder(body, actor, trx)));
  app.get('/api/v1/stakeholders/:id', opts, (r) => events.getStakeholder(parseOr400(ZCampaign, r.params).id, principalOf(r)));
  app.patch('/api/v1/stakeholders/:id', opts, (r) => events.updateStakeholder(parseOr400(ZCampaign, r.params).id, r.body, principalOf(r)));
  app.post('/api/v1/stakeholders/link-to-directory', opts, (r) => events.linkToDirectory(principalOf(r)));

  // Events, invitations, topics raised and follow-ups
  app.get('/api/v1/campaigns/:id/events', opts, (r) => events.listEvents(parseOr400(ZCampaign, r.params).id));
  app.post('/api/v1/campaigns/:id/events', opts, creating('campaigns.events.create', (body, params, actor, trx) => events.createEvent(parseOr400(ZCampaign, params).id, body, actor, trx)));
  app.get('/api/v1/campaigns/:id/events/:eventId', opts, (r) => {
    const p = parseOr400(ZEvent, r.params);
    return events.getEvent(p.id, p.eventId);
  });
  app.patch('/api/v1/campaigns/:id/events/:eventId', opts, (r) => {
    const p = parseOr400(ZEvent, r.params);
    return events.updateEvent(p.id, p.eventId, r.body, principalOf(r));
  });
  app.get('/api/v1/campaigns/:id/events/:eventId/invitations', opts, (r) => {
    const p = parseOr400(ZEvent, r.params);
    return events.listInvitations(p.id, p.eventId);
  });
  app.post('/api/v1/campaigns/:id/events/:eventId/invitations', opts, creating('campaigns.invitations.create', (body, params, actor, trx) => {
    const p = parseOr400(ZEvent, params);
    return events.invite(p.id, p.eventId, body, actor, trx);
  }));
  app.patch('/api/v1/campaigns/:id/events/:eventId/invitations/:partId', opts, (r) => {
    const p = parseOr400(ZEventPart, r.params);
    return events.updateInvitation(p.id, p.eventId, p.partId, r.body, principalOf(r));
  });
  app.post('/api/v1/campaigns/:id/events/:eventId/topics', opts, creating('campaigns.topics.create', (body, params, actor, trx) => {
    const p = parseOr400(ZEvent, params);
    return events.addTopic(p.id, p.eventId, body, actor, trx);
  }));
  app.delete('/api/v1/campaigns/:id/events/:eventId/topics/:partId', opts, async (r, reply) => {
    const p = parseOr400(ZEventPart, r.params);
    await events.deleteTopic(p.id, p.eventId, p.partId, principalOf(r));
    return reply.status(204).send();
  });
  app.post('/api/v1/campaigns/:id/events/:eventId/follow-ups', opts, creating('campaigns.follow-ups.create', (body, params, actor, trx) => {
    const p = parseOr400(ZEvent, params);
    return events.addFollowUp(p.id, p.eventId, body, actor, trx);
  }));
  app.patch('/api/v1/campaigns/:id/events/:eventId/follow-ups/:partId', opts, (r) => {
    const p = parseOr400(ZEventPart, r.params);
    return events.updateFollowUp(p.id, p.eventId, p.partId, r.body, principalOf(r));
  });
  app.get('/api/v1/campaigns/:id/topics', opts, async (r) => ({ items: await events.topicsOfCampaign(parseOr400(ZCampaign, r.params).id), nextCursor: null }));

  // Publications of recommendations
  app.get('/api/v1/campaigns/:id/publications', opts, (r) => recommendations.listPublications(parseOr400(ZCampaign, r.params).id));
  app.post('/api/v1/campaigns/:id/publications', opts, creating('campaigns.publications.create', (body, params, actor, trx) => recommendations.createPublication(parseOr400(ZCampaign, params).id, body, actor, trx)));
  app.get('/api/v1/campaigns/:id/publications/:publicationId', opts, (r) => {
    const p = parseOr400(ZPublication, r.params);
    return recommendations.getPublication(p.id, p.publicationId);
  });
  app.patch('/api/v1/campaigns/:id/publications/:publicationId', opts, (r) => {
    const p = parseOr400(ZPublication, r.params);
    return recommendations.updatePublication(p.id, p.publicationId, r.body, principalOf(r));
  });
  app.post('/api/v1/campaigns/:id/publications/:publicationId/recommendations', opts, creating('campaigns.recommendations.create', (body, params, actor, trx) => {
    const p = parseOr400(ZPublication, params);
    return recommendations.addRecommendation(p.id, p.publicationId, body, actor, trx);
  }));
  app.patch('/api/v1/campaigns/:id/publications/:publicationId/recommendations/:recommendationId', opts, (r) => {
    const p = parseOr400(ZRecommendation, r.params);
    return recommendations.updateRecommendation(p.id, p.publicationId, p.recommendationId, r.body, principalOf(r));
  });
  app.delete('/api/v1/campaigns/:id/publications/:publicationId/recommendations/:recommendationId', opts, async (r, reply) => {
    const p = parseOr400(ZRecommendation, r.params);
    await recommendations.deleteRecommendation(p.id, p.publicationId, p.recommendationId, principalOf(r));
    return reply.status(204).send();
  });
}
