import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AuditTrail } from '../audit.js';
import type { FieldCipher } from '../crypto.js';
import { AppError, forbidden, unauthorized } from '../errors.js';
import { randomToken } from '../ids.js';
import { MFA_ROLES, parseRoles, type Role } from '../roles.js';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { SessionsRepository } from './sessions.repository.js';
import { acceptedTotpStep, enrolmentQr, newRecoveryCodes, newTotpSecret, useRecoveryCode } from './totp.js';
import { UsersRepository, type UserRow } from './users.repository.js';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
// Writing last_seen on every request would turn reads into writes; a minute's slack is harmless.
const TOUCH_EVERY_MS = 60_000;

/** Why a signed-in session may only reach its own account pages for now. */
export type Restriction = 'password_change' | 'mfa_enrolment' | null;

export interface Principal {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  sessionHash: string;
  csrfToken: string;
  restriction: Restriction;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export interface AuthDeps {
  db: Kysely<DB>;
  audit: AuditTrail;
  cipher: FieldCipher;
  mfaRequired: boolean;
  now?: () => number;
}

export class AuthService {
  private readonly users: UsersRepository;
  private readonly sessions: SessionsRepository;
  private readonly now: () => number;

  constructor(private readonly deps: AuthDeps) {
    this.users = new UsersRepository(deps.db);
    this.sessions = new SessionsRepository(deps.db);
    this.now = deps.now ?? Date.now;
  }

  async login(input: { email: string; password: string; totp?: string }): Promise<{ token: string; principal: Principal }> {
    const user = await this.users.findByEmail(input.email);
    const now = this.now();
    if (!user) {
      await verifyPassword(await decoyHash(), input.password);
      await this.deps.audit.record({ actorId: null, action: 'auth.login_failed', details: { reason: 'unknown_account' } });
      throw unauthorized('Wrong e-mail or password.', 'invalid_credentials');
    }
    if (user.locked_until && Date.parse(user.locked_until) > now) {
      const seconds = Math.ceil((Date.parse(user.locked_until) - now) / 1000);
      throw new AppError(429, 'account_locked', 'Too many failed sign-ins: this account is locked for a while.', { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
    }
    const passwordOk = await verifyPassword(user.password_hash, input.password);
    if (!passwordOk || user.disabled) {
      await this.recordFailure(user, passwordOk ? 'disabled' : 'password');
      throw unauthorized('Wrong e-mail or password.', 'invalid_credentials');
    }
    let mfaVerified = false;
    if (user.totp_enabled) {
      if (!input.totp) throw unauthorized('Enter the code from your authenticator app.', 'mfa_required');
      if (!(await this.secondFactorMatches(user, input.totp))) {
        await this.recordFailure(user, 'totp');
        throw unauthorized('That code is not right.', 'invalid_totp');
      }
      mfaVerified = true;
    }
    await this.users.update(user.id, { failed_logins: 0, locked_until: null });
    const token = randomToken();
    const csrf = randomToken();
    const at = new Date(now).toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await this.sessions.insert(
        { id_hash: hashToken(token), user_id: user.id, csrf_token: csrf, mfa_verified: mfaVerified ? 1 : 0, created_at: at, last_seen_at: at, expires_at: new Date(now + SESSION_ABSOLUTE_MS).toISOString() },
        trx,
      );
      await this.deps.audit.record({ actorId: user.id, action: 'auth.login', details: { mfa: mfaVerified } }, trx);
    });
    const principal = await this.authenticate(token);
    if (!principal) throw new Error('a new session could not be read back');
    return { token, principal };
  }

  /** The principal behind a session token, or null when there is none or it has expired. */
  async authenticate(token: string | undefined): Promise<Principal | null> {
    if (!token) return null;
    const idHash = hashToken(token);
    const s = await this.sessions.findWithUser(idHash);
    if (!s) return null;
    const now = this.now();
    if (s.disabled || Date.parse(s.expires_at) <= now || Date.parse(s.last_seen_at) + SESSION_IDLE_MS <= now) {
      await this.sessions.delete(idHash);
      return null;
    }
    if (now - Date.parse(s.last_seen_at) > TOUCH_EVERY_MS) await this.sessions.touch(idHash, new Date(now).toISOString());
    const roles = parseRoles(s.roles);
    const needsMfa = this.deps.mfaRequired && roles.some((r) => MFA_ROLES.includes(r));
    const restriction: Restriction = s.must_change_password ? 'password_change' : needsMfa && !s.mfa_verified ? 'mfa_enrolment' : null;
    return { userId: s.user_id, email: s.email, name: s.name, roles, sessionHash: idHash, csrfToken: s.csrf_token, restriction };
  }

