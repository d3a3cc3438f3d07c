import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';
import * as dayCountsMigration from '../../db/migrations/20261129_0010_contact_day_counts.js';
import { splitRange } from './contact-counts.js';

describe('splitting a range into whole UTC days and the parts at either end', () => {
  it('reads the days between local midnights from the day counts and the hours around them from the contacts', () => {
    // March 2021 in Belgrade: 28 February 23:00 UTC to 31 March 22:00 UTC.
    expect(splitRange('2021-02-28T23:00:00.000Z', '2021-03-31T22:00:00.000Z')).toEqual({
      days: { from: '2021-03-01', to: '2021-03-31' },
      edges: [
        { start: '2021-02-28T23:00:00.000Z', end: '2021-03-01T00:00:00.000Z' },
        { start: '2021-03-31T00:00:00.000Z', end: '2021-03-31T22:00:00.000Z' },
      ],
    });
  });

  it('needs no contacts at all when the range is whole UTC days', () => {
    expect(splitRange('2021-03-01T00:00:00.000Z', '2021-04-01T00:00:00.000Z')).toEqual({ days: { from: '2021-03-01', to: '2021-04-01' }, edges: [] });
  });

  it('counts a range without a whole UTC day in it from the contacts alone', () => {
    expect(splitRange('2021-02-28T18:15:00.000Z', '2021-03-01T18:15:00.000Z')).toEqual({
      days: null,
      edges: [{ start: '2021-02-28T18:15:00.000Z', end: '2021-03-01T18:15:00.000Z' }],
    });
    expect(splitRange('2021-03-01T00:00:00.000Z', '2021-03-01T00:00:00.000Z')).toEqual({ days: null, edges: [] });
  });
});

