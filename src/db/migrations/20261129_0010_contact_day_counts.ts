import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

// Contacts per UTC day and channel, and per UTC day and topic, kept by the database itself: the
// statistics count a year from 365 rows per channel and topic instead of a million index entries.
// Triggers keep them in the same transaction as every write to contacts and contact_topics
// (inserts, imports, edits that move a contact to another day, channel or topic, deletions), so
// no code path can forget them. A period's days in ORG_TIMEZONE rarely start at midnight UTC: the
// parts of a UTC day at either end of a period are counted from the contacts (see contact-counts.ts).
const COUNTED = [
  { table: 'contact_channel_days', source: 'contacts', key: 'channel' },
  { table: 'contact_topic_days', source: 'contact_topics', key: 'topic' },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  for (const { table, source, key } of COUNTED) {
    await db.schema
      .createTable(table)
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn(key, 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['day', key])
      .execute();
    const [t, s, k] = [sql.table(table), sql.table(source), sql.ref(key)];
    // Counts of the rows already stored, then triggers for every later write.
    await sql`insert into ${t} (day, ${k}, n) select substr(received_at, 1, 10), ${k}, count(*) from ${s} group by substr(received_at, 1, 10), ${k}`.execute(db);
    if (postgres) await postgresTriggers(db, table, source, key);
    else await sqliteTriggers(db, table, source, key);
  }

  // The victims' figures read these columns only: the index answers them without the case files.
  await db.schema
    .createIndex('cases_identified_counts')
    .on('cases')
    .columns(['status', 'identified_on', 'sex', 'child', 'citizenship', 'exploitation_types', 'sector'])
    .execute();
}

/** SQLite: row triggers, each adding or taking one from its day's count. */
async function sqliteTriggers(db: Kysely<unknown>, table: string, source: string, key: string): Promise<void> {
  const add = (row: 'new' | 'old', d: 1 | -1) =>
    `insert into ${table} (day, ${key}, n) values (substr(${row}.received_at, 1, 10), ${row}.${key}, ${d}) on conflict (day, ${key}) do update set n = n + excluded.n;`;
  await sql.raw(`create trigger ${table}_insert after insert on ${source} begin ${add('new', 1)} end`).execute(db);
  await sql.raw(`create trigger ${table}_delete after delete on ${source} begin ${add('old', -1)} end`).execute(db);
  await sql
    .raw(
      `create trigger ${table}_update after update of received_at, ${key} on ${source}
       when substr(old.received_at, 1, 10) is not substr(new.received_at, 1, 10) or old.${key} is not new.${key}
       begin ${add('old', -1)} ${add('new', 1)} end`,
    )
    .execute(db);
}

/**
 * PostgreSQL: statement triggers over the transition tables, so an import of thousands of rows
 * makes one grouped upsert. Writers of the same day and channel (or topic) wait for each other's
 * commit; each statement takes its rows in key order, so two writers do not lock them crosswise.
 * An update that moves no contact to another day, channel or topic nets to nothing and writes nothing.
 */
async function postgresTriggers(db: Kysely<unknown>, table: string, source: string, key: string): Promise<void> {
  const grouped = (rows: string, sign: '' | '-') => `select substr(received_at, 1, 10) as day, ${key}, ${sign}count(*) as n from ${rows} group by 1, 2`;
  const upsert = (deltas: string) =>
    `insert into ${table} as t (day, ${key}, n) select day, ${key}, sum(n) from (${deltas}) d group by day, ${key} having sum(n) <> 0 order by day, ${key}
     on conflict (day, ${key}) do update set n = t.n + excluded.n;`;
  await sql
    .raw(
      `create function ${table}_count() returns trigger language plpgsql as $$
       begin
         if tg_op = 'INSERT' then ${upsert(grouped('new_rows', ''))}
         elsif tg_op = 'DELETE' then ${upsert(grouped('old_rows', '-'))}
         elsif tg_op = 'UPDATE' then ${upsert(`${grouped('new_rows', '')} union all ${grouped('old_rows', '-')}`)}
         else delete from ${table};
         end if;
         return null;
       end $$`,
    )
    .execute(db);
  const fn = `for each statement execute function ${table}_count()`;
  await sql.raw(`create trigger ${table}_insert after insert on ${source} referencing new table as new_rows ${fn}`).execute(db);
  await sql.raw(`create trigger ${table}_delete after delete on ${source} referencing old table as old_rows ${fn}`).execute(db);
  await sql.raw(`create trigger ${table}_update after update on ${source} referencing old table as old_rows new table as new_rows ${fn}`).execute(db);
  await sql.raw(`create trigger ${table}_truncate after truncate on ${source} ${fn}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema.dropIndex('cases_identified_counts').execute();
  for (const { table, source } of COUNTED) {
    for (const op of ['insert', 'delete', 'update', ...(postgres ? ['truncate'] : [])]) await sql.raw(`drop trigger ${table}_${op}${postgres ? ` on ${source}` : ''}`).execute(db);
    if (postgres) await sql.raw(`drop function ${table}_count()`).execute(db);
    await db.schema.dropTable(table).execute();
  }
}
