import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';
import { pdfText } from '../../../test/pdf-text.js';

describeEachDb('the statistics report as PDF', (dialect) => {
  let h: Harness;
  const as: Record<string, Client> = {};
  const url = (query: string) => `/api/v1/reports/exports/summary.pdf?${query}`;

  beforeEach(async () => {
    h = await harness(dialect);
    for (const role of ['hotline', 'caseworker', 'coordinator', 'campaign', 'admin'] as const) {
      await addUser(h.ctx, `${role}@example.test`, [role]);
      as[role] = await signIn(h.app, `${role}@example.test`);
    }
    const contact = async (receivedAt: string, channel: string, topics: string[]) => {
      expect((await as.hotline!('POST', '/api/v1/contacts', { receivedAt, channel, topics })).statusCode).toBe(201);
    };
    for (const d of ['2021-02-01', '2021-02-02', '2021-02-03', '2021-02-04']) await contact(`${d}T10:00:00Z`, 'phone', ['job_offer_check']);
    await contact('2021-02-05T10:00:00Z', 'email', ['job_loss', 'migration']);
    for (const d of ['2020-02-01', '2020-02-02']) await contact(`${d}T10:00:00Z`, 'email', ['other']);
    for (const facts of [
      { sex: 'male', age: 30, citizenship: 'NP', exploitationTypes: ['labour'], sector: 'construction' },
      { sex: 'female', age: 17, citizenship: 'RS', exploitationTypes: ['labour', 'sexual'] },
      { sex: 'male', age: 18, citizenship: 'RS', exploitationTypes: ['forced_begging'] },
    ]) {
      expect((await as.caseworker!('POST', '/api/v1/cases', { status: 'identified', identifiedOn: '2021-02-10', ...facts })).statusCode).toBe(201);
    }
  });
  afterEach(() => h.close());

  it('prints the narrative, the tables and the charts in English', async () => {
    const r = await as.coordinator!('GET', url('from=2021-01-01&to=2021-02-28&lang=en'));
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe('attachment; filename="labour-justice-summary-2021-01-01-2021-02-28.pdf"');
    const text = await pdfText(r.rawPayload);
    expect(text).toContain('Statistics report');
    expect(text).toContain('1 January 2021 – 28 February 2021');
    expect(text).toContain(
      'By 28 February 2021 the Victim Support Team had identified 3 victims of trafficking (including one child): 2 of labour exploitation – one man, a foreign national, and one woman.',
    );
    // Contacts by channel against the same period a year earlier, with the change.
    expect(text).toContain('Phone 4 0 –');
    expect(text).toContain('E-mail 1 2 -50%');
    expect(text).toContain('Total 5 2 +150%');
    expect(text).toContain('Job loss 1 0 –');
    // Victims by age, sex, type, citizenship and sector.
    expect(text).toContain('Identified victims Figure Victims Identified victims 3 Children among them 1');
    expect(text).toContain('Adults or of unknown age among them 2');
    expect(text).toContain('Victims by sex Sex Victims Men 2 Women 1 Total 3');
    expect(text).toContain('Forced begging 1');
    expect(text).toContain('Serbia 2 Nepal 1 Total 3');
    expect(text).toContain('Construction 1');
    // The four charts, by their titles.
    for (const title of ['Contacts per week', 'Contacts per week by topic', 'Identified victims by type of exploitation and sex', 'Identified victims by citizenship']) expect(text).toContain(title);
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('prints Serbian in Cyrillic script, and records the export in the audit trail', async () => {
    const r = await as.coordinator!('GET', url('from=2021-01-01&to=2021-02-28&lang=sr-Cyrl'));
    const text = await pdfText(r.rawPayload);
    const narrative = (await as.coordinator!('GET', '/api/v1/reports/summary?from=2021-01-01&to=2021-02-28&lang=sr-Cyrl')).json().narrative as string;
    expect(narrative).toMatch(/^До 28. фебруара 2021. године Тим за подршку жртвама идентификовао је 3 жртве/);
    expect(text).toContain(narrative);
    expect(text).toContain('Статистички извештај');
    expect(text).toContain('Телефон 4 0 –');
    expect(text).toContain('Укупно 5 2 +150%');
    expect(text).toContain('Србија 2 Непал 1 Укупно 3');
    expect(text).toMatch(/Страна 1 од \d/);

    const audited = await h.ctx.audit.list({ limit: 5, action: 'report.exported' });
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ targetType: 'report', details: { file: 'summary.pdf', from: '2021-01-01', to: '2021-02-28', lang: 'sr-Cyrl' } });
  });

  it('is the coordinator’s alone, and a bad period or language is a 400 naming the field', async () => {
    for (const role of ['hotline', 'caseworker', 'campaign', 'admin']) expect((await as[role]!('GET', url('period=2021-Q1'))).statusCode, role).toBe(403);
    const bad = await as.coordinator!('GET', url('from=2021-02-30&to=2021-03-31&lang=xx'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'lang']);
    expect((await as.coordinator!('GET', '/api/v1/reports/exports/summary.docx?period=2021-Q1')).statusCode).toBe(404);
    expect(await h.ctx.audit.list({ limit: 5, action: 'report.exported' })).toEqual([]);
  });
});
