import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';

describeEachDb('statistics for a period', (dialect) => {
  let h: Harness;
  const as: Record<string, Client> = {};

  beforeEach(async () => {
    h = await harness(dialect);
    for (const role of ['hotline', 'caseworker', 'coordinator', 'campaign', 'admin'] as const) {
      await addUser(h.ctx, `${role}@example.test`, [role]);
      as[role] = await signIn(h.app, `${role}@example.test`);
    }
  });
  afterEach(() => h.close());

  const contact = async (receivedAt: string, channel = 'phone', topics = ['job_offer_check']) => {
    const r = await as.hotline!('POST', '/api/v1/contacts', { receivedAt, channel, topics });
    expect(r.statusCode, r.body).toBe(201);
  };
  const victim = async (identifiedOn: string, facts: Record<string, unknown> = {}) => {
    const r = await as.caseworker!('POST', '/api/v1/cases', { status: 'identified', identifiedOn, sex: 'male', age: 30, citizenship: 'NP', exploitationTypes: ['labour'], ...facts });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string };
  };
  const summary = async (query: string) => {
    const r = await as.coordinator!('GET', `/api/v1/reports/summary?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('is the coordinator’s alone', async () => {
    for (const role of ['hotline', 'caseworker', 'campaign', 'admin']) {
      expect((await as[role]!('GET', '/api/v1/reports/summary?from=2021-01-01&to=2021-01-31')).statusCode, role).toBe(403);
      expect((await as[role]!('GET', '/api/v1/reports/charts/nationalities.svg?from=2021-01-01&to=2021-01-31')).statusCode, role).toBe(403);
      expect((await as[role]!('GET', '/api/v1/reports/exports/anonymised.json?from=2021-01-01&to=2021-01-31')).statusCode, role).toBe(403);
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/reports/summary?from=2021-01-01&to=2021-01-31' })).statusCode).toBe(401);
  });

  it('answers 400 naming every bad field', async () => {
    const r = await as.coordinator!('GET', '/api/v1/reports/summary?from=2021-02-30&lang=xx');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'lang', 'to']);
    expect((await as.coordinator!('GET', '/api/v1/reports/summary?from=2021-03-01&to=2021-02-01')).json().error.details[0].field).toBe('to');
  });

  it('counts contacts and victims by the contract’s rules, identically on both databases', async () => {
    for (const d of ['2021-02-01', '2021-02-02', '2021-02-03', '2021-02-04']) await contact(`${d}T10:00:00Z`);
    await contact('2021-02-05T10:00:00Z', 'email', ['job_loss', 'migration']);
    for (const d of ['2020-02-01', '2020-02-02']) await contact(`${d}T10:00:00Z`, 'email', ['other']);
    await victim('2021-02-10', { sex: 'male', age: 30, citizenship: 'NP', exploitationTypes: ['labour'], sector: 'construction' });
    await victim('2021-02-10', { sex: 'female', age: 17, citizenship: 'RS', exploitationTypes: ['labour', 'sexual'] });
    await victim('2021-02-11', { sex: 'male', age: 18, citizenship: 'RS', exploitationTypes: ['forced_begging'] });
    // Neither counts: one is still a potential victim, the other was identified before the period.
    expect((await as.caseworker!('POST', '/api/v1/cases', { status: 'potential', sex: 'male', citizenship: 'IN', exploitationTypes: ['labour'] })).statusCode).toBe(201);
    await victim('2020-12-31');

    const s = await summary('from=2021-01-01&to=2021-02-28&lang=en');
    expect(s).toEqual({
      period: { from: '2021-01-01', to: '2021-02-28' },
      contacts: {
        total: 5,
        byTopic: { job_offer_check: 4, job_loss: 1, labour_rights: 0, trafficking_suspicion: 0, sexual_exploitation: 0, missing_person: 0, migration: 1, other: 0 },
        byChannel: { phone: 4, sms: 0, email: 1, web: 0, social: 0, in_person: 0, other: 0 },
        previousYear: { total: 2, changePercent: 150, period: { from: '2020-01-01', to: '2020-02-28' } },
      },
      victims: {
        identified: 3,
        children: 1,
        foreignNationals: 1,
        bySex: { male: 2, female: 1, other: 0, unknown: 0 },
        byExploitation: { labour: 2, sexual: 1, forced_criminality: 0, forced_begging: 1, forced_marriage: 0, domestic_servitude: 0, organ_removal: 0, other: 0 },
        byExploitationAndSex: expect.objectContaining({ labour: { male: 1, female: 1, other: 0, unknown: 0 }, sexual: { male: 0, female: 1, other: 0, unknown: 0 } }),
        labour: { total: 2, male: 1, female: 1, children: 1, foreignNationals: 1, maleForeignNationals: 1 },
        byCitizenship: { RS: 2, NP: 1 },
        bySector: { unknown: 2, construction: 1 },
      },
      narrative:
        'By 28 February 2021 the Victim Support Team had identified 3 victims of trafficking (including one child): 2 of labour exploitation – one man, a foreign national, and one woman. ' +
        'The SOS line recorded 5 calls, 4 of them about job offers. Calls rose by 150% against the same period a year earlier.',
      narrativeLanguage: 'en',
    });
  });

  it('counts whole days of Belgrade across the year end', async () => {
    await contact('2020-12-31T22:59:59Z'); // 23:59:59 on 31 December in Belgrade
    await contact('2020-12-31T23:30:00Z'); // 00:30 on 1 January
    await victim('2020-12-31');
    await victim('2021-01-01');
    const old = await summary('from=2020-12-01&to=2020-12-31');
    const next = await summary('from=2021-01-01&to=2021-01-31');
    expect([old.contacts.total, old.victims.identified]).toEqual([1, 1]);
    expect([next.contacts.total, next.victims.identified]).toEqual([1, 1]);
  });

  it('maps 29 February to 28 February a year earlier', async () => {
    await contact('2020-02-29T12:00:00Z');
    await contact('2019-02-28T12:00:00Z');
    await contact('2019-03-01T12:00:00Z');
    const leap = await summary('from=2020-02-29&to=2020-02-29');
    expect(leap.contacts.total).toBe(1);
    expect(leap.contacts.previousYear).toEqual({ total: 1, changePercent: 0, period: { from: '2019-02-28', to: '2019-02-28' } });
    // A year later the period ends on 28 February, and the year before it leaves 29 February out.
    await contact('2021-02-28T12:00:00Z');
    const after = await summary('from=2021-02-01&to=2021-02-28');
    expect(after.contacts.previousYear).toEqual({ total: 0, changePercent: null, period: { from: '2020-02-01', to: '2020-02-28' } });
  });

  it('says there were none in an empty period, in each staff language', async () => {
    const empty = await summary('period=2021-Q1&lang=sr-Cyrl');
    expect(empty.contacts.total).toBe(0);
    expect(empty.victims.identified).toBe(0);
    expect(empty.narrative).toBe(
      'До 31. марта 2021. године Тим за подршку жртвама није идентификовао ниједну жртву трговине људима. СОС линија није забележила ниједан позив. У истом периоду претходне године није било позива.',
    );
    expect((await summary('from=2021-01-01&to=2021-01-31&lang=hi')).narrativeLanguage).toBe('en');
  });

  it('draws the four charts as SVG in the language asked for', async () => {
    await contact('2021-02-01T10:00:00Z');
    await contact('2020-02-03T10:00:00Z', 'sms', ['job_loss']);
    await victim('2021-02-10', { citizenship: 'IN' });
    for (const name of ['contacts-per-week', 'topics', 'victims-by-type-and-sex', 'nationalities']) {
      const r = await as.coordinator!('GET', `/api/v1/reports/charts/${name}.svg?from=2021-01-01&to=2021-03-31&lang=sr-Latn`);
      expect(r.statusCode, name).toBe(200);
      expect(r.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(r.body).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(r.body).not.toMatch(/<style|style=|<script/);
    }
    const nationalities = await as.coordinator!('GET', '/api/v1/reports/charts/nationalities.svg?from=2021-01-01&to=2021-03-31&lang=sr-Latn');
    expect(nationalities.body).toContain('<title>Identifikovane žrtve po državljanstvu</title>');
    expect(nationalities.body).toContain('>Indija<');
    expect((await as.coordinator!('GET', '/api/v1/reports/charts/pie.svg?from=2021-01-01&to=2021-03-31')).statusCode).toBe(404);
  });

  it('exports the figures as CSV with a byte order mark and as a spreadsheet, and audits each export', async () => {
    await contact('2021-02-01T10:00:00Z');
    await victim('2021-02-10');
    const csv = await as.coordinator!('GET', '/api/v1/reports/exports/summary.csv?from=2021-01-01&to=2021-03-31&lang=sr-Latn');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="labour-justice-summary-2021-01-01-2021-03-31.csv"');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('Pokazatelj,Kategorija,Broj,Isti period prethodne godine,Promena (%)');
    expect(csv.body).toContain('Žrtve po državljanstvu,Nepal,1,,');

    const xlsx = await as.coordinator!('GET', '/api/v1/reports/exports/summary.xlsx?from=2021-01-01&to=2021-03-31&lang=en');
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readSheet(xlsx.rawPayload, 'Summary');
    expect(sheet[1]![1]).toMatch(/^By 31 March 2021 the Victim Support Team had identified one victim of trafficking/);
    const figures = await readSheet(xlsx.rawPayload, 'Figures');
    expect(figures).toContainEqual(['Identified victims', 'All', 1, null, null]);

    const events = await h.ctx.audit.list({ limit: 10, action: 'report.exported' });
    expect(events.map((e) => e.details.file)).toEqual(['summary.xlsx', 'summary.csv']);
    expect(events[0]).toMatchObject({ targetType: 'report', details: { from: '2021-01-01', to: '2021-03-31' } });
  });

  it('shares victims only k-anonymised, and says what it held back', async () => {
    for (let i = 0; i < 12; i++) await victim('2021-02-10', { age: 30 + (i % 3), sector: 'construction', meansOfControl: ['withholds_documents'], recruiterRelation: 'recruitment_agency' });
    await victim('2021-02-11', { sex: 'female', age: 16, citizenship: 'VN', exploitationTypes: ['sexual'] });
    const r = await as.coordinator!('GET', '/api/v1/reports/exports/anonymised.json?from=2021-01-01&to=2021-03-31');
    expect(r.statusCode).toBe(200);
    const release = r.json();
    expect(release).toMatchObject({ k: 11, total: 13, suppressed: { records: 1, combinations: 1 }, period: { from: '2021-01-01', to: '2021-03-31' } });
    expect(release.records).toHaveLength(12);
    expect(release.records.every((x: { citizenship: string }) => x.citizenship === 'NP')).toBe(true);
    // One victim from elsewhere is too few to show, and the 12 from Nepal would give the one away.
    expect(release.tables.citizenship).toMatchObject({ rows: ['NP', 'other'], cells: [[null], [null]], total: 13 });
    expect(JSON.stringify(release)).not.toContain('VN');

    const csv = await as.coordinator!('GET', '/api/v1/reports/exports/anonymised.csv?from=2021-01-01&to=2021-03-31');
    expect(csv.body.split('\n')[0]).toBe('\ufeffgender,ageBand,citizenship,exploitationTypes,sector,meansOfControl,recruiterRelation,year');
    const xlsx = await as.coordinator!('GET', '/api/v1/reports/exports/anonymised.xlsx?from=2021-01-01&to=2021-03-31');
    expect(await readSheet(xlsx.rawPayload, 'disclosure control')).toContainEqual(['records suppressed', 1, null, null]);
    const audited = await h.ctx.audit.list({ limit: 10, action: 'report.exported' });
    expect(audited[2]!.details).toMatchObject({ file: 'anonymised.json', records: 12, suppressedRecords: 1 });
  });

  it('publishes a period for the public page with small counts hidden, and withdraws it', async () => {
    for (let i = 0; i < 12; i++) await contact(`2021-02-0${1 + (i % 5)}T10:00:00Z`);
    await contact('2021-02-06T10:00:00Z', 'email', ['missing_person']);
    for (let i = 0; i < 12; i++) await victim('2021-02-10');
    await victim('2021-02-11', { sex: 'female', age: 16, citizenship: 'VN', exploitationTypes: ['sexual'] });
    expect((await as.caseworker!('POST', '/api/v1/reports/publications', { period: '2021-Q1' })).statusCode).toBe(403);
    expect((await as.coordinator!('POST', '/api/v1/reports/publications', { from: '2021-01-01' })).json().error.details[0].field).toBe('to');

    const made = await as.coordinator!('POST', '/api/v1/reports/publications', { from: '2021-01-01', to: '2021-03-31' });
    expect(made.statusCode).toBe(201);
    const publication = made.json();
    expect(publication.period).toEqual({ from: '2021-01-01', to: '2021-03-31' });
    // The one call about a missing person is hidden, and so are the 12 job-offer calls that the total would give it away by.
    expect(publication.tables.contactsByTopic.cells).toEqual([[null], [0], [0], [0], [0], [null], [0], [0]]);
    const shown = JSON.stringify(publication.tables).match(/\d+/g)!.map(Number);
    expect(shown.every((n) => n === 0 || n >= 11)).toBe(true);

    const page = await h.app.inject({ method: 'GET', url: '/en/statistics' });
    expect(page.statusCode).toBe(200);
    // Dates inserted into a sentence are isolated, for pages in right-to-left languages.
    expect(page.body).toContain('<h2>\u20681 January 2021\u2069 to \u206831 March 2021\u2069</h2>');
    expect(page.body).toContain('<th scope="row">Nepal</th><td>–</td>');
    expect(page.body).not.toContain('Vietnam');
    expect((await h.app.inject({ method: 'GET', url: '/sr-Cyrl/statistics' })).body).toContain('Статистика');

    expect((await as.coordinator!('GET', '/api/v1/reports/publications')).json().items).toHaveLength(1);
    expect((await as.coordinator!('DELETE', `/api/v1/reports/publications/${publication.id}`)).statusCode).toBe(204);
    expect((await as.coordinator!('DELETE', `/api/v1/reports/publications/${publication.id}`)).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/en/statistics' })).body).toContain('No figures have been published yet.');
    expect((await h.ctx.audit.list({ limit: 5 })).map((e) => e.action).slice(0, 2)).toEqual(['report.withdrawn', 'report.published']);
  });
});
