import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { hashPassword, passwordProblem } from '../../platform/auth/passwords.js';
import { SessionsRepository } from '../../platform/auth/sessions.repository.js';
import { UsersRepository, type UserRow } from '../../platform/auth/users.repository.js';
import { conflict, invalidFields, notFound, parseOr400 } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { parseRoles, storeRoles, ZRole } from '../../platform/roles.js';
import { presentUser } from './users.presenter.js';

export const ZCreateUserRequest = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  roles: z.array(ZRole).min(1, 'at least one role'),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .object({ roles: z.array(ZRole).min(1, 'at least one role').optional(), disabled: z.boolean().optional(), name: z.string().trim().min(1).max(200).optional() })
  .strict();
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

const present = (u: UserRow) => presentUser({ id: u.id, email: u.email, name: u.name, roles: parseRoles(u.roles), disabled: Boolean(u.disabled), mfaEnabled: Boolean(u.totp_enabled) });

/** A password to hand over once; the user must replace it at first sign-in. */
function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

export class UsersService {
  private readonly users: UsersRepository;
  private readonly sessions: SessionsRepository;

  constructor(private readonly ctx: AppContext) {
    this.users = new UsersRepository(ctx.db);
    this.sessions = new SessionsRepository(ctx.db);
  }

  /** Creates a user; without a password, a one-time password is generated and returned once. */
  async create(input: unknown, actorId: string | null, password?: string) {
    const req = parseOr400(ZCreateUserRequest, input);
    if (password !== undefined) {
      const problem = passwordProblem(password, [req.email.split('@')[0]!, ...req.name.split(/\s+/)]);
      if (problem) throw invalidFields([{ field: 'password', message: problem }]);
    }
    if (await this.users.findByEmail(req.email)) throw conflict(`A user with e-mail ${req.email} already exists.`, 'email_taken');
    const secret = password ?? oneTimePassword();
    const at = nowIso();
    const row: UserRow = {
      id: newId(), email: req.email, name: req.name, roles: storeRoles(req.roles), password_hash: await hashPassword(secret),
      must_change_password: password === undefined ? 1 : 0, disabled: 0, totp_secret: null, totp_enabled: 0, totp_last_step: null, recovery_codes: null,
      failed_logins: 0, locked_until: null, created_at: at, updated_at: at,
    };
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.users.insert(row, trx);
      await this.ctx.audit.record({ actorId, action: 'user.created', targetType: 'user', targetId: row.id, details: { roles: req.roles } }, trx);
    });
    return { user: present(row), oneTimePassword: password === undefined ? secret : undefined };
  }

  async list(limit: number, cursor?: string) {
    const afterEmail = cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
    const rows = await this.users.list({ limit: limit + 1, afterEmail });
    const page = rows.slice(0, limit);
    return { items: page.map(present), nextCursor: rows.length > limit ? Buffer.from(page.at(-1)!.email).toString('base64url') : null };
  }

  /** Role changes and disabling end the user's sessions at once. */
  async update(id: string, input: unknown, actorId: string) {
    const req = parseOr400(ZUpdateUserRequest, input);
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    if (id === actorId && (req.disabled || (req.roles && !req.roles.includes('admin')))) {
      throw invalidFields([{ field: req.disabled ? 'disabled' : 'roles', message: 'you cannot lock yourself out; ask another administrator' }]);
    }
    const rolesChanged = req.roles !== undefined && storeRoles(req.roles) !== user.roles;
    const disabledChanged = req.disabled !== undefined && Number(req.disabled) !== user.disabled;
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.users.update(id, {
        ...(req.roles ? { roles: storeRoles(req.roles) } : {}),
        ...(req.disabled !== undefined ? { disabled: Number(req.disabled) } : {}),
        ...(req.name ? { name: req.name } : {}),
        updated_at: nowIso(),
      }, trx);
      if (rolesChanged || req.disabled) await this.sessions.deleteForUser(id, trx);
      await this.ctx.audit.record({ actorId, action: 'user.updated', targetType: 'user', targetId: id, details: { fields: Object.keys(req), ...(rolesChanged ? { roles: req.roles } : {}), ...(disabledChanged ? { disabled: req.disabled } : {}) } }, trx);
    });
    return present((await this.users.findById(id))!);
  }

  /** Clears two-factor sign-in (a lost phone); the user enrols again at next sign-in. */
  async resetMfa(id: string, actorId: string) {
    if (!(await this.users.findById(id))) throw notFound('User');
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.users.update(id, { totp_enabled: 0, totp_secret: null, totp_last_step: null, recovery_codes: null, updated_at: nowIso() }, trx);
      await this.sessions.deleteForUser(id, trx);
      await this.ctx.audit.record({ actorId, action: 'user.mfa_reset', targetType: 'user', targetId: id }, trx);
    });
    return present((await this.users.findById(id))!);
  }

  /** Issues a new one-time password (a forgotten password); ends the user's sessions. */
  async resetPassword(id: string, actorId: string) {
    if (!(await this.users.findById(id))) throw notFound('User');
    const secret = oneTimePassword();
    const hash = await hashPassword(secret);
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.users.update(id, { password_hash: hash, must_change_password: 1, failed_logins: 0, locked_until: null, updated_at: nowIso() }, trx);
      await this.sessions.deleteForUser(id, trx);
      await this.ctx.audit.record({ actorId, action: 'user.password_reset', targetType: 'user', targetId: id }, trx);
    });
    return { oneTimePassword: secret };
  }

  count(): Promise<number> {
    return this.users.count();
  }
}
