import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

// COUNT(*) and bigint sums come back from PostgreSQL as strings; numbers are what every caller wants.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function openDatabase(databaseUrl: string): Database {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = resolve(databaseUrl.slice('sqlite:'.length));
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const native = new SQLite(file);
    native.pragma('journal_mode = WAL');
    native.pragma('foreign_keys = ON');
    native.pragma('busy_timeout = 5000');
    native.pragma('synchronous = NORMAL');
    const statements = withStatementCache(native);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: statements }) });
    sqliteStatements.set(db, statements);
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

type StatementCache = ReturnType<typeof withStatementCache>;
const sqliteStatements = new WeakMap<Kysely<DB>, StatementCache>();

/**
 * The first row of a read that runs on every request (the session behind a cookie). On SQLite it
 * runs the cached native statement at once, without the query pipeline's asynchronous hops, which
 * cost more than the indexed read itself; elsewhere it goes through Kysely. On SQLite such a read
 * may see the writes of a transaction still open on the connection, so use it only for reads
 * where seeing a change a moment before it commits is harmless.
 */
export async function firstRow<R>(db: Kysely<DB>, text: string, parameters: readonly unknown[]): Promise<R | undefined> {
  const statements = sqliteStatements.get(db);
  if (statements) return statements.prepare(text).get(parameters) as R | undefined;
  const { rows } = await db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
  return rows[0];
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and preparing costs
 * more than running a simple indexed query, so keep the most recent ones by their SQL text.
 */
function withStatementCache(native: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => native.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = native.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema will do
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
