import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';

const csv = 'receivedAt,channel,topics\n2019-05-02T09:00:00Z,phone,job_offer_check;migration\n2019-05-03T09:00:00Z,email,other\n';
const asCsv = { 'content-type': 'text/csv; charset=utf-8' };

describeEachDb('importing past contacts from CSV', (dialect) => {
  let h: Harness;
  let hotline: Client;

  const count = async () => Number((await h.ctx.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const importCsv = (body: string, query = '', client = hotline) => client('POST', `/api/v1/contacts/imports${query}`, body, asCsv);

  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
    hotline = await signIn(h.app, 'hotline@example.test');
  });
  afterEach(() => h.close());

  it('reports what a dry run would create and writes nothing', async () => {
    const r = await importCsv(csv, '?dryRun=true');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ rows: 2, created: 2, duplicates: 0, rejected: [] });
    expect(await count()).toBe(0);
  });

  it('imports every row, with its topics, and a second import of the same file creates none', async () => {
    expect((await importCsv(csv)).json()).toEqual({ rows: 2, created: 2, duplicates: 0, rejected: [] });
    expect(await count()).toBe(2);
    expect((await hotline('GET', '/api/v1/contacts?topic=migration')).json().items).toHaveLength(1);
    expect((await importCsv(csv)).json()).toEqual({ rows: 2, created: 0, duplicates: 2, rejected: [] });
    expect((await importCsv(csv, '?dryRun=true')).json()).toEqual({ rows: 2, created: 0, duplicates: 2, rejected: [] });
    expect(await count()).toBe(2);
  });

  it('counts a row repeated within the file once, and a row matching a contact logged by hand as a duplicate', async () => {
    await hotline('POST', '/api/v1/contacts', { receivedAt: '2019-05-04T09:00:00Z', channel: 'sms', topics: ['job_loss'] });
    const file = `${csv}2019-05-02T09:00:00Z,phone,migration;job_offer_check\n2019-05-04T11:00:00+02:00,sms,job_loss\n`;
    expect((await importCsv(file)).json()).toEqual({ rows: 4, created: 2, duplicates: 2, rejected: [] });
    expect(await count()).toBe(3);
  });

  it('rejects the whole file with 422 naming every bad row by its line, and writes nothing', async () => {
    const file = [
      'receivedAt,channel,topics,summary,nationality',
      '2019-05-02T09:00:00Z,phone,job_offer_check,fine,RS',
      '2019-05-03T09:00:00Z,fax,other,,',
      '',
      '2019-05-04T09:00:00Z,email,other,"a note',
      'over two lines",XX',
      '2019-05-05,phone,weather,,',
      '2019-05-06T09:00:00Z,phone',
    ].join('\n');
    const r = await importCsv(file);
    expect(r.statusCode).toBe(422);
    const error = r.json().error;
    expect(error.code).toBe('import_rejected');
    expect(error.details).toMatchObject({ rows: 5, created: 0, duplicates: 0 });
    const rejected = (error.details.rejected as { row: number; field: string }[]).map(({ row, field }) => ({ row, field }));
    expect(rejected).toEqual([
      { row: 3, field: 'channel' },
      { row: 5, field: 'nationality' },
      { row: 7, field: 'receivedAt' },
      { row: 7, field: 'topics' },
      { row: 8, field: '(row)' },
    ]);
    expect(await count()).toBe(0);
    expect((await importCsv(file, '?dryRun=true')).statusCode).toBe(422);
  });

  it('writes nothing when the bad row comes after thousands of good ones', async () => {
    const good = Array.from({ length: 2500 }, (_, i) => `${new Date(Date.UTC(2018, 0, 1) + i * 60_000).toISOString()},phone,job_offer_check`);
    const r = await importCsv(['receivedAt,channel,topics', ...good, '2019-05-03T09:00:00Z,fax,other'].join('\n'));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details).toMatchObject({ rows: 2501, created: 0, rejected: [{ row: 2502, field: 'channel' }] });
    expect(await count()).toBe(0);
    expect(Number((await h.ctx.db.selectFrom('contact_topics').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('rejects a file with an unknown column or without a required one', async () => {
    const unknown = await importCsv('receivedAt,channel,topics,colour\n2019-05-02T09:00:00Z,phone,other,red\n');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.rejected).toEqual([expect.objectContaining({ row: 1, field: 'colour' })]);
    const missing = await importCsv('receivedAt,topics\n2019-05-02T09:00:00Z,other\n');
    expect(missing.json().error.details.rejected).toEqual([expect.objectContaining({ row: 1, field: 'channel', message: 'required column missing' })]);
    expect((await importCsv('')).statusCode).toBe(422);
    expect((await importCsv('receivedAt,channel,topics\n"unclosed,phone,other\n')).statusCode).toBe(422);
    expect(await count()).toBe(0);
  });

  it('imports every contact field, encrypting the free text and finding repeat callers', async () => {
    const file = [
      'receivedAt,channel,topics,language,callerRole,sex,ageGroup,nationality,destinationCountry,heardAbout,summary,referralGiven,jobCheck,callerName,callerPhone,callerEmail,contactMethod,safeTime',
      '2019-05-02T09:00:00Z,phone,job_offer_check,sr-Latn,self,male,18-24,RS,DE,radio,"Offer from ""Agency X"", 2000 EUR",police,"{""risk"":""high""}",Ivan,64 123 4567,ivan@example.test,phone,mornings',
    ].join('\n');
    expect((await importCsv(file)).json().created).toBe(1);
    const [item] = (await hotline('GET', '/api/v1/contacts?phone=0641234567')).json().items;
    const full = (await hotline('GET', `/api/v1/contacts/${item.id}`)).json();
    expect(full).toMatchObject({ summary: 'Offer from "Agency X", 2000 EUR', jobCheck: { risk: 'high' }, callerPhone: '+381641234567', heardAbout: 'radio', source: 'import', status: 'done' });
    const row = await h.ctx.db.selectFrom('contacts').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Agency X');
  });

  it('lets hotline and coordinator import, not caseworkers, and takes an Idempotency-Key', async () => {
    await addUser(h.ctx, 'coordinator@example.test', ['coordinator']);
    await addUser(h.ctx, 'caseworker@example.test', ['caseworker']);
    const coordinator = await signIn(h.app, 'coordinator@example.test');
    const caseworker = await signIn(h.app, 'caseworker@example.test');
    expect((await importCsv(csv, '', caseworker)).statusCode).toBe(403);
    const key = { ...asCsv, 'idempotency-key': 'import-2019' };
    const first = await coordinator('POST', '/api/v1/contacts/imports', csv, key);
    const retry = await coordinator('POST', '/api/v1/contacts/imports', csv, key);
    expect(first.json()).toEqual({ rows: 2, created: 2, duplicates: 0, rejected: [] });
    expect(retry.json()).toEqual(first.json());
    expect(await count()).toBe(2);
  });

  it('asks for CSV when sent something else', async () => {
    const r = await hotline('POST', '/api/v1/contacts/imports', { rows: [] });
    expect(r.statusCode).toBe(415);
    expect((await importCsv(csv, '?dryRun=maybe')).statusCode).toBe(400);
  });
});
