import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, median, rssMb, startProcess, type BenchRow } from '../lib.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const PASSWORD = 'xylophone orchard 2026';

async function requestsPerSecond(url: string, headers: Record<string, string> = {}, duration = SECONDS): Promise<number> {
  const r = await autocannon({ url, connections: 10, duration, headers });
  if (r.non2xx > 0) throw new Error(`${url} answered ${r.non2xx} non-2xx responses`);
  return r.requests.average;
}

/** An authenticated API GET against a bare Fastify route, and the server's memory at idle and after that load. */
export async function httpSuite(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lj-bench-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, DATA_KEY_FILE: join(dir, 'data.key'), MFA_REQUIRED: 'false', LOG_LEVEL: 'warn' };
  // The server runs as users run it: the compiled build (`npm run bench` builds first).
  const cli = 'bin/labour-justice.js';
  const { spawnSync } = await import('node:child_process');
  const add = spawnSync(process.execPath, [cli, 'user', 'add', '--email', 'bench@example.test', '--name', 'Bench', '--role', 'hotline', '--password-stdin'], { env, input: PASSWORD });
  if (add.status !== 0) throw new Error(`user add failed: ${add.stderr}`);

  const basePort = await freePort();
  const base = await startProcess(['--import', 'tsx', 'bench/hello-server.ts'], { ...env, PORT: String(basePort) }, `http://127.0.0.1:${basePort}/hello`);
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const app = await startProcess([cli, 'serve', '--port', String(appPort)], env, `${appUrl}/healthz`);
  try {
    const login = await fetch(`${appUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.test', password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMb(app.pid!);
    // Warm both up first so the JIT has compiled the hot paths before anything is measured.
    await requestsPerSecond(`http://127.0.0.1:${basePort}/hello`, {}, 1);
    await requestsPerSecond(`${appUrl}/api/v1/auth/me`, { cookie }, 1);
    const hello: number[] = [];
    const me: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      hello.push(await requestsPerSecond(`http://127.0.0.1:${basePort}/hello`));
      me.push(await requestsPerSecond(`${appUrl}/api/v1/auth/me`, { cookie }));
    }
    const loaded = rssMb(app.pid!);
    const ratio = median(me) / median(hello);
    return [
      { name: 'authenticated GET /api/v1/auth/me', value: `${median(me).toFixed(0)} req/s`, baseline: `${median(hello).toFixed(0)} req/s bare Fastify`, result: `${(ratio * 100).toFixed(0)}%`, target: '>= 50%', ok: ratio >= 0.5 },
      { name: 'server resident memory, idle', value: `${idle.toFixed(0)} MB`, baseline: '-', result: `${idle.toFixed(0)} MB`, target: '< 250 MB', ok: idle < 250 },
      { name: 'server resident memory, after load', value: `${loaded.toFixed(0)} MB`, baseline: `${idle.toFixed(0)} MB idle`, result: `${loaded.toFixed(0)} MB`, target: '< 250 MB', ok: loaded < 250 },
    ];
  } finally {
    base.kill();
    app.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
