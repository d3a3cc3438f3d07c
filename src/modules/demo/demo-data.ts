import type { AppContext } from '../../context.js';
import { loadDemoCampaign } from '../campaigns/campaigns.demo.js';
import { loadDemoCases } from '../cases/cases.demo.js';
import { loadDemoContacts } from '../helpline/contacts.demo.js';
import { UsersService } from '../users/users.service.js';

export interface DemoResult {
  admin: { email: string; oneTimePassword: string };
}

/** Realistic demo records for a newcomer; null when the database already holds data. */
export async function loadDemoData(ctx: AppContext): Promise<DemoResult | null> {
  const users = new UsersService(ctx);
  if ((await users.count()) > 0) return null;
  const { user, oneTimePassword } = await users.create({ email: 'admin@demo.labour-justice.org', name: 'Demo Administrator', roles: ['admin', 'coordinator'] }, null);
  for (const [email, name, role] of [
    ['operator@demo.labour-justice.org', 'Demo Hotline Operator', 'hotline'],
    ['caseworker@demo.labour-justice.org', 'Demo Caseworker', 'caseworker'],
    ['campaign@demo.labour-justice.org', 'Demo Campaign Coordinator', 'campaign'],
  ] as const) {
    await users.create({ email, name, roles: [role] }, user.id);
  }
  await loadDemoCases(ctx);
  await loadDemoContacts(ctx);
  await loadDemoCampaign(ctx);
  await ctx.audit.record({ actorId: null, action: 'demo.loaded' });
  return { admin: { email: user.email, oneTimePassword: oneTimePassword! } };
}
