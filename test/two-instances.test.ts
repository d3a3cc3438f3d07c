import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { addUser, PASSWORD, scratchDatabase } from './support.js';

const pgBase = process.env.TEST_DATABASE_URL;
if (!pgBase && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');

async function serve(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port)], { env, stdio: 'ignore' });
  for (let i = 0; i < 450; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`serve on port ${port} did not start`);
}

// Sessions live in the database, so instances behind a proxy share them; this runs two real processes.
describe.skipIf(!pgBase)(`two serve processes on one PostgreSQL database${pgBase ? '' : ' (skipped: set TEST_DATABASE_URL)'}`, () => {
  const procs: ChildProcess[] = [];
  let drop: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  const ports = [39171, 39172];

  beforeAll(async () => {
    const scratch = await scratchDatabase('postgres');
    drop = scratch.drop;
    env = { ...process.env, DATABASE_URL: scratch.url, DATA_KEY_FILE: join(scratch.dir, 'data.key'), MFA_REQUIRED: 'false', LOG_LEVEL: 'warn' };
    const ctx = await openContext(loadConfig(env as Record<string, string>));
    await addUser(ctx, 'admin@example.test', ['admin']);
    await ctx.db.destroy();
    for (const p of ports) procs.push(await serve(env, p));
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) p.kill();
    await drop?.();
  });

  const at = (i: number, path: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${ports[i]}${path}`, init);

  it('signs in on one and is signed in on the other; a sign-out on either ends it on both', async () => {
    const login = await at(0, '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.test', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await at(1, '/api/v1/auth/me', { headers: { cookie } })).status).toBe(200);
    expect((await at(1, '/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    expect((await at(0, '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await at(1, '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('keeps one unbroken audit chain while both instances write to it at once', async () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      at(i % 2, '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `nobody${i}@example.test`, password: 'wrong wrong wrong' }) }),
    );
    expect((await Promise.all(attempts)).every((r) => r.status === 401)).toBe(true);
    const ctx = await openContext(loadConfig(env as Record<string, string>));
    try {
      const v = await ctx.audit.verify();
      expect(v.brokenAt).toBeNull();
      expect(v.checked).toBeGreaterThanOrEqual(22);
    } finally {
      await ctx.db.destroy();
    }
  });
});
