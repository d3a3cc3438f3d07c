import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';
import { contactStats } from './contacts-stats.js';
import { ContactsService } from './contacts.service.js';

describe('contactStats', () => {
  it('counts each contact on its Belgrade day, once per channel and once under each of its topics', () => {
    const s = contactStats(
      [
        { minute: '2021-02-01T10:00', key: 'phone', n: 2 },
        { minute: '2021-02-01T23:10', key: 'email', n: 1 },
      ],
      [
        { minute: '2021-02-01T10:00', key: 'job_offer_check', n: 2 },
        { minute: '2021-02-01T10:00', key: 'migration', n: 1 },
        { minute: '2021-02-01T23:10', key: 'other', n: 1 },
      ],
      '2021-02-01',
      '2021-02-02',
      'Europe/Belgrade',
    );
    expect(s.total).toBe(3);
    expect(s.byTopic).toMatchObject({ job_offer_check: 2, migration: 1, other: 1, job_loss: 0 });
    expect(s.byChannel).toMatchObject({ phone: 2, email: 1, sms: 0 });
    expect(s.days.map((d) => [d.date, d.total])).toEqual([
      ['2021-02-01', 2],
      ['2021-02-02', 1],
    ]);
  });

  it('groups days into ISO weeks and lists empty days and weeks with zeros', () => {
    const s = contactStats([{ minute: '2021-01-10T12:00', key: 'sms', n: 4 }], [{ minute: '2021-01-10T12:00', key: 'job_loss', n: 4 }], '2020-12-30', '2021-01-12', 'Europe/Belgrade');
    expect(s.days).toHaveLength(14);
    expect(s.weeks.map((w) => [w.week, w.start, w.total])).toEqual([
      ['2020-W53', '2020-12-28', 0],
      ['2021-W01', '2021-01-04', 4],
      ['2021-W02', '2021-01-11', 0],
    ]);
    expect(s.weeks[1]!.byTopic.job_loss).toBe(4);
  });

  it('leaves out contacts outside the period', () => {
    const s = contactStats([{ minute: '2021-01-31T22:59', key: 'phone', n: 1 }], [], '2021-02-01', '2021-02-01', 'Europe/Belgrade');
    expect(s.total).toBe(0);
  });
});

describeEachDb('the operators dashboard', (dialect) => {
  let h: Harness;
  let hotline: Client;

  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
    await addUser(h.ctx, 'campaign@example.test', ['campaign']);
    hotline = await signIn(h.app, 'hotline@example.test');
  });
  afterEach(() => h.close());

  it('shows contacts per day and per week by topic and channel', async () => {
    const log = (receivedAt: string, channel: string, topics: string[]) => hotline('POST', '/api/v1/contacts', { receivedAt, channel, topics });
    await log('2021-02-01T10:00:00Z', 'phone', ['job_offer_check']);
    await log('2021-02-01T10:00:30Z', 'phone', ['job_offer_check', 'migration']);
    // 23:30 UTC on Sunday 7 February is Monday 8 February in Belgrade: the next week.
    await log('2021-02-07T23:30:00Z', 'email', ['other']);
    await log('2021-03-01T10:00:00Z', 'sms', ['other']);
    const r = await hotline('GET', '/api/v1/contacts/stats?from=2021-02-01&to=2021-02-14');
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(s.period).toEqual({ from: '2021-02-01', to: '2021-02-14' });
    expect(s.total).toBe(3);
    expect(s.byTopic).toMatchObject({ job_offer_check: 2, migration: 1, other: 1 });
    expect(s.byChannel).toMatchObject({ phone: 2, email: 1, sms: 0 });
    expect(s.days).toHaveLength(14);
    expect(s.days[0]).toMatchObject({ date: '2021-02-01', total: 2 });
    expect(s.days[7]).toMatchObject({ date: '2021-02-08', total: 1, byChannel: expect.objectContaining({ email: 1 }) });
    expect(s.weeks.map((w: { week: string; total: number }) => [w.week, w.total])).toEqual([
      ['2021-W05', 2],
      ['2021-W06', 1],
    ]);
  });

  it('gives the statistics module its period counts, from the indexes, in Belgrade days', async () => {
    const contacts = new ContactsService(h.ctx);
    await hotline('POST', '/api/v1/contacts', { receivedAt: '2021-01-31T23:30:00Z', channel: 'phone', topics: ['job_offer_check', 'migration'] });
    await hotline('POST', '/api/v1/contacts', { receivedAt: '2021-02-28T22:59:00Z', channel: 'web', topics: ['other'] });
    await hotline('POST', '/api/v1/contacts', { receivedAt: '2021-02-28T23:00:00Z', channel: 'web', topics: ['other'] });
    expect(await contacts.countBetween('2021-02-01', '2021-02-28')).toBe(2);
    const counts = await contacts.countsBetween('2021-02-01', '2021-02-28');
    expect(counts.total).toBe(2);
    expect(counts.byTopic).toMatchObject({ job_offer_check: 1, migration: 1, other: 1, job_loss: 0 });
    expect(counts.byChannel).toMatchObject({ phone: 1, web: 1, email: 0 });
  });

  it('refuses a period that ends before it starts, and the campaign role', async () => {
    const bad = await hotline('GET', '/api/v1/contacts/stats?from=2021-02-10&to=2021-02-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('to');
    expect((await hotline('GET', '/api/v1/contacts/stats')).statusCode).toBe(400);
    const campaign = await signIn(h.app, 'campaign@example.test');
    expect((await campaign('GET', '/api/v1/contacts/stats?from=2021-02-01&to=2021-02-14')).statusCode).toBe(403);
  });
});
