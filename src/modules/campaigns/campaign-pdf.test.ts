import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';
import { pdfText } from '../../../test/pdf-text.js';
import { loadDemoCampaign } from './campaigns.demo.js';

describeEachDb('the campaign report and the recommendations as PDF', (dialect) => {
  let h: Harness;
  let campaign: Client;
  let id: string;
  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'campaign@example.test', ['campaign']);
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
    await loadDemoCampaign(h.ctx);
    campaign = await signIn(h.app, 'campaign@example.test');
    id = (await campaign('GET', '/api/v1/campaigns')).json().items[0].id;
  });
  afterEach(() => h.close());

  it('prints the report for donors in English and Serbian Cyrillic, and audits each export', async () => {
    const hotline = await signIn(h.app, 'hotline@example.test');
    const call = { receivedAt: '2020-10-01T10:00:00Z', channel: 'phone', topics: ['job_offer_check'], heardAbout: 'labour-rights-now' };
    expect((await hotline('POST', '/api/v1/contacts', call)).statusCode).toBe(201);
    const en = await campaign('GET', `/api/v1/campaigns/${id}/report/export?format=pdf&lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toBe('application/pdf');
    expect(en.headers['content-disposition']).toBe('attachment; filename="labour-rights-now-report-en.pdf"');
    const english = await pdfText(en.rawPayload);
    expect(english).toContain('Labour Rights – Now!');
    expect(english).toContain('We had 105 posts in total, on 2 channels. Facebook posts had a total reach of 204,660, with 9,773 engagements.');
    // The table of channels: posts, reach, impressions, engagements and the engagement rate.
    expect(english).toMatch(/Facebook 64 204,660 [\d,]+ 9,773 4\.78%/);
    expect(english).toContain('Reach per channel');
    expect(english).toMatch(/English 91 \d+/);
    expect(english).toContain("Independent Road Workers' Union");
    expect(english).toContain('Helpline contacts that heard of us through the campaign Period Contacts Before (13 June 2020 – 13 September 2020) 0 During (14 September 2020 – 15 December 2020) 1');
    expect(english).toMatch(/Page 1 of \d/);

    const cyrillic = await pdfText((await campaign('GET', `/api/v1/campaigns/${id}/report/export?format=pdf&lang=sr-Cyrl`)).rawPayload);
    expect(cyrillic).toContain('Објаве на Фејсбуку имале су укупан досег од 204.660, уз 9.773 интеракције.');
    expect(cyrillic).toMatch(/Фејсбук 64 204\.660/);
    expect(cyrillic).toContain('Штампани материјали');
    expect(cyrillic).toMatch(/Страна 1 од \d/);

    const audited = await h.ctx.audit.list({ limit: 5, action: 'campaign.report.exported' });
    expect(audited.map((e) => e.details)).toEqual([{ format: 'pdf', lang: 'sr-Cyrl' }, { format: 'pdf', lang: 'en' }]);
    expect(audited[0]).toMatchObject({ targetType: 'campaign', targetId: id });
  });

  it('refuses other roles, and a bad format or language naming the field', async () => {
    const hotline = await signIn(h.app, 'hotline@example.test');
    expect((await hotline('GET', `/api/v1/campaigns/${id}/report/export?format=pdf&lang=en`)).statusCode).toBe(403);
    const format = await campaign('GET', `/api/v1/campaigns/${id}/report/export?format=docx&lang=en`);
    expect(format.statusCode).toBe(400);
    expect(format.json().error.details).toEqual([{ field: 'format', message: 'must be csv, xlsx or pdf' }]);
    const lang = await campaign('GET', `/api/v1/campaigns/${id}/report/export?format=pdf&lang=de`);
    expect(lang.json().error.details.map((d: { field: string }) => d.field)).toEqual(['lang']);
    // The posts are a table only.
    expect((await campaign('GET', `/api/v1/campaigns/${id}/posts/export?format=pdf`)).json().error.details[0].field).toBe('format');
    expect(await h.ctx.audit.list({ limit: 5, action: 'campaign.report.exported' })).toEqual([]);
  });

  it('offers the published recommendations as a PDF from their public page, without a cookie', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/en/recommendations/preventing-labour-exploitation' });
    expect(page.body).toContain('<a href="/en/recommendations/preventing-labour-exploitation.pdf" type="application/pdf">Download this publication as PDF</a>');

    const en = await h.app.inject({ method: 'GET', url: '/en/recommendations/preventing-labour-exploitation.pdf' });
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toBe('application/pdf');
    expect(en.headers['set-cookie']).toBeUndefined();
    const english = await pdfText(en.rawPayload);
    expect(english).toContain('Recommendations for the Prevention of Labour Exploitation');
    expect(english).toContain('Recommendation 1');
    expect(english).toContain('Make employers and intermediaries jointly liable for foreign workers’ lawful residence, work and wages.');
    expect(english).toContain('Gap in the legal framework: Intermediaries who bring in foreign workers bear no responsibility');

    const cyrillic = await pdfText((await h.app.inject({ method: 'GET', url: '/sr-Cyrl/recommendations/preventing-labour-exploitation.pdf' })).rawPayload);
    expect(cyrillic).toContain('Препоруке за превенцију радне експлоатације');
    expect(cyrillic).toContain('Прописати солидарну одговорност послодавца и посредника за законит боравак, рад и зараде страних радника.');
    const latin = await pdfText((await h.app.inject({ method: 'GET', url: '/sr-Latn/recommendations/preventing-labour-exploitation.pdf' })).rawPayload);
    expect(latin).toContain('Propisati solidarnu odgovornost poslodavca i posrednika');

    for (const url of ['/hi/recommendations/preventing-labour-exploitation.pdf', '/en/recommendations/no-such-publication.pdf']) {
      expect((await h.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});