describeEachDb('contacts per day kept for the statistics', (dialect) => {
  let h: Harness;
  let hotline: Client;
  let coordinator: Client;

  const open = async (env: Record<string, string> = {}) => {
    h = await harness(dialect, env);
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
    await addUser(h.ctx, 'coordinator@example.test', ['coordinator']);
    hotline = await signIn(h.app, 'hotline@example.test');
    coordinator = await signIn(h.app, 'coordinator@example.test');
  };
  afterEach(() => h.close());

  const log = async (receivedAt: string, channel: string, topics: string[]): Promise<string> => {
    const r = await hotline('POST', '/api/v1/contacts', { receivedAt, channel, topics });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { id: string }).id;
  };
  const edit = async (id: string, changes: Record<string, unknown>) => {
    const r = await hotline('PATCH', `/api/v1/contacts/${id}`, changes);
    expect(r.statusCode, r.body).toBe(200);
  };
  /** The coordinator's figures for the contacts of a period, leaving out the kinds with none. */
  const figures = async (from: string, to: string) => {
    const r = await coordinator('GET', `/api/v1/reports/summary?from=${from}&to=${to}`);
    expect(r.statusCode, r.body).toBe(200);
    const { total, byChannel, byTopic } = r.json().contacts as { total: number; byChannel: Record<string, number>; byTopic: Record<string, number> };
    const some = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    return { total, byChannel: some(byChannel), byTopic: some(byTopic) };
  };
  /** The day counts hold exactly what counting the contacts afresh gives. */
  const expectDayCountsAsCounted = async () => {
    const kept = async (table: 'contact_channel_days' | 'contact_topic_days', key: 'channel' | 'topic') =>
      (await sql<{ day: string; k: string; n: number }>`select day, ${sql.ref(key)} as k, n from ${sql.table(table)} where n <> 0 order by 1, 2`.execute(h.ctx.db)).rows.map((r) => ({ ...r, n: Number(r.n) }));
    const counted = async (table: 'contacts' | 'contact_topics', key: 'channel' | 'topic') =>
      (await sql<{ day: string; k: string; n: number }>`select substr(received_at, 1, 10) as day, ${sql.ref(key)} as k, count(*) as n from ${sql.table(table)} group by 1, 2 order by 1, 2`.execute(h.ctx.db)).rows.map((r) => ({ ...r, n: Number(r.n) }));
    expect(await kept('contact_channel_days', 'channel')).toEqual(await counted('contacts', 'channel'));
    expect(await kept('contact_topic_days', 'topic')).toEqual(await counted('contact_topics', 'topic'));
  };

  it('follows contacts logged, moved to another day, channel or topic, and deleted', async () => {
    await open();
    // March 2021 in Belgrade runs from 28 February 23:00 UTC to 31 March 22:00 UTC.
    await log('2021-02-28T22:30:00Z', 'phone', ['other']); // 28 February in Belgrade
    const first = await log('2021-02-28T23:30:00Z', 'email', ['other']); // 1 March in Belgrade
    const middle = await log('2021-03-15T10:00:00Z', 'phone', ['job_offer_check']);
    const last = await log('2021-03-31T21:30:00Z', 'sms', ['job_loss', 'migration']); // 31 March, 23:30
    const april = await log('2021-03-31T22:30:00Z', 'web', ['other']); // 1 April in Belgrade
    expect(await figures('2021-03-01', '2021-03-31')).toEqual({
      total: 3,
      byChannel: { phone: 1, email: 1, sms: 1 },
      byTopic: { other: 1, job_offer_check: 1, job_loss: 1, migration: 1 },
    });
    await expectDayCountsAsCounted();

    await edit(middle, { channel: 'social', topics: ['labour_rights', 'job_offer_check'] });
    await edit(last, { receivedAt: '2021-04-02T10:00:00+02:00' });
    await edit(april, { receivedAt: '2021-03-20T12:00:00Z', topics: ['trafficking_suspicion'] });
    await edit(first, { status: 'done' });
    expect(await figures('2021-03-01', '2021-03-31')).toEqual({
      total: 3,
      byChannel: { email: 1, social: 1, web: 1 },
      byTopic: { other: 1, labour_rights: 1, job_offer_check: 1, trafficking_suspicion: 1 },
    });
    expect(await figures('2021-04-01', '2021-04-30')).toEqual({ total: 1, byChannel: { sms: 1 }, byTopic: { job_loss: 1, migration: 1 } });
    await expectDayCountsAsCounted();

    // Contacts deleted from the database (their topics go with them) leave the figures too.
    await h.ctx.db.deleteFrom('contacts').where('id', 'in', [first, middle]).execute();
    expect(await figures('2021-03-01', '2021-03-31')).toEqual({ total: 1, byChannel: { web: 1 }, byTopic: { trafficking_suspicion: 1 } });
    await h.ctx.db.deleteFrom('contact_topics').where('contact_id', '=', april).execute();
    expect((await figures('2021-03-01', '2021-03-31')).byTopic).toEqual({});
    await expectDayCountsAsCounted();
  });

  it('counts imported contacts once, and nothing for a dry run or rows already stored', async () => {
    await open();
    const file = [
      'receivedAt,channel,topics',
      '2021-05-02T09:00:00Z,phone,job_offer_check;migration',
      '2021-05-02T23:15:00Z,email,other',
      '2021-05-31T22:30:00Z,sms,job_loss',
      '2021-06-01T08:00:00+02:00,phone,job_offer_check',
    ].join('\n');
    const importCsv = (query = '') => hotline('POST', `/api/v1/contacts/imports${query}`, `${file}\n`, { 'content-type': 'text/csv; charset=utf-8' });
    expect((await importCsv('?dryRun=true')).json()).toMatchObject({ created: 4 });
    expect((await figures('2021-05-01', '2021-06-30')).total).toBe(0);
    expect((await importCsv()).json()).toMatchObject({ created: 4, duplicates: 0 });
    expect((await importCsv()).json()).toMatchObject({ created: 0, duplicates: 4 });
    expect(await figures('2021-05-01', '2021-05-31')).toEqual({ total: 2, byChannel: { phone: 1, email: 1 }, byTopic: { job_offer_check: 1, migration: 1, other: 1 } });
    expect(await figures('2021-06-01', '2021-06-30')).toEqual({ total: 2, byChannel: { sms: 1, phone: 1 }, byTopic: { job_loss: 1, job_offer_check: 1 } });
    await expectDayCountsAsCounted();
  });

  it('counts the contacts stored before the day counts existed', async () => {
    await open();
    // Migrations see the database untyped.
    const untyped = h.ctx.db as unknown as Kysely<unknown>;
    await dayCountsMigration.down(untyped);
    await log('2021-03-10T10:00:00Z', 'phone', ['job_offer_check', 'migration']);
    await log('2021-03-10T11:00:00Z', 'phone', ['migration']);
    await log('2021-03-31T22:30:00Z', 'sms', ['other']);
    await dayCountsMigration.up(untyped);
    await expectDayCountsAsCounted();
    expect(await figures('2021-03-01', '2021-03-31')).toEqual({ total: 2, byChannel: { phone: 2 }, byTopic: { job_offer_check: 1, migration: 2 } });
    await log('2021-03-10T12:00:00Z', 'phone', ['other']);
    expect((await figures('2021-03-01', '2021-03-31')).total).toBe(3);
  });

  it('counts whole days of a time zone whose days do not start on a UTC hour', async () => {
    // Nepal is 5:45 ahead of UTC: its March 2021 runs from 28 February 18:15 UTC to 31 March 18:15 UTC.
    await open({ ORG_TIMEZONE: 'Asia/Kathmandu' });
    await log('2021-02-28T18:10:00Z', 'phone', ['other']);
    await log('2021-02-28T18:20:00Z', 'email', ['other']);
    await log('2021-03-12T00:00:00Z', 'web', ['migration']);
    await log('2021-03-31T18:10:00Z', 'sms', ['job_loss']);
    await log('2021-03-31T18:20:00Z', 'social', ['job_loss']);
    expect(await figures('2021-03-01', '2021-03-31')).toEqual({ total: 3, byChannel: { email: 1, web: 1, sms: 1 }, byTopic: { other: 1, migration: 1, job_loss: 1 } });
    expect(await figures('2021-03-01', '2021-03-01')).toEqual({ total: 1, byChannel: { email: 1 }, byTopic: { other: 1 } });
  });
});
