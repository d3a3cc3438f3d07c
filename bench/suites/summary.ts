import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openContext } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import type { CasesTable } from '../../src/db/schema.js';
import { CHANNELS, TOPICS } from '../../src/modules/helpline/contacts.schemas.js';
import { ContactsService } from '../../src/modules/helpline/contacts.service.js';
import { newId } from '../../src/platform/ids.js';
import { narrative } from '../../src/modules/reports/narrative.js';
import { ReportsService } from '../../src/modules/reports/reports.service.js';
import { median, type BenchRow } from '../lib.js';

const CONTACTS = 1_000_000;
const CASES = 100_000;
// Rows per transaction; the helpline's insertRows writes them 500 to an INSERT.
const BATCH = 50_000;
const RUNS = 7;
const TARGET_MS = 300;
// Contacts spread over two years and the summary of the second: every contact is counted, half
// in the period and half in the same period a year earlier.
const CONTACTS_FROM = Date.parse('2020-01-01T00:00:00Z');
const CONTACTS_TO = Date.parse('2022-01-01T00:00:00Z');
const PERIOD = { from: '2021-01-01', to: '2021-12-31' };

const CITIZENSHIPS = ['RS', 'RS', 'RS', 'IN', 'IN', 'NP', 'BD', 'PK', 'TR', 'CN', 'VN', 'AL', 'PH'];
const SECTORS = ['construction', 'construction', 'agriculture', 'manufacturing', 'hospitality', 'care', 'domestic_work', null];
const TYPES = [['labour'], ['labour'], ['labour'], ['sexual'], ['labour', 'sexual'], ['forced_begging'], ['domestic_servitude']];
const STATUSES = ['identified', 'identified', 'identified', 'potential', 'presumed', 'closed'];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

async function loadContacts(ctx: AppContext): Promise<void> {
  const contacts = new ContactsService(ctx);
  const at = new Date().toISOString();
  for (let b = 0; b < CONTACTS; b += BATCH) {
    const rows: ReturnType<ContactsService['rowOf']>[] = [];
    for (let i = b; i < b + BATCH; i++) {
      const receivedAt = new Date(CONTACTS_FROM + Math.floor(((CONTACTS_TO - CONTACTS_FROM) * i) / CONTACTS)).toISOString();
      const topics = i % 3 === 0 ? [pick(TOPICS, i), pick(TOPICS, i + 3)] : [pick(TOPICS, i * 7)];
      rows.push(contacts.rowOf({ receivedAt, channel: pick(CHANNELS, i * 5), topics }, { id: newId(), reference: null, status: 'done', assigneeId: null, source: 'import', createdBy: null, at }));
    }
    await ctx.db.transaction().execute((trx) => contacts.insertRows(rows, trx));
  }
}

async function loadCases(ctx: AppContext): Promise<void> {
  const at = new Date().toISOString();
  const day = (i: number) => new Date(Date.parse('2017-01-01T00:00:00Z') + (i % 1826) * 86_400_000).toISOString().slice(0, 10);
  for (let b = 0; b < CASES; b += 1000) {
    const rows: CasesTable[] = [];
    for (let i = b; i < b + 1000; i++) {
      const status = pick(STATUSES, i * 11);
      const age = 14 + ((i * 13) % 50);
      rows.push({
        id: newId(), reference: `B-${i}`, status, identified_on: status === 'identified' || status === 'closed' ? day(i * 7) : null,
        opened_on: day(i * 7), closed_on: status === 'closed' ? day(i * 7) : null, sex: i % 9 === 0 ? 'female' : 'male', age, child: age < 18 ? 1 : 0,
        citizenship: pick(CITIZENSHIPS, i * 3), languages: '[]', exploitation_types: JSON.stringify(pick(TYPES, i)), sector: pick(SECTORS, i * 5),
        country_of_recruitment: null, place_of_recruitment: null, country_of_exploitation: 'RS', place_of_exploitation: null, recruitment_method: null,
        recruiter_relation: null, means_of_control: '[]', referred_by: null, contact_id: null, name: null, date_of_birth: null, contact: null,
        document_numbers: null, notes: null, identity_erased_at: null, created_by: null, created_at: at, updated_at: at,
      });
    }
    await ctx.db.transaction().execute((trx) => trx.insertInto('cases').values(rows).execute());
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function measure(ctx: AppContext, engine: string): Promise<BenchRow> {
  const reports = new ReportsService(ctx);
  const summary = async () => narrative(await reports.summary(PERIOD), 'en');
  const countAll = () => sql`select count(*) as n from contacts`.execute(ctx.db);
  // Two warm-up rounds each: the first reads pages from disk, prepares statements and compiles.
  for (let i = 0; i < 2; i++) {
    await countAll();
    await summary();
  }
  const base: number[] = [];
  const took: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(await timed(countAll));
    took.push(await timed(summary));
  }
  const ms = median(took);
  const baseline = median(base);
  return {
    name: `summary of a year, ${CONTACTS.toLocaleString('en')} contacts and ${CASES.toLocaleString('en')} cases (${engine})`,
    value: `${ms.toFixed(0)} ms`,
    baseline: `${baseline.toFixed(0)} ms select count(*) from contacts`,
    result: `${(ms / baseline).toFixed(1)}x the count`,
    target: `< ${TARGET_MS} ms`,
    ok: ms < TARGET_MS,
  };
}

async function onDatabase(databaseUrl: string, dir: string, engine: string): Promise<BenchRow> {
  const ctx = await openContext(loadConfig({ DATABASE_URL: databaseUrl, DATA_KEY_FILE: join(dir, 'data.key'), LOG_LEVEL: 'silent', MFA_REQUIRED: 'false' }));
  try {
    console.error(`  loading ${engine}…`);
    await loadContacts(ctx);
    await loadCases(ctx);
    // What autovacuum does after a bulk load: planner statistics, and the visibility map that lets
    // counts read the indexes alone.
    if (engine === 'PostgreSQL') await sql`vacuum analyze`.execute(ctx.db);
    return await measure(ctx, engine);
  } finally {
    await ctx.db.destroy();
  }
}

/** GET /api/v1/reports/summary's work (figures and narrative) against a plain count of the contacts table. */
export async function summarySuite(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lj-bench-summary-'));
  const rows: BenchRow[] = [];
  try {
    rows.push(await onDatabase(`sqlite:${join(dir, 'bench.db')}`, dir, 'SQLite'));
    const base = process.env.TEST_DATABASE_URL;
    if (base) {
      const name = `lj_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      try {
        rows.push(await onDatabase(url.toString(), dir, 'PostgreSQL'));
      } finally {
        // The pool's connections close after destroy() resolves; let them go before dropping.
        for (let wait = 0; wait < 100; wait++) {
          if ((await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows[0]!.n === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
