import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { RISKY_OFFER } from './jobcheck-offers.js';
import { addUser, describeEachDb, harness, signIn, type Harness } from './support.js';

// Each test starts the command as a new process: slow on a busy machine, never hanging.
vi.setConfig({ testTimeout: 180_000 });

function cli(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, ...env }, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const OFFER = `${RISKY_OFFER} Apply through the Euro Jobs agency, on WhatsApp only.`;

describeEachDb('labour-justice check', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(dialect, { SOS_PHONE: '+381 64 000 0000' });
    // With an agency register, so the command must consult the same database as the API.
    await addUser(h.ctx, 'coordinator@example.test', ['coordinator']);
    const coordinator = await signIn(h.app, 'coordinator@example.test');
    await coordinator('POST', '/api/v1/agencies/imports', 'name,registrationNumber,licenceNumber\nPosao Plus d.o.o.,21234567,1-2019\n', { 'content-type': 'text/csv' });
  });
  afterAll(() => h.close());

  it('prints with --json exactly what POST /api/v1/job-checks answers', async () => {
    const api = await h.app.inject({ method: 'POST', url: '/api/v1/job-checks', payload: { text: OFFER } });
    const r = cli(['check', '--json'], h.env, OFFER);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(api.json());
    expect(api.json().signals.map((s: { id: string }) => s.id)).toContain('unlicensed_agency');
    const inUrdu = await h.app.inject({ method: 'POST', url: '/api/v1/job-checks', payload: { text: OFFER, lang: 'ur' } });
    expect(JSON.parse(cli(['check', '--json', '--lang', 'ur'], h.env, OFFER).out)).toEqual(inUrdu.json());
  });

  it('prints the check as text in the language asked for', () => {
    const r = cli(['check', '--lang', 'sr-Latn'], h.env, RISKY_OFFER);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Rezultat provere: Visok rizik\n/);
    expect(r.out).toContain('Reči iz ponude: “Pay the agent 900 EUR”');
    expect(r.out).toContain('+381 64 000 0000');
  });

  it('exits non-zero with one line for empty input, an unknown language or an offer over 20,000 characters', () => {
    for (const [args, input, message] of [
      [['check'], ' \n', /standard input is empty/],
      [['check', '--lang', 'de'], RISKY_OFFER, /--lang/],
      [['check'], 'x'.repeat(20_001), /text must be at most 20,000 characters/],
    ] as const) {
      const r = cli([...args], h.env, input);
      expect(r.code).not.toBe(0);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });
});
