import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService, Principal } from './auth/auth.service.js';
import { AppError, forbidden, unauthorized } from './errors.js';
import type { Role } from './roles.js';

/**
 * What a route lets through. Every route declares one in `config.policy`; a route without one
 * stops the server at start, so access is denied by default.
 */
export type Policy =
  | { kind: 'public' }
  | { kind: 'signed-in'; roles: readonly Role[] | 'any'; duringRestriction: boolean };

/** Anyone, signed in or not: the public site, the job check, public reports. */
export const everyone: Policy = { kind: 'public' };
/** Any signed-in user, even one who must still change their password or set up two-factor sign-in. */
export const ownAccount: Policy = { kind: 'signed-in', roles: 'any', duringRestriction: true };
/** Any signed-in user with no pending password change or two-factor enrolment. */
export const anyStaff: Policy = { kind: 'signed-in', roles: 'any', duringRestriction: false };
/** Users holding at least one of these roles (rights add up across a user's roles). */
export const rolesOf = (...roles: Role[]): Policy => ({ kind: 'signed-in', roles, duringRestriction: false });

export const SESSION_COOKIE = 'lj_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const given = request.headers['x-csrf-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Installs the policy check on every route; call before any route is registered. */
export function installPolicies(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (!route.config?.policy) throw new Error(`route ${String(route.method)} ${route.url} declares no access policy`);
  });
  app.addHook('onRequest', async (request) => {
    // Only the not-found handler has no policy (routes without one never start): it reveals nothing.
    const policy = request.routeOptions.config.policy ?? everyone;
    if (policy.kind === 'public') return;
    const principal = await auth.authenticate(request.cookies[SESSION_COOKIE]);
    if (!principal) throw unauthorized();
    request.principal = principal;
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, principal.csrfToken)) {
      throw forbidden('This request lacks the x-csrf-token header of your session.', 'csrf_token_missing');
    }
    if (principal.restriction && !policy.duringRestriction) {
      throw new AppError(403, principal.restriction === 'password_change' ? 'password_change_required' : 'mfa_enrolment_required',
        principal.restriction === 'password_change' ? 'Choose a new password first.' : 'Set up two-factor sign-in first.');
    }
    if (policy.roles !== 'any' && !policy.roles.some((r) => principal.roles.includes(r))) throw forbidden();
  });
}

/** The signed-in principal of a route whose policy requires one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
