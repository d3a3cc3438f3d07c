import type { Principal } from '../../platform/auth/auth.service.js';
import { rolesOf } from '../../platform/policy.js';

/** Campaigns hold no helpline or case data; campaign staff run them and coordinators report on them. */
export const campaignStaff = { policy: rolesOf('campaign', 'coordinator') };

/** Who makes a change: a signed-in user, or the demo loader acting as the demo campaign user. */
export type Actor = Pick<Principal, 'userId'>;
