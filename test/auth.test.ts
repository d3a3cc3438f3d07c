import { authenticator } from 'otplib';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { SESSION_IDLE_MS, SESSION_ABSOLUTE_MS } from '../src/platform/auth/auth.service.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { addUser, describeEachDb, harness, PASSWORD, signIn, type Harness } from './support.js';

describeEachDb('staff sign-in and sessions', (dialect) => {
  let h: Harness;
  let clock = Date.now();
  beforeEach(async () => {
    clock = Date.now();
    h = await harness(dialect, {}, () => clock);
    await addUser(h.ctx, 'admin@example.test', ['admin']);
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
  });
  afterEach(() => h.close());

  it('answers 401 to an API call without a session', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('unauthenticated');
  });

  it('answers 401 with an error code to a wrong password', async () => {
    const r = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.test', password: 'not the password at all' } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('invalid_credentials');
  });

  it('answers 403 to a role that may not list users', async () => {
    const hotline = await signIn(h.app, 'hotline@example.test');
    expect((await hotline('GET', '/api/v1/users')).statusCode).toBe(403);
  });

  it('refuses a write without the x-csrf-token header', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    const r = await h.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin.cookie }, payload: { email: 'x@example.test', name: 'X', roles: ['campaign'] } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('csrf_token_missing');
    expect((await admin('GET', '/api/v1/users')).json().items).toHaveLength(2);
  });

  it('ends a session after 30 idle minutes', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    clock += SESSION_IDLE_MS - 60_000;
    expect((await admin('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    clock += SESSION_IDLE_MS - 1000;
    expect((await admin('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    clock += SESSION_IDLE_MS + 1000;
    expect((await admin('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('ends a busy session after 12 hours all the same', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    for (let t = 0; t < SESSION_ABSOLUTE_MS; t += 20 * 60_000) {
      clock += 20 * 60_000;
      const r = await admin('GET', '/api/v1/auth/me');
      if (t + 20 * 60_000 >= SESSION_ABSOLUTE_MS) expect(r.statusCode).toBe(401);
      else expect(r.statusCode).toBe(200);
    }
  });

  it('revokes the session at sign-out', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    expect((await admin('POST', '/api/v1/auth/logout', {})).statusCode).toBe(200);
    expect((await admin('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('keeps staff API answers out of every cache and out of any page that would frame or render them', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    const r = await admin('GET', '/api/v1/auth/me');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('sees a session ended by another connection to the same database at once', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    expect((await admin('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // Another process (a second server, or the CLI) removes the session behind this one's back.
    const other = openDatabase(h.env.DATABASE_URL!);
    try {
      await other.db.deleteFrom('sessions').execute();
    } finally {
      await other.close();
    }
    expect((await admin('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('issues a new session id at every sign-in', async () => {
    const a = await signIn(h.app, 'admin@example.test');
    const b = await signIn(h.app, 'admin@example.test');
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.csrf).not.toBe(b.csrf);
  });

  it('locks an account after five failed sign-ins, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.test', password: `wrong password ${i}` } })).statusCode).toBe(401);
    }
    const locked = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.test', password: PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock += 16 * 60_000;
    expect((await signIn(h.app, 'admin@example.test')).csrf).toBeTruthy();
  });

  it('ends every session of a user who is disabled or whose roles change', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    const hotline = await signIn(h.app, 'hotline@example.test');
    const id = (await admin('GET', '/api/v1/users')).json().items.find((u: { email: string }) => u.email === 'hotline@example.test').id;
    expect((await admin('PATCH', `/api/v1/users/${id}`, { roles: ['hotline', 'campaign'] })).statusCode).toBe(200);
    expect((await hotline('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await signIn(h.app, 'hotline@example.test');
    expect((await admin('PATCH', `/api/v1/users/${id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await again('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'hotline@example.test', password: PASSWORD } })).statusCode).toBe(401);
  });

  it('makes an invited user replace the one-time password before anything else', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    const made = await admin('POST', '/api/v1/users', { email: 'new@example.test', name: 'Nova Radnica', roles: ['hotline'] });
    expect(made.statusCode).toBe(201);
    const otp = made.json().oneTimePassword as string;
    const fresh = await signIn(h.app, 'new@example.test', otp);
    expect((await fresh('GET', '/api/v1/auth/me')).json().restriction).toBe('password_change');
    expect((await fresh('GET', '/api/v1/users')).json().error.code).toBe('password_change_required');
    const weak = await fresh('POST', '/api/v1/auth/password', { currentPassword: otp, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('newPassword');
    expect((await fresh('POST', '/api/v1/auth/password', { currentPassword: otp, newPassword: 'a much longer passphrase 7' })).json().restriction).toBeNull();
  });

  it('refuses short and common passwords', async () => {
    const users = new UsersService(h.ctx);
    await expect(users.create({ email: 'p@example.test', name: 'P', roles: ['hotline'] }, null, 'short')).rejects.toThrow(/fields/);
    await expect(users.create({ email: 'p@example.test', name: 'P', roles: ['hotline'] }, null, 'password1234')).rejects.toThrow(/fields/);
  });

  it('enrols two-factor sign-in and then requires the code, accepting a recovery code once', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    const start = (await admin('POST', '/api/v1/auth/mfa/enrolment', {})).json();
    expect(start.qrSvg).toContain('<svg');
    expect(start.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect((await admin('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: '000000' })).statusCode).toBe(400);
    const done = await admin('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: authenticator.clone({ epoch: clock }).generate(start.secret) });
    expect(done.statusCode).toBe(200);
    const codes = done.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    const noCode = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.test', password: PASSWORD } });
    expect(noCode.json().error.code).toBe('mfa_required');
    const replayed = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.test', password: PASSWORD, totp: authenticator.clone({ epoch: clock }).generate(start.secret) } });
    expect(replayed.json().error.code).toBe('invalid_totp');
    clock += 30_000;
    await signIn(h.app, 'admin@example.test', PASSWORD, authenticator.clone({ epoch: clock }).generate(start.secret));
    await signIn(h.app, 'admin@example.test', PASSWORD, codes[0]);
    const reused = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.test', password: PASSWORD, totp: codes[0] } });
    expect(reused.statusCode).toBe(401);
  });

  it('confines an admin without two-factor sign-in to enrolment when MFA is required', async () => {
    const strict = await harness(dialect, { MFA_REQUIRED: 'true' });
    try {
      await addUser(strict.ctx, 'boss@example.test', ['admin']);
      await addUser(strict.ctx, 'ops@example.test', ['hotline']);
      const boss = await signIn(strict.app, 'boss@example.test');
      expect((await boss('GET', '/api/v1/users')).json().error.code).toBe('mfa_enrolment_required');
      const start = (await boss('POST', '/api/v1/auth/mfa/enrolment', {})).json();
      await boss('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: authenticator.generate(start.secret) });
      expect((await boss('GET', '/api/v1/users')).statusCode).toBe(200);
      const ops = await signIn(strict.app, 'ops@example.test');
      expect((await ops('GET', '/api/v1/auth/me')).json().restriction).toBeNull();
    } finally {
      await strict.close();
    }
  });

  it('records sign-ins and failures in a hash chain that shows tampering', async () => {
    await signIn(h.app, 'admin@example.test');
    await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.test', password: 'wrong wrong wrong' } });
    expect((await h.ctx.audit.verify()).brokenAt).toBeNull();
    const actions = (await h.ctx.audit.list({ limit: 10 })).map((e) => e.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
    await sql`update audit_events set details = ${'{"reason":"edited"}'} where seq = 2`.execute(h.ctx.db);
    expect((await h.ctx.audit.verify()).brokenAt).toBe(2);
  });

  it('lets an admin browse the audit trail, and nobody else', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    const hotline = await signIn(h.app, 'hotline@example.test');
    const page = (await admin('GET', '/api/v1/audit?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeTruthy();
    expect((await admin('GET', `/api/v1/audit?limit=50&cursor=${page.nextCursor}`)).json().items.length).toBeGreaterThan(0);
    expect((await hotline('GET', '/api/v1/audit')).statusCode).toBe(403);
  });

  it('names each bad field of a new user in a 400', async () => {
    const admin = await signIn(h.app, 'admin@example.test');
    const r = await admin('POST', '/api/v1/users', { email: 'nope', name: '', roles: ['king'] });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'roles.0']));
    expect((await admin('GET', '/api/v1/users')).json().items).toHaveLength(2);
  });
});
