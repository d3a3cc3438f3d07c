import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';

const inspection = {
  name: 'Labour Inspectorate, Novi Sad unit',
  kind: 'labour_inspection',
  country: 'rs',
  city: 'Novi Sad',
  sectors: ['construction', 'agriculture', 'construction'],
  languages: ['sr-latn', 'en'],
  website: 'https://example.org/inspection',
  contacts: [{ name: 'Duty inspector', phone: '+381 21 000 000', email: 'duty@example.org' }],
};

describeEachDb('the partner directory', (dialect) => {
  let h: Harness;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    h = await harness(dialect);
    for (const role of ['caseworker', 'coordinator', 'hotline', 'campaign', 'admin'] as const) {
      await addUser(h.ctx, `${role}@example.test`, [role]);
      as[role] = await signIn(h.app, `${role}@example.test`);
    }
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.ctx.db.deleteFrom('partners').execute();
  });

  it('adds a partner with its sectors and contacts, normalising codes and dropping repeats', async () => {
    const r = await as.coordinator!('POST', '/api/v1/partners', inspection);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'labour_inspection', country: 'RS', sectors: ['construction', 'agriculture'], languages: ['sr-Latn', 'en'], active: true });
    expect(r.json().contacts).toEqual(inspection.contacts);
    const stored = JSON.stringify(await h.ctx.db.selectFrom('partners').selectAll().execute());
    expect(stored).not.toContain('duty@example.org');
  });

  it('lets every operational role read the directory and only caseworkers and coordinators change it', async () => {
    const id = (await as.caseworker!('POST', '/api/v1/partners', inspection)).json().id as string;
    for (const role of ['caseworker', 'coordinator', 'hotline', 'campaign']) {
      expect((await as[role]!('GET', `/api/v1/partners/${id}`)).statusCode).toBe(200);
    }
    expect((await as.admin!('GET', '/api/v1/partners')).statusCode).toBe(403);
    for (const role of ['hotline', 'campaign', 'admin']) {
      expect((await as[role]!('POST', '/api/v1/partners', inspection)).statusCode).toBe(403);
      expect((await as[role]!('PATCH', `/api/v1/partners/${id}`, { active: false })).statusCode).toBe(403);
    }
  });

  it('names every bad field of a partner', async () => {
    const r = await as.coordinator!('POST', '/api/v1/partners', { name: '', kind: 'bank', country: 'XX', sectors: ['space'], website: 'ftp://x', contacts: [{}] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['contacts.0', 'country', 'kind', 'name', 'sectors.0', 'website']);
  });

  it('finds partners by kind, sector and part of the name, page by page, and hides inactive ones unless asked', async () => {
    const add = (body: object) => as.coordinator!('POST', '/api/v1/partners', { ...inspection, ...body });
    await add({ name: 'Embassy of India', kind: 'embassy', city: 'Belgrade', sectors: [] });
    await add({ name: 'Independent construction union', kind: 'union', sectors: ['construction'] });
    await add({ name: 'Shelter 100% safe_house', kind: 'shelter', sectors: ['domestic_work'] });
    const gone = (await add({ name: 'Closed shelter', kind: 'shelter', sectors: [] })).json().id as string;
    await as.coordinator!('PATCH', `/api/v1/partners/${gone}`, { active: false });
    const names = async (query: string) => (await as.hotline!('GET', `/api/v1/partners?${query}`)).json().items.map((p: { name: string }) => p.name);
    expect(await names('kind=shelter')).toEqual(['Shelter 100% safe_house']);
    expect(await names('kind=shelter&active=all')).toEqual(['Closed shelter', 'Shelter 100% safe_house']);
    expect(await names('sector=construction')).toEqual(['Independent construction union']);
    expect(await names('q=EMBASSY')).toEqual(['Embassy of India']);
    expect(await names('q=100%25')).toEqual(['Shelter 100% safe_house']);
    expect(await names('q=e_h')).toEqual(['Shelter 100% safe_house']);
    const first = (await as.hotline!('GET', '/api/v1/partners?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await as.hotline!('GET', `/api/v1/partners?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ name: 'Shelter 100% safe_house' })], nextCursor: null });
  });

  it('records changes in the audit trail by field name only', async () => {
    const id = (await as.coordinator!('POST', '/api/v1/partners', inspection)).json().id as string;
    const r = await as.coordinator!('PATCH', `/api/v1/partners/${id}`, { contacts: [{ phone: '+381 11 222 333' }], city: null });
    expect(r.json()).toMatchObject({ city: null, contacts: [{ phone: '+381 11 222 333' }] });
    const audit = await h.ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'partner.updated').where('target_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ fields: ['contacts', 'city'] });
    expect((await as.coordinator!('PATCH', '/api/v1/partners/nope', { active: false })).statusCode).toBe(404);
  });
});
