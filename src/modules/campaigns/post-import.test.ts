import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import writeExcelFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';
import { XLSX_TYPE } from '../../platform/tabular.js';
import { countOf, exportTime } from './post-import.formats.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8');
const facebook = fixture('meta-facebook-posts.csv');
const instagram = fixture('meta-instagram-posts.csv');
const twitter = fixture('twitter-tweet-activity.csv');
const badFacebook = fixture('meta-facebook-posts-bad.csv');
const asCsv = { 'content-type': 'text/csv; charset=utf-8' };

/** The Facebook export as Meta Business Suite's XLSX download holds it: times as date cells, ids as text. */
async function facebookAsXlsx(): Promise<Buffer> {
  const [header, ...rows] = parse(facebook, { bom: true }) as string[][];
  const time = header!.indexOf('Publish time');
  const numeric = new Set(['Impressions', 'Reach', 'Reactions, Comments and Shares', 'Total clicks', '3-second video views'].map((c) => header!.indexOf(c)));
  const cell = (value: string, i: number) => {
    if (i === time) {
      const [, mm, dd, yyyy, hh, min] = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d)$/.exec(value)!;
      return { value: new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd), Number(hh), Number(min))), format: 'mm/dd/yyyy hh:mm' };
    }
    if (numeric.has(i) && value !== '') return { value: Number(value) };
    return value === '' ? null : { value };
  };
  return writeExcelFile([header!.map((value) => ({ value })), ...rows.map((r) => r.map(cell))]).toBuffer();
}

describeEachDb('importing post metrics from Meta Business Suite and X/Twitter exports', (dialect) => {
  let h: Harness;
  let campaign: Client;
  let id: string;

  const upload = (body: string | Buffer, query = '', headers: Record<string, string> = asCsv) =>
    h.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/posts/imports${query}`, payload: body, headers: { cookie: campaign.cookie, 'x-csrf-token': campaign.csrf, ...headers } });
  const posts = async () => (await campaign('GET', `/api/v1/campaigns/${id}/posts?limit=500`)).json().items as Record<string, unknown>[];

  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'campaign@example.test', ['campaign']);
    campaign = await signIn(h.app, 'campaign@example.test');
    id = (await campaign('POST', '/api/v1/campaigns', { name: 'Labour Rights – Now!', slug: 'labour-rights-now', startsOn: '2020-09-14', endsOn: '2020-12-15', languages: ['sr-Latn', 'en'] })).json().id;
  });
  afterEach(() => h.close());

  it('reports what a dry run of a Facebook export would do and writes nothing', async () => {
    const r = await upload(facebook, '?dryRun=true');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ format: 'meta_facebook', channel: 'facebook', rows: 7, created: 6, updated: 0, unchanged: 0, outsidePeriod: 1, skipped: 0, rejected: [] });
    expect(await posts()).toEqual([]);
  });

  it("imports a Facebook export's posts: engagements are reactions, comments and shares plus clicks, times are Belgrade's", async () => {
    expect((await upload(facebook)).json()).toMatchObject({ created: 6, outsidePeriod: 1 });
    const all = await posts();
    expect(all).toHaveLength(6);
    const video = all.find((p) => p.externalId === '114905131880581_3401234567890456');
    expect(video).toMatchObject({
      channel: 'facebook', source: 'meta_facebook', publishedAt: '2020-09-18T10:30:00.000Z', url: 'https://www.facebook.com/114905131880581/videos/3401234567890456',
      text: 'Šta je prinudni rad?\nPogledajte video i podelite ga sa nekim ko razmišlja o poslu u inostranstvu.',
      reach: 30_250, impressions: 41_800, engagements: 980 + 1420, clicks: 1420, videoViews: 9870,
    });
    // 10 December is winter time: UTC+1.
    expect(all.find((p) => p.externalId === '114905131880581_3401234567891901')).toMatchObject({ publishedAt: '2020-12-10T13:00:00.000Z', videoViews: 6044 });
    expect(all.find((p) => p.externalId === '114905131880581_3401234567890123')).toMatchObject({ videoViews: null });
    const report = (await campaign('GET', `/api/v1/campaigns/${id}/report`)).json();
    expect(report.posts.byChannel.facebook).toMatchObject({ posts: 6, reach: 12_480 + 30_250 + 8120 + 15_890 + 9870 + 22_010 });
    const audit = await h.ctx.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'campaign.posts.imported').execute();
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ format: 'meta_facebook', created: 6 });
  });

  it('updates the posts a later export holds again instead of adding them twice', async () => {
    await upload(facebook);
    const later = facebook.replace('"15210","12480","412"', '"16020","13104","431"');
    expect((await upload(later)).json()).toMatchObject({ created: 0, updated: 1, unchanged: 5, outsidePeriod: 1 });
    const all = await posts();
    expect(all).toHaveLength(6);
    expect(all.find((p) => p.externalId === '114905131880581_3401234567890123')).toMatchObject({ reach: 13_104, impressions: 16_020, engagements: 431 + 196 });
  });

  it('imports an X/Twitter analytics export, keeping every digit of the tweet ids', async () => {
    const r = await upload(twitter);
    expect(r.json()).toMatchObject({ format: 'twitter', channel: 'twitter', rows: 3, created: 3 });
    const tweet = (await posts()).find((p) => p.externalId === '1311572304567812097');
    expect(tweet).toMatchObject({ channel: 'twitter', publishedAt: '2020-10-01T08:15:00.000Z', impressions: 5120, engagements: 143, clicks: 37, videoViews: 0, reach: null, url: 'https://twitter.com/RadnaPravda/status/1311572304567812097' });
    expect((await campaign('GET', `/api/v1/campaigns/${id}/report`)).json().posts.byChannel.twitter).toMatchObject({ posts: 3, impressions: 3412 + 5120 + 2875 });
  });

  it("imports an Instagram export from Meta Business Suite, counting likes, comments, shares and saves as engagements", async () => {
    expect((await upload(instagram)).json()).toMatchObject({ format: 'meta_instagram', channel: 'instagram', created: 3 });
    expect((await posts()).find((p) => p.externalId === '17901234567890789')).toMatchObject({ reach: 5480, impressions: 6120, engagements: 402 + 31 + 96 + 77, videoViews: 5930 });
  });

  it('imports the same export downloaded as an XLSX spreadsheet', async () => {
    const r = await upload(await facebookAsXlsx(), '', { 'content-type': XLSX_TYPE });
    expect(r.json()).toEqual({ format: 'meta_facebook', channel: 'facebook', rows: 7, created: 6, updated: 0, unchanged: 0, outsidePeriod: 1, skipped: 0, rejected: [] });
    expect((await posts()).find((p) => p.externalId === '114905131880581_3401234567890456')).toMatchObject({ publishedAt: '2020-09-18T10:30:00.000Z', engagements: 2400 });
    expect((await upload(facebook)).json()).toMatchObject({ created: 0, unchanged: 6 });
  });

  it('rejects a file with bad rows, naming each row, column and reason, and changes nothing', async () => {
    const r = await upload(badFacebook);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('import_rejected');
    expect(r.json().error.details).toMatchObject({ format: 'meta_facebook', rows: 5, created: 0, updated: 0 });
    expect(r.json().error.details.rejected.map(({ row, field }: { row: number; field: string }) => ({ row, field }))).toEqual([
      { row: 3, field: 'Publish time' },
      { row: 3, field: 'Reach' },
      { row: 4, field: 'Post ID' },
      { row: 5, field: 'Post ID' },
      { row: 5, field: 'Total clicks' },
    ]);
    expect(r.json().error.details.rejected[3].message).toBe('the same post as row 2: export lifetime totals, one row per post');
    expect(await posts()).toEqual([]);
  });

  it('leaves the bad rows out and imports the rest when told to skip them', async () => {
    const r = await upload(badFacebook, '?skipInvalid=true');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ rows: 5, created: 2, skipped: 3 });
    expect(r.json().rejected).toHaveLength(5);
    expect((await posts()).map((p) => p.reach).sort()).toEqual([12_480, 15_890]);
  });

  it('refuses a file that is no known export, empty, unreadable or sent as JSON', async () => {
    for (const body of ['Date,Reach\n2020-10-01,5\n', '', '"Tweet id","time","impressions"\n"1,2020-10-01\n']) {
      const r = await upload(body);
      expect(r.statusCode).toBe(422);
      expect(r.json().error.details.rejected[0].field).toBe('(file)');
    }
    expect((await upload(Buffer.from('not a workbook'), '', { 'content-type': XLSX_TYPE })).statusCode).toBe(422);
    expect((await campaign('POST', `/api/v1/campaigns/${id}/posts/imports`, { rows: [] })).statusCode).toBe(415);
    expect((await upload(facebook, '?dryRun=maybe')).statusCode).toBe(400);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/campaigns/nope/posts/imports', payload: facebook, headers: { cookie: campaign.cookie, 'x-csrf-token': campaign.csrf, ...asCsv } })).statusCode).toBe(404);
    expect(await posts()).toEqual([]);
  });

  it('lets only campaign staff and coordinators import', async () => {
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
    const hotline = await signIn(h.app, 'hotline@example.test');
    const r = await h.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/posts/imports`, payload: facebook, headers: { cookie: hotline.cookie, 'x-csrf-token': hotline.csrf, ...asCsv } });
    expect(r.statusCode).toBe(403);
  });
});

