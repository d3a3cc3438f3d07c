import type { FastifyError, FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError, invalidFields, parseOr400 } from '../../platform/errors.js';
import { everyone, principalOf } from '../../platform/policy.js';
import { sendNotFoundPage } from '../public-site/public-site.routes.js';
import { campaignStaff } from './access.js';
import type { CampaignsService } from './campaigns.service.js';
import { IMAGE_MAX_BYTES, ImagesService, MEDIA_PREFIX, TOO_LARGE, ZImageParams } from './images.service.js';
import { ZIdParams } from './campaigns.schemas.js';

/**
 * Images for the campaigns' pages: uploaded by campaign staff as the file itself (the request's
 * body, `?alt=` its description), listed and removed under the campaign, and served to everyone
 * at `/media/campaigns/<hash>.webp`.
 */
export function registerImageRoutes(app: FastifyInstance, ctx: AppContext, campaigns: CampaignsService): void {
  const images = new ImagesService(ctx, campaigns);
  const idOf = (params: unknown) => parseOr400(ZIdParams, params).id;

  // The upload's scope reads any body as bytes, whatever type the browser names: the bytes
  // themselves decide whether it is an image. No other route accepts such bodies.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMAGE_MAX_BYTES }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((err: FastifyError) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError(413, 'payload_too_large', 'The image is too large.', [{ field: 'file', message: TOO_LARGE }]);
      throw err;
    });
    scope.post('/api/v1/campaigns/:id/images', { config: campaignStaff, bodyLimit: IMAGE_MAX_BYTES }, async (request, reply) => {
      const id = idOf(request.params);
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw invalidFields([{ field: 'file', message: 'is required: send the image as the body' }]);
      const { created, image } = await images.upload(id, request.body, request.query, principalOf(request));
      return reply.status(created ? 201 : 200).send(image);
    });
  });

  app.get('/api/v1/campaigns/:id/images', { config: campaignStaff }, (request) => images.list(idOf(request.params)));

  app.delete('/api/v1/campaigns/:id/images/:imageId', { config: campaignStaff }, async (request, reply) => {
    const { id, imageId } = parseOr400(ZImageParams, request.params);
    await images.delete(id, imageId, principalOf(request));
    return reply.status(204).send();
  });

  // The name is the hash of the bytes, so the answer never changes: caches may keep it for a year.
  app.get(`${MEDIA_PREFIX}:name`, { config: { policy: everyone } }, async (request, reply) => {
    const { name } = request.params as { name: string };
    const data = await images.publicImage(name);
    if (!data) return sendNotFoundPage(request, reply);
    const etag = `"${name.slice(0, -'.webp'.length)}"`;
    void reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('image/webp').send(data);
  });
}