  async logout(p: Principal): Promise<void> {
    await this.sessions.delete(p.sessionHash);
    await this.deps.audit.record({ actorId: p.userId, action: 'auth.logout' });
  }

  async changePassword(p: Principal, current: string, next: string): Promise<void> {
    const user = await this.mustFind(p.userId);
    if (!(await verifyPassword(user.password_hash, current))) throw new AppError(400, 'invalid_fields', 'The current password is wrong.', [{ field: 'currentPassword', message: 'is wrong' }]);
    const problem = passwordProblem(next, [user.email.split('@')[0]!, ...user.name.split(/\s+/)]);
    if (problem) throw new AppError(400, 'invalid_fields', `The new password ${problem}.`, [{ field: 'newPassword', message: problem }]);
    const hash = await hashPassword(next);
    await this.deps.db.transaction().execute(async (trx) => {
      await this.users.update(user.id, { password_hash: hash, must_change_password: 0, updated_at: new Date(this.now()).toISOString() }, trx);
      // Anyone holding another session with the old password loses it.
      await this.sessions.deleteForUser(user.id, trx, p.sessionHash);
      await this.deps.audit.record({ actorId: user.id, action: 'auth.password_changed', targetType: 'user', targetId: user.id }, trx);
    });
  }

  /** Starts (or restarts) enrolment: a new secret that only takes effect once a code confirms it. */
  async startMfaEnrolment(p: Principal): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
    const user = await this.mustFind(p.userId);
    if (user.totp_enabled) throw new AppError(409, 'mfa_already_enrolled', 'Two-factor sign-in is already set up; an administrator can reset it.');
    const secret = newTotpSecret();
    await this.users.update(user.id, { totp_secret: this.deps.cipher.encrypt(secret) });
    return { secret, ...(await enrolmentQr(secret, user.email)) };
  }

  async confirmMfaEnrolment(p: Principal, code: string): Promise<{ recoveryCodes: string[] }> {
    const user = await this.mustFind(p.userId);
    const secret = this.deps.cipher.decryptOptional(user.totp_secret);
    if (user.totp_enabled || !secret) throw new AppError(409, 'mfa_not_started', 'Start the set-up first.');
    const step = acceptedTotpStep(secret, code, null, this.now());
    if (step === null) throw new AppError(400, 'invalid_fields', 'That code is not right.', [{ field: 'code', message: 'does not match' }]);
    const { codes, hashes } = newRecoveryCodes();
    await this.deps.db.transaction().execute(async (trx) => {
      await this.users.update(user.id, { totp_enabled: 1, totp_last_step: step, recovery_codes: JSON.stringify(hashes) }, trx);
      await this.sessions.markMfaVerified(p.sessionHash, trx);
      await this.sessions.deleteForUser(user.id, trx, p.sessionHash);
      await this.deps.audit.record({ actorId: user.id, action: 'auth.mfa_enrolled', targetType: 'user', targetId: user.id }, trx);
    });
    return { recoveryCodes: codes };
  }

  private async secondFactorMatches(user: UserRow, code: string): Promise<boolean> {
    const secret = this.deps.cipher.decryptOptional(user.totp_secret);
    const step = secret ? acceptedTotpStep(secret, code.trim(), user.totp_last_step, this.now()) : null;
    if (step !== null) {
      await this.users.update(user.id, { totp_last_step: step });
      return true;
    }
    const remaining = useRecoveryCode(JSON.parse(user.recovery_codes ?? '[]') as string[], code);
    if (!remaining) return false;
    await this.users.update(user.id, { recovery_codes: JSON.stringify(remaining) });
    await this.deps.audit.record({ actorId: user.id, action: 'auth.recovery_code_used', details: { remaining: remaining.length } });
    return true;
  }

  private async recordFailure(user: UserRow, reason: string): Promise<void> {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await this.users.update(user.id, { failed_logins: lock ? 0 : failed, locked_until: lock ? new Date(this.now() + LOCKOUT_MS).toISOString() : user.locked_until });
    await this.deps.audit.record({ actorId: null, action: 'auth.login_failed', targetType: 'user', targetId: user.id, details: { reason, locked: lock } });
  }

  private async mustFind(id: string): Promise<UserRow> {
    const u = await this.users.findById(id);
    if (!u) throw forbidden();
    return u;
  }
}
