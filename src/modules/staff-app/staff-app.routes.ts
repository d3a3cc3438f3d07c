import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { everyone } from '../../platform/policy.js';

// dist/web beside the compiled server (dist/modules/staff-app) and beside src/ when run from source.
const here = dirname(fileURLToPath(import.meta.url));
export const STAFF_APP_DIR = resolve(here, '../../..', 'dist', 'web');

/** The built staff app; every path under /app/ that is not a file gets index.html (client-side routes). */
export async function registerStaffApp(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: STAFF_APP_DIR, serve: false });
  app.get('/app', { config: { policy: everyone } }, (_req, reply) => reply.redirect('/app/'));
  app.get('/app/*', { config: { policy: everyone } }, (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    const isAsset = rel.startsWith('assets/') && existsSync(join(STAFF_APP_DIR, rel));
    if (!existsSync(join(STAFF_APP_DIR, 'index.html'))) {
      return reply.status(503).type('text/plain').send('The staff app is not built: run npm run build.');
    }
    return isAsset
      ? reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(rel, { cacheControl: false })
      : reply.header('cache-control', 'no-store').sendFile('index.html', { cacheControl: false });
  });
}
