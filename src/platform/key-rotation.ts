import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { encryptedColumns } from './crypto.js';

/**
 * Adds a key version, then re-encrypts every registered encrypted column row by row. Old key
 * versions stay in the key file so a backup taken before the rotation can still be read.
 */
export async function rotateKeys(ctx: Pick<AppContext, 'db' | 'cipher' | 'audit'>): Promise<{ version: number; values: number; tables: number }> {
  const version = ctx.cipher.addKeyVersion();
  let values = 0;
  const tables = encryptedColumns();
  for (const { table, key, columns } of tables) {
    const rows = await sql<Record<string, string | null>>`select ${sql.ref(key)} as k, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}`.execute(ctx.db);
    for (const row of rows.rows) {
      const changes: Record<string, string> = {};
      for (const c of columns) {
        const v = row[c];
        if (v && ctx.cipher.versionOf(v) !== version) changes[c] = ctx.cipher.encrypt(ctx.cipher.decrypt(v));
      }
      if (Object.keys(changes).length === 0) continue;
      await sql`update ${sql.table(table)} set ${sql.join(Object.entries(changes).map(([c, v]) => sql`${sql.ref(c)} = ${v}`))} where ${sql.ref(key)} = ${row.k}`.execute(ctx.db);
      values += Object.keys(changes).length;
    }
  }
  await ctx.audit.record({ actorId: null, action: 'keys.rotated', details: { version, values } });
  return { version, values, tables: tables.length };
}
