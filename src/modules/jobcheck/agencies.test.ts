import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';

// As the ministry publishes it: Serbian headers, dates with dots, a row number and a column we do not keep.
const LIST = [
  'R. br.,Naziv agencije,Matični broj,Broj dozvole,Datum izdavanja dozvole,Sedište,Telefon',
  '1,POSAO PLUS DOO BEOGRAD,21234567,1-2019,12.03.2019.,"Knez Mihailova 1, Beograd",011 123 456',
  '2,Radni Most d.o.o.,07654321,5-2021,01.02.2021.,"Bulevar oslobođenja 10, Novi Sad",',
  '3,Global Work Agency d.o.o.,20999888,12-2022,2022-06-30,,',
].join('\n');
const csv = { 'content-type': 'text/csv; charset=utf-8' };

describeEachDb('the register of licensed employment agencies', (dialect) => {
  let h: Harness;
  let coordinator: Client;

  const importList = (body: string, query = '') => coordinator('POST', `/api/v1/agencies/imports${query}`, body, csv);
  const listed = async (q = '') => (await h.app.inject({ url: `/api/v1/agencies${q}` })).json();
  const check = async (payload: object) => (await h.app.inject({ method: 'POST', url: '/api/v1/job-checks', payload })).json();

  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'coordinator@example.test', ['coordinator']);
    coordinator = await signIn(h.app, 'coordinator@example.test');
  });
  afterEach(() => h.close());

  it('imports the ministry list, leaving aside the columns it does not keep, and lists it for anyone', async () => {
    const r = await importList(LIST);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0, delisted: 0, ignoredColumns: ['R. br.', 'Telefon'], rejected: [] });
    const { items, nextCursor } = await listed();
    expect(nextCursor).toBeNull();
    expect(items.map((a: { name: string }) => a.name)).toEqual(['Global Work Agency d.o.o.', 'POSAO PLUS DOO BEOGRAD', 'Radni Most d.o.o.']);
    expect(items[1]).toMatchObject({ registrationNumber: '21234567', licenceNumber: '1-2019', licenceDate: '2019-03-12', address: 'Knez Mihailova 1, Beograd', listed: true });
    expect((await listed('?q=radni')).items.map((a: { name: string }) => a.name)).toEqual(['Radni Most d.o.o.']);
    expect((await listed('?q=0765')).items.map((a: { name: string }) => a.name)).toEqual(['Radni Most d.o.o.']);
    const page = await listed('?limit=2');
    expect(page.items).toHaveLength(2);
    expect((await listed(`?limit=2&cursor=${page.nextCursor}`)).items.map((a: { name: string }) => a.name)).toEqual(['Radni Most d.o.o.']);
    const audit = await h.ctx.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'agencies.imported').execute();
    expect(audit).toHaveLength(1);
  });

  it('lists every bad row and why in a dry run, and writes nothing', async () => {
    const bad = `${LIST}\n4,,1234,,31.02.2020.,,\n5,Druga Agencija,21234567,9-2020,,,`;
    const dry = await importList(bad, '?dryRun');
    expect(dry.statusCode).toBe(422);
    expect(dry.json().error.code).toBe('import_rejected');
    expect(dry.json().error.details.rejected).toEqual([
      { row: 5, field: 'name', message: 'required' },
      { row: 5, field: 'registrationNumber', message: 'must be the 8-digit registration number (matični broj)' },
      { row: 5, field: 'licenceNumber', message: 'required' },
      { row: 5, field: 'licenceDate', message: 'must be a date such as 12.03.2019. or 2019-03-12, not in the future' },
      { row: 6, field: 'registrationNumber', message: 'the same registration number as line 2' },
    ]);
    expect((await importList(bad)).statusCode).toBe(422);
    const good = await importList(LIST, '?dryRun=true');
    expect(good.json()).toMatchObject({ rows: 3, created: 3 });
    expect((await listed()).items).toEqual([]);
  });

  it('refuses a file without the required columns or without any agency', async () => {
    const r = await importList('Naziv,Adresa\nPosao Plus,Beograd');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.rejected.map((x: { field: string }) => x.field)).toEqual(['registrationNumber', 'licenceNumber']);
    expect((await importList('name,registrationNumber,licenceNumber\n')).json().error.details.rejected[0].message).toMatch(/no agencies/);
  });

  it('updates agencies on a new list rather than adding them twice, and takes off the register those it no longer holds', async () => {
    await importList(LIST);
    const next = ['Naziv agencije,Matični broj,Broj dozvole,Datum izdavanja dozvole,Sedište', 'POSAO PLUS DOO BEOGRAD,21234567,1-2019,12.03.2019.,"Terazije 5, Beograd"', 'Radni Most d.o.o.,07654321,5-2021,01.02.2021.,"Bulevar oslobođenja 10, Novi Sad"'].join('\n');
    expect((await importList(next)).json()).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1, delisted: 1 });
    expect((await importList(next)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, delisted: 0 });
    expect(await h.ctx.db.selectFrom('agencies').select('name').execute()).toHaveLength(3);
    expect((await listed()).items.map((a: { address: string }) => a.address)).toEqual(['Terazije 5, Beograd', 'Bulevar oslobođenja 10, Novi Sad']);
    expect((await check({ answers: { agency_name: 'Global Work Agency' } })).signals.map((s: { id: string }) => s.id)).toEqual(['unlicensed_agency']);
  });

  it('lets only coordinators and administrators import', async () => {
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
    const hotline = await signIn(h.app, 'hotline@example.test');
    expect((await hotline('POST', '/api/v1/agencies/imports', LIST, csv)).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/agencies/imports', payload: LIST, headers: csv })).statusCode).toBe(401);
    expect((await coordinator('POST', '/api/v1/agencies/imports', { rows: [] })).statusCode).toBe(415);
  });

  it('tells in the check whether an agency named in the offer or typed in the answers is on the register, as soon as it is imported', async () => {
    const offer = 'Agencija Posao Plus traži zidare za Nemačku. Plata 2.000 evra mesečno, smeštaj obezbeđen. Pozovite 064 123 4567.';
    expect((await check({ text: offer })).signals.map((s: { id: string }) => s.id)).not.toContain('unlicensed_agency');
    await importList(LIST);
    const named = await check({ text: offer, lang: 'en' });
    expect(named.signals.map((s: { id: string }) => s.id)).not.toContain('unlicensed_agency');
    expect(named.advice).toContain('POSAO PLUS DOO BEOGRAD is on the register of licensed employment agencies. This is a good sign, but check the rest of the offer too.');
    const unknown = await check({ text: offer.replace('Posao Plus', 'Euro Poslovi'), lang: 'en' });
    expect(unknown.signals.find((s: { id: string }) => s.id === 'unlicensed_agency')).toMatchObject({ severity: 'high', evidence: 'Euro Poslovi' });
    const typed = await check({ answers: { agency_name: 'Radni most' }, lang: 'en' });
    expect(typed.advice[0]).toBe('Radni Most d.o.o. is on the register of licensed employment agencies. This is a good sign, but check the rest of the offer too.');
  });
});
