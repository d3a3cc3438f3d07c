import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { describe } from 'vitest';
import { buildApp, openContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import type { Dialect } from '../src/db/database.js';
import { UsersService } from '../src/modules/users/users.service.js';
import type { Role } from '../src/platform/roles.js';

export const PASSWORD = 'correct horse battery staple 42';
const pgBase = process.env.TEST_DATABASE_URL;

/**
 * Runs a suite on a real SQLite file and on a real PostgreSQL database. Without TEST_DATABASE_URL
 * the PostgreSQL run is skipped with a message, unless REQUIRE_POSTGRES=1 (as in CI) makes it fail.
 */
export function describeEachDb(name: string, fn: (dialect: Dialect) => void): void {
  describe(`${name} [sqlite]`, () => fn('sqlite'));
  if (pgBase) describe(`${name} [postgres]`, () => fn('postgres'));
  else if (process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');
  else describe.skip(`${name} [postgres] (skipped: set TEST_DATABASE_URL=postgres://… to run)`, () => fn('postgres'));
}

export interface Harness {
  ctx: AppContext;
  app: FastifyInstance;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A scratch database of the dialect, migrated, with the app built over it. */
export async function scratchDatabase(dialect: Dialect): Promise<{ url: string; dir: string; drop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lj-test-'));
  if (dialect === 'sqlite') return { url: `sqlite:${join(dir, 'test.db')}`, dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  const name = `lj_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgBase!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dir,
    drop: async () => {
      const c = new pg.Client({ connectionString: pgBase });
      await c.connect();
      // pg's pool.end() resolves before its connections have closed; forcing the drop while they
      // close kills them mid-goodbye, an uncaught error in whichever test runs next.
      for (let wait = 0; wait < 100; wait++) {
        const open = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (open.rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function harness(dialect: Dialect, extraEnv: Record<string, string> = {}, now?: () => number): Promise<Harness> {
  const scratch = await scratchDatabase(dialect);
  const env = { DATABASE_URL: scratch.url, DATA_KEY_FILE: join(scratch.dir, 'data.key'), MFA_REQUIRED: 'false', LOG_LEVEL: 'silent', ...extraEnv };
  const ctx = await openContext(loadConfig(env), now);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    ctx,
    app,
    env,
    close: async () => {
      await app.close();
      await ctx.db.destroy();
      await scratch.drop();
    },
  };
}

export async function addUser(ctx: AppContext, email: string, roles: Role[], password = PASSWORD) {
  return (await new UsersService(ctx).create({ email, name: email.split('@')[0], roles }, null, password)).user;
}

export interface Client {
  (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
}

/** A new user `<role>@example.test` with that one role, signed in; for roles that need no second factor. */
export async function signedInAs(h: Pick<Harness, 'ctx' | 'app'>, role: Exclude<Role, 'admin' | 'caseworker'>): Promise<Client> {
  await addUser(h.ctx, `${role}@example.test`, [role]);
  return signIn(h.app, `${role}@example.test`);
}

/** Signs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function signIn(app: FastifyInstance, email: string, password = PASSWORD, totp?: string): Promise<Client> {
  const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...(totp ? { totp } : {}) } });
  if (r.statusCode !== 200) throw new Error(`sign-in as ${email} answered ${r.statusCode}: ${r.body}`);
  const cookie = r.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = r.json().csrfToken as string;
  const client = ((method, url, body, headers = {}) =>
    app.inject({ method, url, headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers }, ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }) })) as Client;
  client.cookie = cookie;
  client.csrf = csrf;
  return client;
}
