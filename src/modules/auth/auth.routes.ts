import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Principal } from '../../platform/auth/auth.service.js';
import { SESSION_ABSOLUTE_MS } from '../../platform/auth/auth.service.js';
import { parseOr400 } from '../../platform/errors.js';
import { everyone, ownAccount, principalOf, SESSION_COOKIE } from '../../platform/policy.js';
import { presentUser } from '../users/users.presenter.js';

export const ZLoginRequest = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  totp: z.string().trim().max(32).optional(),
});
const ZChangePasswordRequest = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });
const ZConfirmMfaRequest = z.object({ code: z.string().trim().min(6).max(12) });

const sessionView = (p: Principal) => ({
  user: presentUser({ id: p.userId, email: p.email, name: p.name, roles: p.roles }),
  csrfToken: p.csrfToken,
  restriction: p.restriction,
});

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: ctx.config.trustProxy, path: '/', maxAge: SESSION_ABSOLUTE_MS / 1000 });

  app.post('/api/v1/auth/login', { config: { policy: everyone, rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = parseOr400(ZLoginRequest, request.body);
    const { token, principal } = await ctx.auth.login(body);
    setCookie(reply, token);
    return sessionView(principal);
  });

  app.post('/api/v1/auth/logout', { config: { policy: ownAccount } }, async (request, reply) => {
    await ctx.auth.logout(principalOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/v1/auth/me', { config: { policy: ownAccount } }, async (request) => sessionView(principalOf(request)));

  app.post('/api/v1/auth/password', { config: { policy: ownAccount, rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request) => {
    const body = parseOr400(ZChangePasswordRequest, request.body);
    await ctx.auth.changePassword(principalOf(request), body.currentPassword, body.newPassword);
    return sessionView((await ctx.auth.authenticate(request.cookies[SESSION_COOKIE]))!);
  });

  app.post('/api/v1/auth/mfa/enrolment', { config: { policy: ownAccount } }, async (request) => ctx.auth.startMfaEnrolment(principalOf(request)));

  app.post('/api/v1/auth/mfa/enrolment/confirm', { config: { policy: ownAccount, rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request) => {
    const body = parseOr400(ZConfirmMfaRequest, request.body);
    const { recoveryCodes } = await ctx.auth.confirmMfaEnrolment(principalOf(request), body.code);
    return { recoveryCodes, ...sessionView((await ctx.auth.authenticate(request.cookies[SESSION_COOKIE]))!) };
  });
}
