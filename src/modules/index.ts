import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerPublicSite } from './public-site/public-site.routes.js';
import { registerStaffApp } from './staff-app/staff-app.routes.js';
import { registerUserRoutes } from './users/users.routes.js';

/** Every module's routes; each route declares its own access policy. */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerAuthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  await registerStaffApp(app);
  registerPublicSite(app, ctx);
}
