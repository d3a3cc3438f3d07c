import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from './database.js';
import type { DB } from './schema.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * A consistent copy of a running database: SQLite's VACUUM INTO reads one snapshot while the
 * server keeps writing; for PostgreSQL, pg_dump does the same in its own transaction.
 */
export async function backup(db: Kysely<DB>, dialect: Dialect, databaseUrl: string, out: string): Promise<void> {
  const target = resolve(out);
  if (existsSync(target)) throw new Error(`${out} exists already; choose a new file name`);
  mkdirSync(dirname(target), { recursive: true });
  if (dialect === 'sqlite') {
    await sql`vacuum into ${target}`.execute(db);
    return;
  }
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, databaseUrl], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`pg_dump failed: ${r.error?.message ?? r.stderr.trim().split('\n')[0]}`);
}

/** Restores a backup into an empty database (one without users); refuses to overwrite data. */
export async function restore(db: Kysely<DB>, dialect: Dialect, databaseUrl: string, from: string, isEmpty: () => Promise<boolean>): Promise<void> {
  const source = resolve(from);
  if (!existsSync(source) || !statSync(source).isFile()) throw new Error(`${from} is not a file`);
  if (!(await isEmpty())) throw new Error('the target database already holds data; restore only into an empty database');
  if (dialect === 'sqlite') {
    if (readFileSync(source).subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) throw new Error(`${from} is not a SQLite backup`);
    await db.destroy();
    const file = resolve(databaseUrl.slice('sqlite:'.length));
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    copyFileSync(source, file);
    return;
  }
  // The target was migrated when the command opened it; the dump brings its own schema.
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
  await db.destroy();
  const r = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${databaseUrl}`, source], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`pg_restore failed: ${r.error?.message ?? r.stderr.trim().split('\n')[0]}`);
}
