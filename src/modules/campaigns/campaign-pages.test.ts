import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';
import { PageVisits } from './page-visits.js';

const PHONE = 'Mozilla/5.0 (Android) Chrome/120';
const OTHER_PHONE = 'Mozilla/5.0 (Linux; Android 9; CUBOT_P30 Build/PPR1.180610.011) AppleWebKit/537.36 Chrome/118 Mobile Safari/537.36';

describeEachDb('public campaign pages and their visit counts', (dialect) => {
  let h: Harness;
  let campaign: Client;
  let id: string;

  const visit = (url: string, userAgent = PHONE, remoteAddress = '203.0.113.7', headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'GET', url, remoteAddress, headers: { 'user-agent': userAgent, ...headers } });
  const report = async () => (await campaign('GET', `/api/v1/campaigns/${id}/report`)).json();

  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'campaign@example.test', ['campaign']);
    campaign = await signIn(h.app, 'campaign@example.test');
    id = (await campaign('POST', '/api/v1/campaigns', { name: 'Labour Rights – Now!', slug: 'labour-rights-now', startsOn: '2020-09-01', endsOn: '2020-12-15', languages: ['sr-Latn', 'en'] })).json().id;
    await campaign('PUT', `/api/v1/campaigns/${id}/pages/en`, { title: 'Labour rights – now!', body: '# What you can do\n\nCall the **SOS line**. <script>alert(1)</script>\n\n[Our rights](/en/)' });
  });
  afterEach(() => h.close());

  it('serves the page in the public layout with its Markdown rendered and raw HTML shown as text', async () => {
    const r = await visit('/en/campaigns/labour-rights-now');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.body).toContain('<html lang="en-GB" dir="ltr">');
    expect(r.body).toContain('<h1>Labour rights – now!</h1>');
    expect(r.body).toContain('<h2>What you can do</h2>');
    expect(r.body).toContain('<strong>SOS line</strong>');
    expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.body).not.toContain('<script>');
    expect(r.body).toContain('<a href="/sr-Latn/campaigns/labour-rights-now"');
  });

  it('links the languages the page exists in, and gives the public 404 page in the others', async () => {
    await campaign('PUT', `/api/v1/campaigns/${id}/pages/sr-Latn`, { title: 'Radna prava – sada!', body: 'Pozovite SOS liniju.' });
    const sr = await visit('/sr-Latn/campaigns/labour-rights-now');
    expect(sr.body).toContain('<h2 id="campaign-langs">Ova stranica na drugim jezicima</h2>');
    expect(sr.body).toContain('<a href="/en/campaigns/labour-rights-now" lang="en-GB" hreflang="en-GB">English</a>');
    for (const url of ['/hi/campaigns/labour-rights-now', '/en/campaigns/no-such-campaign', '/xx/campaigns/labour-rights-now', '/en/campaigns/..%2Fadmin']) {
      const r = await visit(url);
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toContain('text/html');
    }
    expect((await campaign('DELETE', `/api/v1/campaigns/${id}/pages/sr-Latn`)).statusCode).toBe(204);
    expect((await visit('/sr-Latn/campaigns/labour-rights-now')).statusCode).toBe(404);
  });

  it('refuses a page in a language the campaign does not have', async () => {
    const r = await campaign('PUT', `/api/v1/campaigns/${id}/pages/tr`, { title: 'Başlık', body: 'Metin' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details).toEqual([expect.objectContaining({ field: 'lang' })]);
    expect((await campaign('PUT', `/api/v1/campaigns/${id}/pages/de`, { title: 'x', body: 'y' })).statusCode).toBe(400);
    expect((await campaign('PUT', `/api/v1/campaigns/${id}/pages/en`, { body: 'y' })).json().error.details).toEqual([expect.objectContaining({ field: 'title' })]);
  });

  it('gives the stored Markdown back to staff and previews a draft as the site will show it', async () => {
    expect((await campaign('GET', `/api/v1/campaigns/${id}/pages/en`)).json()).toMatchObject({ lang: 'en', title: 'Labour rights – now!', path: '/en/campaigns/labour-rights-now' });
    expect((await campaign('GET', `/api/v1/campaigns/${id}`)).json().pages).toEqual(['en']);
    const preview = await campaign('POST', `/api/v1/campaigns/${id}/pages/en/preview`, { title: 'Draft', body: '![Leaflet](/assets/leaflet.png) ![Tracker](https://tracker.example/pixel.gif)' });
    expect(preview.json().html).toBe('<p><img src="/assets/leaflet.png" alt="Leaflet" loading="lazy"> Tracker</p>\n');
  });

  it('counts every view from a browser but none from bots, HEAD requests or prefetches', async () => {
    const url = '/en/campaigns/labour-rights-now';
    await visit(url);
    await visit(url);
    for (const bot of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'facebookexternalhit/1.1', 'curl/8.5.0', 'Mozilla/5.0 (compatible; bingbot/2.0)', 'WhatsApp/2.23.20.0', '']) {
      expect((await visit(url, bot)).statusCode).toBe(200);
    }
    await h.app.inject({ method: 'HEAD', url, headers: { 'user-agent': PHONE } });
    await visit(url, PHONE, '203.0.113.7', { 'sec-purpose': 'prefetch' });
    await visit(url, OTHER_PHONE);
    const r = await report();
    expect(r.pageViews).toEqual({ en: 3 });
    expect(r.uniqueVisitors).toEqual({ en: 2 });
  });

  it('tells visitors apart by address and browser within a day and stores neither', async () => {
    const url = '/en/campaigns/labour-rights-now';
    for (const [agent, address] of [[PHONE, '203.0.113.7'], [PHONE, '203.0.113.7'], [PHONE, '198.51.100.23'], [OTHER_PHONE, '203.0.113.7']] as const) await visit(url, agent, address);
    expect((await report()).uniqueVisitors.en).toBe(3);
    const stored = JSON.stringify([
      await h.ctx.db.selectFrom('campaign_page_views').selectAll().execute(),
      await h.ctx.db.selectFrom('campaign_visitor_hashes').selectAll().execute(),
      await h.ctx.db.selectFrom('campaign_visit_salts').selectAll().execute(),
      await h.ctx.db.selectFrom('audit_events').selectAll().execute(),
    ]);
    for (const secret of ['203.0.113.7', '198.51.100.23', 'Android', 'CUBOT']) expect(stored).not.toContain(secret);
  });

  it("forgets a day's salt and visitor hashes once the day is over, keeping its counts", async () => {
    let clock = Date.parse('2021-05-10T12:00:00Z');
    const visits = new PageVisits(h.ctx.db, h.ctx.cipher, 'Europe/Belgrade', () => clock);
    const client = { address: '203.0.113.7', userAgent: PHONE };
    await visits.record(id, 'en', client);
    await visits.record(id, 'en', client);
    const saltOfMonday = (await h.ctx.db.selectFrom('campaign_visit_salts').selectAll().execute()).map((r) => r.salt);
    expect(saltOfMonday).toHaveLength(1);
    // 22:30 UTC is already Tuesday in Belgrade: a new day, a new salt, the same visitor counted again.
    clock = Date.parse('2021-05-10T22:30:00Z');
    await visits.record(id, 'en', client);
    const salts = await h.ctx.db.selectFrom('campaign_visit_salts').selectAll().execute();
    expect(salts.map((s) => s.day)).toEqual(['2021-05-11']);
    expect(salts[0]!.salt).not.toBe(saltOfMonday[0]);
    expect((await h.ctx.db.selectFrom('campaign_visitor_hashes').select('day').execute()).map((r) => r.day)).toEqual(['2021-05-11']);
    clock = Date.parse('2021-05-12T09:00:00Z');
    await visits.forgetPastDays();
    expect(await h.ctx.db.selectFrom('campaign_visit_salts').selectAll().execute()).toEqual([]);
    expect(await h.ctx.db.selectFrom('campaign_visitor_hashes').selectAll().execute()).toEqual([]);
    const r = await report();
    expect(r.visits).toEqual([
      { date: '2021-05-10', lang: 'en', views: 2, uniqueVisitors: 1 },
      { date: '2021-05-11', lang: 'en', views: 1, uniqueVisitors: 1 },
    ]);
    expect(r.pageViews.en).toBe(3);
  });
});