describe('reading export cells', () => {
  it('reads counts as exports write them', () => {
    expect([countOf('3412.0'), countOf('19,420'), countOf(''), countOf('-'), countOf(12), countOf('-3'), countOf('12.5')]).toEqual([3412, 19_420, null, null, 12, '-3', 12.5]);
  });

  it("reads Meta's local times in the organisation's zone, across daylight-saving changes", () => {
    const zone = 'Europe/Belgrade';
    expect(exportTime('09/14/2020 10:00', zone)).toBe('2020-09-14T08:00:00.000Z');
    expect(exportTime('12/10/2020 2:00 PM', zone)).toBe('2020-12-10T13:00:00.000Z');
    // Clocks went forward at 02:00 on 29 March 2020 and back at 03:00 on 25 October 2020.
    expect(exportTime('03/29/2020 10:00', zone)).toBe('2020-03-29T08:00:00.000Z');
    expect(exportTime('03/29/2020 01:30', zone)).toBe('2020-03-29T00:30:00.000Z');
    expect(exportTime('10/25/2020 02:30', zone)).toBe('2020-10-25T00:30:00.000Z');
    expect(exportTime('10/25/2020 10:00', zone)).toBe('2020-10-25T09:00:00.000Z');
    expect(exportTime(new Date(Date.UTC(2020, 8, 18, 12, 30)), zone)).toBe('2020-09-18T10:30:00.000Z');
  });

  it("reads X's times with their offset, and nothing that is not a time", () => {
    expect(exportTime('2020-10-01 08:15 +0000', 'Europe/Belgrade')).toBe('2020-10-01T08:15:00.000Z');
    expect(exportTime('2020-10-01T10:15:00+02:00', 'Europe/Belgrade')).toBe('2020-10-01T08:15:00.000Z');
    for (const bad of ['next Tuesday', '13/45/2020 10:00', '2020-02-30 10:00 +0000', '02/10/2020 25:00', null]) expect(exportTime(bad, 'Europe/Belgrade')).toBeNull();
  });
});
