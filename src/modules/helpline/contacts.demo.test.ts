import { afterEach, beforeEach, expect, it } from 'vitest';
import { addDays, localDate } from '../../platform/time.js';
import { addUser, describeEachDb, harness, signIn, type Harness } from '../../../test/support.js';
import { loadDemoData } from '../demo/demo-data.js';
import { loadDemoContacts } from './contacts.demo.js';

describeEachDb('demo contacts', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness(dialect);
  });
  afterEach(() => h.close());

  it('fill two years with about a quarter of job-offer checks, repeat callers and a waiting queue', async () => {
    await addUser(h.ctx, 'operator@example.test', ['hotline']);
    const created = await loadDemoContacts(h.ctx);
    const hotline = await signIn(h.app, 'operator@example.test');
    const today = localDate(Date.now(), 'Europe/Belgrade');
    // The two years back from today, and the season of the demo campaign in 2020–2021.
    expect((await hotline('GET', `/api/v1/contacts/stats?from=2020-06-01&to=${today}`)).json().total).toBe(created);
    const stats = (await hotline('GET', `/api/v1/contacts/stats?from=${addDays(today, -730)}&to=${today}`)).json();
    expect(stats.total).toBeGreaterThanOrEqual(420);
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

  it("show the demo campaign's effect on the helpline: more callers named it while it ran than before", async () => {
    await loadDemoData(h.ctx);
    await addUser(h.ctx, 'campaign@example.test', ['campaign']);
    const campaign = await signIn(h.app, 'campaign@example.test');
    const demo = (await campaign('GET', '/api/v1/campaigns')).json().items.find((c: { slug: string }) => c.slug === 'labour-rights-now');
    const { impact } = (await campaign('GET', `/api/v1/campaigns/${demo.id}/report`)).json();
    expect(impact.before).toMatchObject({ from: '2020-06-13', to: '2020-09-13', ongoing: false });
    expect(impact.before.contacts).toBeGreaterThan(0);
    expect(impact.during.contacts).toBeGreaterThan(impact.before.contacts * 3);
    expect(impact.after.contacts).toBeGreaterThan(impact.before.contacts);
    expect(impact.after.contacts).toBeLessThan(impact.during.contacts);
  });
});
