import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openContext } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Dialect } from '../src/db/database.js';
import { describeEachDb, PASSWORD, scratchDatabase } from './support.js';

// Each test starts the command several times as a new process: slow on a busy machine, never hanging.
vi.setConfig({ testTimeout: 180_000 });

function cli(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, ...env }, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describeEachDb('the labour-justice command', (dialect: Dialect) => {
  let env: Record<string, string>;
  let dir: string;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const s = await scratchDatabase(dialect);
    dir = s.dir;
    drop = s.drop;
    env = { DATABASE_URL: s.url, DATA_KEY_FILE: join(s.dir, 'data.key'), MFA_REQUIRED: 'false' };
  });
  afterEach(() => drop());

  it('adds a user from a password on standard input, and refuses a second with the same e-mail in one line', () => {
    expect(cli(['user', 'add', '--email', 'a@example.test', '--name', 'A', '--role', 'admin', '--role', 'hotline', '--password-stdin'], env, `${PASSWORD}\n`).code).toBe(0);
    const again = cli(['user', 'add', '--email', 'a@example.test', '--name', 'A', '--role', 'admin', '--password-stdin'], env, `${PASSWORD}\n`);
    expect(again.code).not.toBe(0);
    expect(again.err.trim().split('\n')).toHaveLength(1);
    expect(again.err).toMatch(/already exists/);
  });

  it('prints a one-time password when none is given', () => {
    const r = cli(['user', 'add', '--email', 'b@example.test', '--name', 'B', '--role', 'campaign'], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/One-time password.*: [a-z0-9]{5}-/);
  });

  it('exits non-zero with one line for an unknown role or a bad setting', () => {
    const role = cli(['user', 'add', '--email', 'c@example.test', '--name', 'C', '--role', 'king'], env);
    expect(role.code).not.toBe(0);
    expect(role.err.trim().split('\n')).toHaveLength(1);
    const tz = cli(['migrate'], { ...env, ORG_TIMEZONE: 'Mars/Olympus' });
    expect(tz.code).not.toBe(0);
    expect(tz.err).toMatch(/ORG_TIMEZONE/);
  });

  it('fails audit verify naming the entry altered in the database', async () => {
    cli(['user', 'add', '--email', 'd@example.test', '--name', 'D', '--role', 'admin', '--password-stdin'], env, PASSWORD);
    cli(['user', 'add', '--email', 'e@example.test', '--name', 'E', '--role', 'hotline', '--password-stdin'], env, PASSWORD);
    expect(cli(['audit', 'verify'], env).code).toBe(0);
    const ctx = await openContext(loadConfig(env));
    await sql`update audit_events set action = 'user.deleted' where seq = 1`.execute(ctx.db);
    await ctx.db.destroy();
    const r = cli(['audit', 'verify'], env);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/entry 1/);
  });

  it('loads demo data once and refuses a database that has data', () => {
    const first = cli(['demo-data'], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/one-time password/);
    expect(cli(['demo-data'], env).code).not.toBe(0);
  });

  it('backs up and restores into an empty database, and rotates keys keeping encrypted fields readable', async () => {
    cli(['user', 'add', '--email', 'f@example.test', '--name', 'F', '--role', 'admin', '--password-stdin'], env, PASSWORD);
    const ctx = await openContext(loadConfig(env));
    const secret = ctx.cipher.encrypt('JBSWY3DPEHPK3PXP');
    await ctx.db.updateTable('users').set({ totp_secret: secret }).execute();
    // An image of a campaign page lives in the database, so the backup carries its bytes.
    const image = Buffer.from([0x52, 0x49, 0x46, 0x46, 0x00, 0xff, 0x00, 0x80, 0x57, 0x45, 0x42, 0x50]);
    const at = new Date().toISOString();
    await ctx.db.insertInto('campaigns').values({ id: 'c1', name: 'C', slug: 'c', starts_on: '2024-01-01', ends_on: '2024-02-01', languages: '["en"]', goals: '[]', audiences: '[]', created_by: null, created_at: at, updated_at: at }).execute();
    await ctx.db.insertInto('campaign_images').values({ id: 'i1', campaign_id: 'c1', name: `${'0'.repeat(32)}.webp`, width: 1, height: 1, bytes: image.length, data: image, alt: null, created_by: null, created_at: at }).execute();
    await ctx.db.destroy();
    const out = join(dir, 'backup.bin');
    expect(cli(['backup', '--out', out], env).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const target = await scratchDatabase(dialect);
    try {
      const env2 = { ...env, DATABASE_URL: target.url };
      const restored = cli(['restore', '--from', out], env2);
      expect(restored.err).toBe('');
      expect(restored.code).toBe(0);
      expect(cli(['restore', '--from', out], env2).code).not.toBe(0);
      const rotated = cli(['keys', 'rotate'], env2);
      expect(rotated.out).toMatch(/key version 2; re-encrypted 1 values/);
      const ctx2 = await openContext(loadConfig(env2));
      const row = await ctx2.db.selectFrom('users').select('totp_secret').executeTakeFirstOrThrow();
      expect(row.totp_secret).toMatch(/^v2\./);
      expect(ctx2.cipher.decrypt(row.totp_secret!)).toBe('JBSWY3DPEHPK3PXP');
      const restoredImage = await ctx2.db.selectFrom('campaign_images').select('data').executeTakeFirstOrThrow();
      expect(Buffer.from(restoredImage.data).equals(image)).toBe(true);
      await ctx2.db.destroy();
    } finally {
      await target.drop();
    }
  });
});
