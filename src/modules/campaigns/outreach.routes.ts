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
  /** A handler given the route's parameters, checked against `schema` (a 400 names each bad one), and the signed-in actor. */
  const given = <P>(schema: z.ZodType<P>, handle: (p: P, actor: Actor, body: unknown) => unknown) =>
    (r: FastifyRequest) => handle(parseOr400(schema, r.params), principalOf(r), r.body);
  /** A POST that creates something, taking effect once per Idempotency-Key. */
  const creating = <P>(name: string, schema: z.ZodType<P>, create: (p: P, body: unknown, actor: Actor, trx: Transaction<DB>) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const p = parseOr400(schema, request.params);
      const actor = principalOf(request);
      const outcome = await runOnce(ctx, idempotencyKeyOf(request), `${name}:${actor.userId}`, async (trx) => ({ status: 201, body: await create(p, request.body, actor, trx) }));
      return sendOutcome(reply, outcome);
    };
  /** A DELETE answering 204 once done. */
  const removing = <P>(schema: z.ZodType<P>, remove: (p: P, actor: Actor) => Promise<void>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      await remove(parseOr400(schema, request.params), principalOf(request));
      return reply.status(204).send();
    };

  // Printed materials and distributions
  app.get('/api/v1/campaigns/:id/materials', opts, given(ZCampaign, (p) => materials.list(p.id)));
  app.post('/api/v1/campaigns/:id/materials', opts, creating('campaigns.materials.create', ZCampaign, (p, body, actor, trx) => materials.create(p.id, body, actor, trx)));
  app.get('/api/v1/campaigns/:id/materials/:materialId', opts, given(ZMaterial, (p) => materials.get(p.id, p.materialId)));
  app.patch('/api/v1/campaigns/:id/materials/:materialId', opts, given(ZMaterial, (p, actor, body) => materials.update(p.id, p.materialId, body, actor)));
  app.post('/api/v1/campaigns/:id/materials/:materialId/distributions', opts, creating('campaigns.distributions.create', ZMaterial, (p, body, actor, trx) => materials.distribute(p.id, p.materialId, body, actor, trx)));
  app.delete('/api/v1/campaigns/:id/materials/:materialId/distributions/:distributionId', opts, removing(ZDistribution, (p, actor) => materials.deleteDistribution(p.id, p.materialId, p.distributionId, actor)));
  app.get('/api/v1/campaigns/:id/places', opts, given(ZCampaign, async (p) => ({ items: (await materials.figures(p.id)).places, nextCursor: null })));

  // Stakeholders: the contact list events invite from, which the partner directory absorbs
  app.get('/api/v1/stakeholders', opts, (r) => events.listStakeholders(r.query));
  app.post('/api/v1/stakeholders', opts, creating('stakeholders.create', z.unknown(), (_p, body, actor, trx) => events.createStakeholder(body, actor, trx)));
  app.get('/api/v1/stakeholders/:id', opts, given(ZCampaign, (p, actor) => events.getStakeholder(p.id, actor)));
  app.patch('/api/v1/stakeholders/:id', opts, given(ZCampaign, (p, actor, body) => events.updateStakeholder(p.id, body, actor)));
  app.post('/api/v1/stakeholders/link-to-directory', opts, (r) => events.linkToDirectory(principalOf(r)));

  // Events, invitations, topics raised and follow-ups
  app.get('/api/v1/campaigns/:id/events', opts, given(ZCampaign, (p) => events.listEvents(p.id)));
  app.post('/api/v1/campaigns/:id/events', opts, creating('campaigns.events.create', ZCampaign, (p, body, actor, trx) => events.createEvent(p.id, body, actor, trx)));
  app.get('/api/v1/campaigns/:id/events/:eventId', opts, given(ZEvent, (p) => events.getEvent(p.id, p.eventId)));
  app.patch('/api/v1/campaigns/:id/events/:eventId', opts, given(ZEvent, (p, actor, body) => events.updateEvent(p.id, p.eventId, body, actor)));
  app.get('/api/v1/campaigns/:id/events/:eventId/invitations', opts, given(ZEvent, (p) => events.listInvitations(p.id, p.eventId)));
  app.post('/api/v1/campaigns/:id/events/:eventId/invitations', opts, creating('campaigns.invitations.create', ZEvent, (p, body, actor, trx) => events.invite(p.id, p.eventId, body, actor, trx)));
  app.patch('/api/v1/campaigns/:id/events/:eventId/invitations/:partId', opts, given(ZEventPart, (p, actor, body) => events.updateInvitation(p.id, p.eventId, p.partId, body, actor)));
  app.post('/api/v1/campaigns/:id/events/:eventId/topics', opts, creating('campaigns.topics.create', ZEvent, (p, body, actor, trx) => events.addTopic(p.id, p.eventId, body, actor, trx)));
  app.delete('/api/v1/campaigns/:id/events/:eventId/topics/:partId', opts, removing(ZEventPart, (p, actor) => events.deleteTopic(p.id, p.eventId, p.partId, actor)));
  app.post('/api/v1/campaigns/:id/events/:eventId/follow-ups', opts, creating('campaigns.follow-ups.create', ZEvent, (p, body, actor, trx) => events.addFollowUp(p.id, p.eventId, body, actor, trx)));
  app.patch('/api/v1/campaigns/:id/events/:eventId/follow-ups/:partId', opts, given(ZEventPart, (p, actor, body) => events.updateFollowUp(p.id, p.eventId, p.partId, body, actor)));
  app.get('/api/v1/campaigns/:id/topics', opts, given(ZCampaign, async (p) => ({ items: await events.topicsOfCampaign(p.id), nextCursor: null })));

  // Publications of recommendations
  app.get('/api/v1/campaigns/:id/publications', opts, given(ZCampaign, (p) => recommendations.listPublications(p.id)));
  app.post('/api/v1/campaigns/:id/publications', opts, creating('campaigns.publications.create', ZCampaign, (p, body, actor, trx) => recommendations.createPublication(p.id, body, actor, trx)));
  app.get('/api/v1/campaigns/:id/publications/:publicationId', opts, given(ZPublication, (p) => recommendations.getPublication(p.id, p.publicationId)));
  app.patch('/api/v1/campaigns/:id/publications/:publicationId', opts, given(ZPublication, (p, actor, body) => recommendations.updatePublication(p.id, p.publicationId, body, actor)));
  app.post('/api/v1/campaigns/:id/publications/:publicationId/recommendations', opts, creating('campaigns.recommendations.create', ZPublication, (p, body, actor, trx) => recommendations.addRecommendation(p.id, p.publicationId, body, actor, trx)));
  app.patch('/api/v1/campaigns/:id/publications/:publicationId/recommendations/:recommendationId', opts, given(ZRecommendation, (p, actor, body) => recommendations.updateRecommendation(p.id, p.publicationId, p.recommendationId, body, actor)));
  app.delete('/api/v1/campaigns/:id/publications/:publicationId/recommendations/:recommendationId', opts, removing(ZRecommendation, (p, actor) => recommendations.deleteRecommendation(p.id, p.publicationId, p.recommendationId, actor)));
}
