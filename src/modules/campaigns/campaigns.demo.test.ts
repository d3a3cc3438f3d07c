import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Harness } from '../../../test/support.js';
import { loadDemoCampaign } from './campaigns.demo.js';

describeEachDb('the demo campaign', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'campaign@example.test', ['campaign']);
    await loadDemoCampaign(h.ctx);
  });
  afterEach(() => h.close());

  it("reports the figures of the organisation's 2020 campaign report", async () => {
    const campaign = await signIn(h.app, 'campaign@example.test');
    const [demo] = (await campaign('GET', '/api/v1/campaigns')).json().items;
    const report = (await campaign('GET', `/api/v1/campaigns/${demo.id}/report`)).json();
    expect(report.posts.total).toBe(105);
    expect(report.posts.byChannel.facebook).toMatchObject({ reach: 204_660, engagements: 9773 });
    // X reports no reach: a 0 there means "not known", and says so.
    expect(report.posts.byChannel.twitter).toMatchObject({ impressions: 25_100, reach: 0 });
    expect(report.posts.byChannel.twitter.notReported).toContain('reach');
    expect(report.posts.byChannel.facebook.notReported).not.toContain('reach');
    expect(report.pageViews).toEqual({ 'sr-Latn': 600, en: 91 });
    expect(report.materials.byLanguage.en.printed * 2).toBe(report.materials.printed);
    expect(report.materials.byPartner[0]).toMatchObject({ partner: "Independent Road Workers' Union" });
    expect(report.events.byFormat).toEqual({ online: 1, hybrid: 1, in_person: 0 });
    expect(report.recommendations).toMatchObject({ published: 1, recommendations: 3, fromTopics: 3 });
    expect(report.narrative.en).toContain('We had 105 posts in total, on 2 channels. Facebook posts had a total reach of 204,660, with 9,773 engagements. During the campaign, 25,100 impressions were recorded on Twitter');
    expect(report.narrative.en).toContain('The Serbian page was visited 600 times and the English page was visited 91 times.');
    expect(report.narrative['sr-Latn']).toContain('imale su ukupan doseg od 204.660, uz 9.773 interakcije');
    for (const path of ['/sr-Latn/campaigns/labour-rights-now', '/en/campaigns/labour-rights-now', '/en/recommendations/preventing-labour-exploitation', '/sr-Cyrl/recommendations/preventing-labour-exploitation']) {
      expect((await h.app.inject({ method: 'GET', url: path, headers: { 'user-agent': 'curl/8' } })).statusCode).toBe(200);
    }
  });

  it('exports the report as CSV and as a workbook in Serbian or English, and every post as a table', async () => {
    const campaign = await signIn(h.app, 'campaign@example.test');
    const [demo] = (await campaign('GET', '/api/v1/campaigns')).json().items;
    const csv = await campaign('GET', `/api/v1/campaigns/${demo.id}/report/export?format=csv&lang=sr-Latn`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="labour-rights-now-report-sr-Latn.csv"');
    expect(csv.body.startsWith('\ufeffPodatak,Kategorija,Vrednost\n')).toBe(true);
    const rows = parse(csv.body, { bom: true }) as string[][];
    expect(rows).toContainEqual(['Doseg', 'Facebook', '204660']);
    // X reports no reach: the export leaves the figure out rather than write a 0 that means "not known".
    expect(rows.filter((row) => row[0] === 'Doseg').map((row) => row[1])).toEqual(['Facebook']);
    expect(rows).toContainEqual(['Pregledi stranice', 'srpski (latinica)', '600']);
    expect(rows).toContainEqual(['Podeljeni primerci', "Independent Road Workers' Union", '1170']);
    const xlsx = await campaign('GET', `/api/v1/campaigns/${demo.id}/report/export?format=xlsx&lang=en`);
    const summary = await readSheet(xlsx.rawPayload);
    expect(summary[0]).toEqual(['Campaign', 'Labour Rights – Now!']);
    expect(String(summary[2]![1])).toContain('We had 105 posts in total');
    expect(await readSheet(xlsx.rawPayload, 'Figures')).toContainEqual(['Impressions', 'Twitter', 25_100]);
    const posts = parse((await campaign('GET', `/api/v1/campaigns/${demo.id}/posts/export`)).body, { bom: true, columns: true }) as Record<string, string>[];
    expect(posts).toHaveLength(105);
    expect(posts.filter((p) => p.channel === 'facebook').reduce((n, p) => n + Number(p.reach), 0)).toBe(204_660);
    expect((await campaign('GET', `/api/v1/campaigns/${demo.id}/report/export?format=docx`)).statusCode).toBe(400);
  });
});
