import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signedInAs, signIn, type Client, type Harness } from '../../../test/support.js';

const safeWork = { name: 'Safe work', slug: 'safe-work', startsOn: '2021-05-01', endsOn: '2021-06-30', languages: ['sr-Latn', 'en'] };
const fieldsOf = (r: { json(): { error: { details: { field: string }[] } } }) => [...new Set(r.json().error.details.map((d) => d.field))].sort();

describeEachDb('campaigns and their posts', (dialect) => {
  let h: Harness;
  let campaign: Client;
  let coordinator: Client;

  const auditActions = async () => (await h.ctx.db.selectFrom('audit_events').select('action').where('action', 'like', 'campaign%').orderBy('seq').execute()).map((r) => r.action);
  const create = async (body: object = safeWork) => {
    const r = await campaign('POST', '/api/v1/campaigns', body);
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };

  beforeEach(async () => {
    h = await harness(dialect);
    campaign = await signedInAs(h, 'campaign');
    coordinator = await signedInAs(h, 'coordinator');
  });
  afterEach(() => h.close());

  it('creates a campaign with its goals and audiences and gives it back', async () => {
    const r = await campaign('POST', '/api/v1/campaigns', { ...safeWork, goals: ['Workers know their rights'], audiences: ['Foreign construction workers', 'Students'] });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ ...safeWork, goals: ['Workers know their rights'], audiences: ['Foreign construction workers', 'Students'], pages: [] });
    expect((await coordinator('GET', `/api/v1/campaigns/${r.json().id}`)).json()).toEqual(r.json());
    expect(await auditActions()).toEqual(['campaign.created']);
  });

  it('refuses a campaign naming every bad field: an address that is not URL-safe, an end before the start, a language the site lacks', async () => {
    const r = await campaign('POST', '/api/v1/campaigns', { ...safeWork, slug: 'Safe Work!', endsOn: '2021-04-30', languages: ['en', 'de'] });
    expect(r.statusCode).toBe(400);
    expect(fieldsOf(r)).toEqual(['endsOn', 'languages.1', 'slug']);
    const dates = await campaign('POST', '/api/v1/campaigns', { ...safeWork, endsOn: '2021-04-30' });
    expect(fieldsOf(dates)).toEqual(['endsOn']);
    expect(fieldsOf(await campaign('POST', '/api/v1/campaigns', { name: '', languages: [] }))).toEqual(['endsOn', 'languages', 'name', 'slug', 'startsOn']);
    expect((await campaign('GET', '/api/v1/campaigns')).json().items).toEqual([]);
  });

  it('refuses a second campaign at the same address with 409 naming slug', async () => {
    await create();
    const r = await campaign('POST', '/api/v1/campaigns', { ...safeWork, name: 'Another' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'slug_taken', details: [{ field: 'slug' }] });
  });

  it('creates a campaign once however often a request with the same Idempotency-Key is retried', async () => {
    const first = await campaign('POST', '/api/v1/campaigns', safeWork, { 'idempotency-key': 'k-1' });
    const again = await campaign('POST', '/api/v1/campaigns', safeWork, { 'idempotency-key': 'k-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect((await campaign('GET', '/api/v1/campaigns')).json().items).toHaveLength(1);
  });

  it('lists campaigns newest first, a page at a time', async () => {
    for (const [slug, startsOn] of [['a', '2020-01-01'], ['b', '2022-01-01'], ['c', '2021-01-01']]) await create({ ...safeWork, slug, startsOn, endsOn: startsOn });
    const first = (await coordinator('GET', '/api/v1/campaigns?limit=2')).json();
    expect(first.items.map((c: { slug: string }) => c.slug)).toEqual(['b', 'c']);
    const second = (await coordinator('GET', `/api/v1/campaigns?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ slug: 'a' }], nextCursor: null });
    expect((await coordinator('GET', '/api/v1/campaigns?cursor=nonsense')).statusCode).toBe(400);
  });

  it('changes a campaign, checking the end against the stored start', async () => {
    const id = await create();
    const r = await campaign('PATCH', `/api/v1/campaigns/${id}`, { endsOn: '2021-07-31', goals: ['More calls to the SOS line'] });
    expect(r.json()).toMatchObject({ endsOn: '2021-07-31', startsOn: '2021-05-01', goals: ['More calls to the SOS line'] });
    const bad = await campaign('PATCH', `/api/v1/campaigns/${id}`, { endsOn: '2021-04-01' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['endsOn']);
    expect(fieldsOf(await campaign('PATCH', `/api/v1/campaigns/${id}`, { startsOn: '2021-09-01' }))).toEqual(['startsOn']);
    expect((await campaign('PATCH', `/api/v1/campaigns/${id}`, { colour: 'red' })).statusCode).toBe(400);
    expect((await campaign('PATCH', '/api/v1/campaigns/nope', { name: 'x' })).statusCode).toBe(404);
    expect(await auditActions()).toEqual(['campaign.created', 'campaign.updated']);
  });

  it('records a post with its metrics and refuses an unknown channel and negative or fractional metrics, naming each', async () => {
    const id = await create();
    const r = await campaign('POST', `/api/v1/campaigns/${id}/posts`, {
      channel: 'facebook', publishedAt: '2021-05-10T09:00:00+02:00', language: 'sr-latn', url: 'https://facebook.com/radnapravda/posts/1', topic: 'Fees',
      reach: 2000, impressions: 2600, engagements: 90, clicks: 12, videoViews: 0,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ campaignId: id, channel: 'facebook', publishedAt: '2021-05-10T07:00:00.000Z', language: 'sr-Latn', reach: 2000, videoViews: 0, source: 'manual', externalId: null });
    const bad = await campaign('POST', `/api/v1/campaigns/${id}/posts`, { channel: 'fax', publishedAt: '2021-05-10 09:00', reach: -1, engagements: 1.5, url: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['channel', 'engagements', 'publishedAt', 'reach', 'url']);
    expect((await campaign('POST', '/api/v1/campaigns/nope/posts', { channel: 'facebook', publishedAt: '2021-05-10T09:00:00Z' })).statusCode).toBe(404);
  });

  it('lists posts newest first by channel and day, changes and clears metrics, and deletes a post', async () => {
    const id = await create();
    const post = async (channel: string, publishedAt: string, extra = {}) => (await campaign('POST', `/api/v1/campaigns/${id}/posts`, { channel, publishedAt, ...extra })).json().id as string;
    const a = await post('facebook', '2021-05-10T09:00:00Z', { reach: 10 });
    const b = await post('twitter', '2021-05-11T09:00:00Z');
    const c = await post('facebook', '2021-05-12T23:30:00Z');
    const ids = (url: string) => campaign('GET', url).then((r) => r.json().items.map((p: { id: string }) => p.id));
    expect(await ids(`/api/v1/campaigns/${id}/posts`)).toEqual([c, b, a]);
    expect(await ids(`/api/v1/campaigns/${id}/posts?channel=facebook`)).toEqual([c, a]);
    // 23:30 UTC on 12 May is already 13 May in Belgrade.
    expect(await ids(`/api/v1/campaigns/${id}/posts?from=2021-05-11&to=2021-05-12`)).toEqual([b]);
    const paged = (await campaign('GET', `/api/v1/campaigns/${id}/posts?limit=2`)).json();
    expect(await ids(`/api/v1/campaigns/${id}/posts?limit=2&cursor=${paged.nextCursor}`)).toEqual([a]);

    const changed = await campaign('PATCH', `/api/v1/campaigns/${id}/posts/${a}`, { reach: null, engagements: 4 });
    expect(changed.json()).toMatchObject({ reach: null, engagements: 4 });
    expect(fieldsOf(await campaign('PATCH', `/api/v1/campaigns/${id}/posts/${a}`, { clicks: -3 }))).toEqual(['clicks']);
    expect((await campaign('DELETE', `/api/v1/campaigns/${id}/posts/${b}`)).statusCode).toBe(204);
    expect((await campaign('GET', `/api/v1/campaigns/${id}/posts/${b}`)).statusCode).toBe(404);
    expect(await auditActions()).toEqual(['campaign.created', 'campaign.post.created', 'campaign.post.created', 'campaign.post.created', 'campaign.post.updated', 'campaign.post.deleted']);
  });

  it('reports posts per channel with the engagement rate, page views per language and a narrative', async () => {
    const id = await create();
    for (const p of [
      { channel: 'facebook', reach: 150_000, engagements: 7000, clicks: 300 },
      { channel: 'facebook', reach: 54_660, engagements: 2773, videoViews: 1200 },
      { channel: 'twitter', impressions: 25_100, engagements: 251 },
      { channel: 'instagram' },
    ]) {
      await campaign('POST', `/api/v1/campaigns/${id}/posts`, { publishedAt: '2021-05-10T09:00:00Z', ...p });
    }
    await campaign('PUT', `/api/v1/campaigns/${id}/pages/sr-Latn`, { title: 'Bezbedan rad', body: 'Tekst' });
    const r = await coordinator('GET', `/api/v1/campaigns/${id}/report`);
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(report.posts).toEqual({
      total: 4,
      byChannel: {
        facebook: { posts: 2, reach: 204_660, impressions: 0, engagements: 9773, clicks: 300, videoViews: 1200, engagementRate: 0.0478, notReported: ['impressions'] },
        twitter: { posts: 1, reach: 0, impressions: 25_100, engagements: 251, clicks: 0, videoViews: 0, engagementRate: 0.01, notReported: ['reach', 'clicks', 'videoViews'] },
        instagram: { posts: 1, reach: 0, impressions: 0, engagements: 0, clicks: 0, videoViews: 0, engagementRate: null, notReported: ['reach', 'impressions', 'engagements', 'clicks', 'videoViews'] },
      },
    });
    expect(report.pageViews).toEqual({ 'sr-Latn': 0 });
    expect(report.uniqueVisitors).toEqual({ 'sr-Latn': 0 });
    expect(report.narrative.en).toBe(
      'We had 4 posts in total, on 3 channels. Facebook posts had a total reach of 204,660, with 9,773 engagements. ' +
        'During the campaign, 25,100 impressions were recorded on Twitter, with 251 engagements. The Serbian page was visited 0 times.',
    );
    expect(report.narrative['sr-Latn']).toContain('Objave na Facebooku imale su ukupan doseg od 204.660, uz 9.773 interakcije.');
    expect(report.narrative['sr-Cyrl']).toContain('Објаве на Фејсбуку имале су укупан досег од 204.660, уз 9.773 интеракције.');
  });

  it('lets only campaign staff and coordinators in', async () => {
    const id = await create();
    for (const role of ['hotline', 'caseworker', 'admin'] as const) {
      await addUser(h.ctx, `${role}@example.test`, [role]);
      const other = await signIn(h.app, `${role}@example.test`);
      expect((await other('GET', '/api/v1/campaigns')).statusCode).toBe(403);
      expect((await other('GET', `/api/v1/campaigns/${id}/report`)).statusCode).toBe(403);
      expect((await other('POST', `/api/v1/campaigns/${id}/posts`, { channel: 'facebook', publishedAt: '2021-05-10T09:00:00Z' })).statusCode).toBe(403);
    }
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}` })).statusCode).toBe(401);
    expect((await coordinator('POST', `/api/v1/campaigns/${id}/posts`, { channel: 'other', publishedAt: '2021-05-10T09:00:00Z' })).statusCode).toBe(201);
  });
});
