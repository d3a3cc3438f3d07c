import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerCampaignRoutes } from './campaigns/campaigns.routes.js';
import { registerCaseRoutes } from './cases/cases.routes.js';
import { registerHelplineRoutes } from './helpline/helpline.routes.js';
import { registerIdentificationRoutes } from './identification/identification.routes.js';
import { registerJobCheckRoutes } from './jobcheck/jobcheck.routes.js';
import { registerPartnerRoutes } from './partners/partners.routes.js';
import { registerPublicSite } from './public-site/public-site.routes.js';
import { registerReportRoutes } from './reports/reports.routes.js';
import { registerStaffApp } from './staff-app/staff-app.routes.js';
import { registerUserRoutes } from './users/users.routes.js';

/** Every module's routes; each route declares its own access policy. */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerAuthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerHelplineRoutes(app, ctx);
  registerIdentificationRoutes(app);
  registerJobCheckRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerPartnerRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  await registerStaffApp(app);
  registerPublicSite(app, ctx);
}
