import { afterEach, beforeEach, expect, it } from 'vitest';
import { addDays, localDate } from '../../platform/time.js';
import { addUser, describeEachDb, harness, signIn, type Harness } from '../../../test/support.js';
import { loadDemoContacts } from './contacts.demo.js';

describeEachDb('demo contacts', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'operator@example.test', ['hotline']);
  });
  afterEach(() => h.close());

  it('fill two years with about a quarter of job-offer checks, repeat callers and a waiting queue', async () => {
    const created = await loadDemoContacts(h.ctx);
    const hotline = await signIn(h.app, 'operator@example.test');
    const today = localDate(Date.now(), 'Europe/Belgrade');
    const stats = (await hotline('GET', `/api/v1/contacts/stats?from=${addDays(today, -730)}&to=${today}`)).json();
    expect(stats.total).toBe(created);
    expect(stats.byTopic.job_offer_check / stats.total).toBeGreaterThan(0.2);
    expect(stats.byTopic.job_offer_check / stats.total).toBeLessThan(0.35);
    expect(stats.byChannel.phone).toBeGreaterThan(stats.byChannel.email);

    const queue = (await hotline('GET', '/api/v1/contacts?status=new&status=assigned&limit=200')).json().items;
    expect(queue.length).toBeGreaterThan(0);
    const repeat = (await hotline('GET', `/api/v1/contacts?phone=${encodeURIComponent('+381607000000')}`)).json().items;
    expect(repeat.length).toBeGreaterThan(1);
    const latest = (await hotline('GET', `/api/v1/contacts/${repeat[0].id}`)).json();
    expect(latest.earlierContacts.count).toBe(repeat.length - 1);
  });
});
