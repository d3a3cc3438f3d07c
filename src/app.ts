import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase, ping } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import { AuditTrail } from './platform/audit.js';
import { AuthService } from './platform/auth/auth.service.js';
import { FieldCipher } from './platform/crypto.js';
import { installErrorHandling } from './platform/http.js';
import { everyone, installPolicies } from './platform/policy.js';
import { installSecurityHeaders } from './platform/security-headers.js';
import { registerModules } from './modules/index.js';

// Logs carry no personal data: no bodies, no cookies, no query strings, no client addresses.
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function openContext(config: Config, now?: () => number): Promise<AppContext> {
  const { db, dialect } = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const cipher = FieldCipher.open(config.dataKeyFile);
  const audit = new AuditTrail(db);
  const auth = new AuthService({ db, audit, cipher, mfaRequired: config.mfaRequired, now });
  return { config, db, dialect, cipher, audit, auth };
}

/** Builds the whole HTTP application over an open context (the caller owns the context's lifetime). */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(ctx.config.logLevel),
    genReqId: () => randomUUID(),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  installErrorHandling(app);
  await app.register(cookie);
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  installSecurityHeaders(app, { https: ctx.config.trustProxy });
  installPolicies(app, ctx.auth);

  app.get('/healthz', { config: { policy: everyone } }, async () => {
    await ping(ctx.db);
    return { status: 'ok' };
  });
  await registerModules(app, ctx);
  return app;
}
