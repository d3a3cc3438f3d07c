import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { sendJsonNotFound } from '../../platform/http.js';
import { isPublicLang, negotiate, type PublicLang } from '../../platform/i18n/locales.js';
import { everyone } from '../../platform/policy.js';
import { PUBLIC_ASSETS_DIR } from './assets.js';
import { renderHome } from './home.js';
import { renderNotFound } from './not-found.js';

/** The language of a public path (`/hi/check` → hi), if it has one. */
export function langParam(request: FastifyRequest): PublicLang | null {
  const lang = (request.params as { lang?: string }).lang ?? '';
  return isPublicLang(lang) ? lang : null;
}

/** Sends a public HTML page (renderPage's, doctype included); public pages are the same for everyone, so shared caches may keep them briefly. */
export function sendPage(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(html);
}

export function sendNotFoundPage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const first = request.url.split('/')[1] ?? '';
  return sendPage(reply, renderNotFound(isPublicLang(first) ? first : negotiate(request.headers['accept-language'])), 404);
}

export function registerPublicSite(app: FastifyInstance, ctx: AppContext): void {
  app.get('/', { config: { policy: everyone } }, (request, reply) =>
    reply.header('vary', 'Accept-Language').redirect(`/${negotiate(request.headers['accept-language'])}/`),
  );

  app.get('/:lang', { config: { policy: everyone } }, (request, reply) => {
    const lang = langParam(request);
    return lang ? reply.redirect(`/${lang}/`) : sendNotFoundPage(request, reply);
  });

  app.get('/:lang/', { config: { policy: everyone } }, (request, reply) => {
    const lang = langParam(request);
    return lang ? sendPage(reply, renderHome(lang, ctx.config.sos)) : sendNotFoundPage(request, reply);
  });

  app.get('/assets/*', { config: { policy: everyone } }, (request, reply) => {
    const rel = normalize((request.params as { '*': string })['*']);
    const file = join(PUBLIC_ASSETS_DIR, rel);
    if (rel.startsWith('..') || !existsSync(file) || !statSync(file).isFile()) return sendNotFoundPage(request, reply);
    return reply.header('cache-control', 'public, max-age=86400').sendFile(rel, PUBLIC_ASSETS_DIR, { cacheControl: false });
  });

  app.setNotFoundHandler((request, reply) => (request.url.startsWith('/api/') ? sendJsonNotFound(request, reply) : sendNotFoundPage(request, reply)));
}
