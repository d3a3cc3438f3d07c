import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';
import { localDate } from '../../platform/time.js';

const ROLES = ['caseworker', 'coordinator', 'hotline', 'campaign', 'admin'] as const;
type Clients = Record<(typeof ROLES)[number], Client>;

const PRESUMED = ['dr_nature_of_job', 'dr_housing', 'ec_excessive_hours', 'ec_hazardous_work', 'cd_isolation', 'cd_threat_violence'];

/** A Vietnamese construction worker, as the organisation saw in 2021. */
const vietnameseWorker = {
  status: 'identified',
  identifiedOn: '2021-03-02',
  identifyingBody: 'state_centre',
  openedOn: '2021-02-20',
  sex: 'male',
  age: 41,
  citizenship: 'vn',
  languages: ['vi', 'en'],
  exploitationTypes: ['labour'],
  sector: 'construction',
  countryOfRecruitment: 'VN',
  countryOfExploitation: 'RS',
  placeOfExploitation: 'Zrenjanin',
  recruitmentMethod: 'recruitment_agency',
  recruiterRelation: 'recruitment_agency',
  meansOfControl: ['withholds_documents', 'debt_bondage'],
  referredBy: 'union',
  name: 'Nguyen Van An',
  contact: { phone: '+381 64 123 4567' },
  documentNumbers: [{ type: 'passport', number: 'C1234567', country: 'VN' }],
  notes: 'Passport held by the site manager since arrival.',
};

const SECRETS = ['Nguyen Van An', '123 4567', 'C1234567', 'Passport held by the site manager'];

describeEachDb('victim case files', (dialect) => {
  let h: Harness;
  let as: Clients;
  beforeAll(async () => {
    h = await harness(dialect);
    as = {} as Clients;
    for (const role of ROLES) {
      await addUser(h.ctx, `${role}@example.test`, [role]);
      as[role] = await signIn(h.app, `${role}@example.test`);
    }
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    for (const t of ['case_referrals', 'case_services', 'case_events', 'case_assessments', 'case_status_changes', 'case_reference_counters', 'cases', 'partners'] as const) {
      await h.ctx.db.deleteFrom(t).execute();
    }
  });

  const open = async (body: object = vietnameseWorker, who: Client = as.caseworker) => {
    const r = await who('POST', '/api/v1/cases', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  const caseCount = async () => Number((await h.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe('opening a case', () => {
    it('gives the case a pseudonymous reference in its opening year and returns the whole file to the caseworker', async () => {
      const k = await open();
      expect(k.reference).toBe('LJ-2021-0001');
      expect(k).toMatchObject({ status: 'identified', identifiedOn: '2021-03-02', citizenship: 'VN', age: 41, child: false, name: 'Nguyen Van An', notes: vietnameseWorker.notes });
      expect(k.contact).toEqual({ phone: '+381 64 123 4567' });
      expect(k.statusHistory).toEqual([
        { status: 'identified', decidedOn: '2021-03-02', identifyingBody: 'state_centre', decidedBy: { id: expect.any(String), name: 'caseworker' }, recordedAt: expect.any(String) },
      ]);
      expect((await open({ ...vietnameseWorker, openedOn: '2021-05-01' })).reference).toBe('LJ-2021-0002');
      expect((await open({ ...vietnameseWorker, openedOn: '2020-06-01', identifiedOn: '2020-07-01' })).reference).toBe('LJ-2020-0001');
    });

    it('keeps identity fields, contact details and notes encrypted in the database', async () => {
      const k = await open();
      const row = await h.ctx.db.selectFrom('cases').selectAll().where('id', '=', k.id).executeTakeFirstOrThrow();
      const stored = JSON.stringify(row);
      for (const secret of SECRETS) expect(stored).not.toContain(secret);
      expect(row.name).toMatch(/^v\d+\./);
    });

    it('refuses an identified case without identifiedOn, naming it, and writes nothing', async () => {
      const r = await as.caseworker('POST', '/api/v1/cases', { status: 'identified', sex: 'male', citizenship: 'VN', exploitationTypes: ['labour'] });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details).toEqual([{ field: 'identifiedOn', message: 'required when the status is identified' }]);
      expect(await caseCount()).toBe(0);
    });

    it('names every bad field in one answer, unknown indicators included', async () => {
      const r = await as.caseworker('POST', '/api/v1/cases', {
        status: 'presumed', sex: 'robot', citizenship: 'XX', exploitationTypes: ['labour', 'slavery'], languages: ['not a language!'],
        sector: 'space', age: 200, identifiedOn: '2021-02-30', indicators: ['dr_wages', 'made_up'],
      });
      expect(r.statusCode).toBe(400);
      const fields = (r.json().error.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['sex', 'citizenship', 'exploitationTypes.1', 'languages.0', 'sector', 'age', 'identifiedOn']));
      const semantic = await as.caseworker('POST', '/api/v1/cases', { status: 'potential', identifiedOn: '2021-02-01', sex: 'male', citizenship: 'IN', exploitationTypes: [], indicators: ['dr_wages', 'made_up'] });
      expect(semantic.json().error.details.map((d: { field: string }) => d.field)).toEqual(['identifiedOn', 'indicators.1']);
      expect(semantic.body).toContain('made_up');
      expect(await caseCount()).toBe(0);
    });

    it('refuses an identification day in the future', async () => {
      const tomorrow = localDate(Date.now() + 2 * 86_400_000, 'Europe/Belgrade');
      const r = await as.caseworker('POST', '/api/v1/cases', { ...vietnameseWorker, openedOn: undefined, identifiedOn: tomorrow });
      expect(r.json().error.details).toEqual([{ field: 'identifiedOn', message: 'must not be in the future' }]);
    });

    it('derives the age at identification and the child flag from a date of birth', async () => {
      const k = await open({ status: 'identified', identifiedOn: '2020-09-30', openedOn: '2020-09-01', sex: 'female', citizenship: 'RS', exploitationTypes: ['labour'], dateOfBirth: '2002-10-01' });
      expect(k).toMatchObject({ age: 17, child: true, dateOfBirth: '2002-10-01' });
      const wrong = await as.caseworker('POST', '/api/v1/cases', { status: 'potential', sex: 'female', citizenship: 'RS', exploitationTypes: [], dateOfBirth: '2002-10-01', age: 30, openedOn: '2020-09-01' });
      expect(wrong.json().error.details).toEqual([{ field: 'age', message: 'does not match dateOfBirth, which gives 17 on 2020-09-01' }]);
    });

    it('takes effect once for a retried request with the same Idempotency-Key', async () => {
      const first = await as.caseworker('POST', '/api/v1/cases', vietnameseWorker, { 'idempotency-key': 'case-1' });
      const again = await as.caseworker('POST', '/api/v1/cases', vietnameseWorker, { 'idempotency-key': 'case-1' });
      expect(again.statusCode).toBe(201);
      expect(again.json().id).toBe(first.json().id);
      expect(await caseCount()).toBe(1);
    });

    it('hands out distinct references in sequence when many cases open at once', async () => {
      const made = await Promise.all(Array.from({ length: 12 }, () => as.caseworker('POST', '/api/v1/cases', { ...vietnameseWorker, openedOn: '2022-01-10', identifiedOn: '2022-01-10' })));
      expect(made.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
      const refs = made.map((r) => r.json().reference as string).sort();
      expect(refs).toEqual(Array.from({ length: 12 }, (_, i) => `LJ-2022-${String(i + 1).padStart(4, '0')}`));
    });
  });

  describe('who sees what', () => {
    it('shows the coordinator the case without identity, contact, document or note fields', async () => {
      const k = await open({ ...vietnameseWorker, indicators: [{ id: 'dr_nature_of_job', note: 'Promised a job in Germany' }, 'dr_housing'] });
      const r = await as.coordinator('GET', `/api/v1/cases/${k.id}`);
      expect(r.statusCode).toBe(200);
      for (const secret of [...SECRETS, 'Promised a job in Germany']) expect(r.body).not.toContain(secret);
      const body = r.json();
      for (const field of ['name', 'dateOfBirth', 'contact', 'documentNumbers', 'notes']) expect(body).not.toHaveProperty(field);
      expect(body).toMatchObject({ reference: k.reference, sex: 'male', age: 41, citizenship: 'VN', sector: 'construction', indicators: [{ id: 'dr_nature_of_job' }, { id: 'dr_housing' }] });
    });

    it('lets the hotline open a potential case from a contact and get back only its reference, but never read it', async () => {
      const call = await as.hotline('POST', '/api/v1/contacts', { receivedAt: new Date().toISOString(), channel: 'phone', topics: ['labour_rights'] });
      expect(call.statusCode, call.body).toBe(201);
      const contactId = call.json().id as string;
      const potential = { status: 'potential', sex: 'male', citizenship: 'IN', exploitationTypes: ['labour'], referredBy: 'hotline', name: 'Caller' };
      // A contact id that names no contact is refused, and nothing is opened.
      const wrong = await as.hotline('POST', '/api/v1/cases', { ...potential, contactId: 'contact-17' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details).toEqual([{ field: 'contactId', message: 'no helpline contact has the id contact-17' }]);
      expect(await caseCount()).toBe(0);
      const r = await as.hotline('POST', '/api/v1/cases', { ...potential, contactId });
      expect(r.statusCode).toBe(201);
      expect(Object.keys(r.json()).sort()).toEqual(['id', 'reference', 'status']);
      expect((await as.hotline('GET', `/api/v1/cases/${r.json().id}`)).statusCode).toBe(403);
      expect((await as.hotline('GET', '/api/v1/cases')).statusCode).toBe(403);
      expect((await as.hotline('PATCH', `/api/v1/cases/${r.json().id}`, { sector: 'construction' })).statusCode).toBe(403);
      const k = await as.caseworker('GET', `/api/v1/cases/${r.json().id}`);
      expect(k.json()).toMatchObject({ contactId, referredBy: 'hotline', name: 'Caller', status: 'potential' });
      expect((await as.caseworker('PATCH', `/api/v1/cases/${r.json().id}`, { contactId: 'contact-18' })).json().error.details).toEqual([{ field: 'contactId', message: 'no helpline contact has the id contact-18' }]);
      expect((await as.caseworker('PATCH', `/api/v1/cases/${r.json().id}`, { contactId: null })).json().contactId).toBeNull();
    });

    it('does not let the hotline decide a status or make an assessment', async () => {
      const base = { sex: 'male', citizenship: 'IN', exploitationTypes: ['labour'] };
      expect((await as.hotline('POST', '/api/v1/cases', { ...base, status: 'presumed' })).statusCode).toBe(403);
      expect((await as.hotline('POST', '/api/v1/cases', { ...base, status: 'potential', indicators: ['dr_wages'] })).statusCode).toBe(403);
      expect(await caseCount()).toBe(0);
    });

    it('gives the campaign role and an administrator alone nothing', async () => {
      const k = await open();
      for (const who of [as.campaign, as.admin]) {
        expect((await who('GET', `/api/v1/cases/${k.id}`)).statusCode).toBe(403);
        expect((await who('GET', '/api/v1/cases')).statusCode).toBe(403);
        expect((await who('POST', '/api/v1/cases', vietnameseWorker)).statusCode).toBe(403);
        expect((await who('GET', `/api/v1/cases/${k.id}/timeline`)).statusCode).toBe(403);
      }
      expect((await h.app.inject({ method: 'GET', url: `/api/v1/cases/${k.id}` })).statusCode).toBe(401);
    });

    it('gives a user who is both coordinator and caseworker the whole file', async () => {
      await addUser(h.ctx, 'both@example.test', ['coordinator', 'caseworker']);
      const both = await signIn(h.app, 'both@example.test');
      const k = await open();
      expect((await both('GET', `/api/v1/cases/${k.id}`)).json().name).toBe('Nguyen Van An');
    });

    it('audits every read of a case file, and never with a secret value', async () => {
      const k = await open();
      await as.coordinator('GET', `/api/v1/cases/${k.id}`);
      await as.caseworker('GET', `/api/v1/cases/${k.id}/timeline`);
      const events = await h.ctx.db.selectFrom('audit_events').selectAll().where('target_id', '=', k.id).orderBy('seq').execute();
      expect(events.map((e) => e.action)).toEqual(['case.created', 'case.read', 'case.read']);
      expect(JSON.parse(events[1]!.details)).toEqual({ part: 'file' });
      const all = JSON.stringify(await h.ctx.db.selectFrom('audit_events').selectAll().execute());
      for (const secret of SECRETS) expect(all).not.toContain(secret);
    });

    it('lists the allowed values for the forms, sectors with their ISIC section', async () => {
      const r = await as.hotline('GET', '/api/v1/cases/vocabularies');
      expect(r.statusCode).toBe(200);
      expect(r.json().sectors).toContainEqual({ id: 'construction', isicSection: 'F' });
      expect(r.json().exploitationTypes).toEqual(['labour', 'sexual', 'forced_criminality', 'forced_begging', 'forced_marriage', 'domestic_servitude', 'organ_removal', 'other']);
      expect((await as.campaign('GET', '/api/v1/cases/vocabularies')).statusCode).toBe(403);
    });

    it('answers 404 for a case that does not exist', async () => {
      expect((await as.caseworker('GET', '/api/v1/cases/no-such-case')).statusCode).toBe(404);
      expect((await as.caseworker('PATCH', '/api/v1/cases/no-such-case', { sector: 'care' })).statusCode).toBe(404);
    });
  });

  describe('changing a case', () => {
    it('moves through potential, presumed, identified and closed, dating each step with who decided and which body', async () => {
      const k = await open({ status: 'potential', openedOn: '2021-01-05', sex: 'female', citizenship: 'PH', exploitationTypes: ['domestic_servitude'], sector: 'domestic_work' });
      await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { status: 'presumed', statusDate: '2021-01-20', identifyingBody: 'ngo' });
      const refused = await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { status: 'identified' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([{ field: 'identifiedOn', message: 'required when the status is identified' }]);
      await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { status: 'identified', identifiedOn: '2021-02-03', identifyingBody: 'state_centre' });
      const closed = await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { status: 'closed', statusDate: '2022-06-30' });
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ status: 'closed', identifiedOn: '2021-02-03', closedOn: '2022-06-30' });
      expect(closed.json().statusHistory.map((s: { status: string; decidedOn: string; identifyingBody: string | null }) => [s.status, s.decidedOn, s.identifyingBody])).toEqual([
        ['potential', '2021-01-05', null],
        ['presumed', '2021-01-20', 'ngo'],
        ['identified', '2021-02-03', 'state_centre'],
        ['closed', '2022-06-30', null],
      ]);
    });

    it('refuses to step back from identified while the identification day stands, and withdraws it when asked', async () => {
      const k = await open();
      const r = await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { status: 'presumed' });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details[0].field).toBe('identifiedOn');
      const ok = await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { status: 'presumed', identifiedOn: null });
      expect(ok.json()).toMatchObject({ status: 'presumed', identifiedOn: null });
    });

    it('refuses a status date or body without a change of status, and an empty change', async () => {
      const k = await open();
      const r = await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { identifyingBody: 'police' });
      expect(r.json().error.details).toEqual([{ field: 'identifyingBody', message: 'goes with a change of status' }]);
      expect((await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, {})).statusCode).toBe(400);
      const unknown = await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { secotr: 'care' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('secotr');
    });

    it('lists who changed which field and when, with values only for fields the reader may see', async () => {
      const k = await open();
      await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { sector: 'manufacturing', name: 'Nguyen Van Binh', notes: 'Moved to a shelter.' });
      const tl = await as.coordinator('GET', `/api/v1/cases/${k.id}/timeline`);
      expect(tl.statusCode).toBe(200);
      const items = tl.json().items as { action: string; fields: string[]; changes: Record<string, unknown>; actor: { name: string } }[];
      expect(items.map((i) => i.action)).toEqual(['created', 'updated']);
      expect(items[1]).toMatchObject({ fields: ['sector', 'name', 'notes'], changes: { sector: { from: 'construction', to: 'manufacturing' } }, actor: { name: 'caseworker' } });
      expect(Object.keys(items[1]!.changes)).toEqual(['sector']);
      for (const secret of [...SECRETS, 'Nguyen Van Binh', 'Moved to a shelter']) expect(tl.body).not.toContain(secret);
      const audit = await h.ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'case.updated').where('target_id', '=', k.id).executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toEqual({ fields: ['sector', 'name', 'notes'] });
    });

    it('keeps the age in step with the date of birth when the identification day changes', async () => {
      const k = await open({ status: 'presumed', openedOn: '2020-05-01', sex: 'male', citizenship: 'RS', exploitationTypes: ['labour'], dateOfBirth: '2002-06-15' });
      expect(k).toMatchObject({ age: 17, child: true });
      const r = await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { status: 'identified', identifiedOn: '2020-07-01' });
      expect(r.json()).toMatchObject({ age: 18, child: false });
    });
  });

  describe('the identification assessment in a case', () => {
    it('saves each assessment as a new version with the engine\'s result', async () => {
      const k = await open({ ...vietnameseWorker, indicators: PRESUMED.slice(0, 4) });
      expect(k.assessment).toMatchObject({ version: 1, result: { presumedVictim: false } });
      const r = await as.caseworker('POST', `/api/v1/cases/${k.id}/assessments`, { indicators: [...PRESUMED, { id: 'cd_isolation', note: 'Locked in the barracks at night' }] });
      expect(r.statusCode).toBe(201);
      expect(r.json()).toMatchObject({ version: 2, result: { presumedVictim: true, types: ['deceptive'] } });
      expect(r.json().indicators).toContainEqual({ id: 'cd_isolation', note: 'Locked in the barracks at night' });
      await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { indicators: ['ec_excessive_hours'] });
      const versions = await as.coordinator('GET', `/api/v1/cases/${k.id}/assessments`);
      expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
      expect(versions.body).not.toContain('Locked in the barracks');
      const file = await as.caseworker('GET', `/api/v1/cases/${k.id}`);
      expect(file.json().indicators).toEqual([{ id: 'ec_excessive_hours' }]);
      const stored = JSON.stringify(await h.ctx.db.selectFrom('case_assessments').selectAll().execute());
      expect(stored).not.toContain('Locked in the barracks');
    });

    it('applies the child rule to a child\'s case', async () => {
      const k = await open({ status: 'presumed', sex: 'female', age: 15, citizenship: 'RS', exploitationTypes: ['labour'], indicators: ['ec_excessive_hours', 'ec_low_or_no_salary'] });
      expect(k.assessment.result).toMatchObject({ child: true, presumedVictim: true });
    });

    it('answers 400 naming an unknown indicator and saves no version', async () => {
      const k = await open();
      const r = await as.caseworker('POST', `/api/v1/cases/${k.id}/assessments`, { indicators: ['dr_wages', { id: 'nope' }] });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details).toEqual([{ field: 'indicators.1', message: 'unknown indicator nope' }]);
      expect((await h.ctx.db.selectFrom('case_assessments').selectAll().execute()).length).toBe(0);
    });
  });

  describe('lists', () => {
    it('filters by status and by days of identification, newest first, page by page', async () => {
      const ids: string[] = [];
      for (const day of ['2021-01-31', '2021-02-01', '2021-02-15', '2021-02-28', '2021-03-01']) ids.push((await open({ ...vietnameseWorker, openedOn: '2021-01-01', identifiedOn: day })).id);
      await open({ status: 'potential', sex: 'male', citizenship: 'IN', exploitationTypes: ['labour'] });
      const first = await as.coordinator('GET', '/api/v1/cases?status=identified&from=2021-02-01&to=2021-02-28&limit=2');
      expect(first.statusCode).toBe(200);
      expect(first.json().items.map((i: { id: string }) => i.id)).toEqual([ids[3], ids[2]]);
      expect(first.body).not.toContain('Nguyen');
      const second = await as.coordinator('GET', `/api/v1/cases?status=identified&from=2021-02-01&to=2021-02-28&limit=2&cursor=${first.json().nextCursor}`);
      expect(second.json()).toEqual({ items: [expect.objectContaining({ id: ids[1], identifiedOn: '2021-02-01' })], nextCursor: null });
      expect((await as.coordinator('GET', '/api/v1/cases?status=potential')).json().items).toHaveLength(1);
    });

    it('finds a case by part of its reference', async () => {
      await open();
      const k = await open();
      expect((await as.caseworker('GET', '/api/v1/cases?q=2021-0002')).json().items.map((i: { id: string }) => i.id)).toEqual([k.id]);
    });

    it('answers 400 to a bad filter or cursor', async () => {
      const r = await as.coordinator('GET', '/api/v1/cases?status=lost&from=2021-13-01&to=2021-01-01');
      expect(r.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'status']);
      expect((await as.coordinator('GET', '/api/v1/cases?from=2021-02-01&to=2021-01-01')).json().error.details[0].field).toBe('to');
      expect((await as.coordinator('GET', '/api/v1/cases?cursor=garbage')).statusCode).toBe(400);
    });

    it('gives statistics the anonymous facts of victims identified in a period', async () => {
      await open({ ...vietnameseWorker, identifiedOn: '2021-02-10' });
      await open({ status: 'identified', identifiedOn: '2021-02-11', sex: 'female', age: 15, citizenship: 'RS', exploitationTypes: ['labour', 'sexual'] });
      await open({ ...vietnameseWorker, identifiedOn: '2021-04-01' });
      const { CasesService } = await import('./cases.service.js');
      const victims = await new CasesService(h.ctx).identifiedBetween('2021-02-01', '2021-02-28');
      expect(victims).toEqual([
        { status: 'identified', identifiedOn: '2021-02-10', sex: 'male', age: 41, child: false, citizenship: 'VN', exploitationTypes: ['labour'], sector: 'construction' },
        { status: 'identified', identifiedOn: '2021-02-11', sex: 'female', age: 15, child: true, citizenship: 'RS', exploitationTypes: ['labour', 'sexual'], sector: null },
      ]);
    });
  });

  it('keeps case files readable after the encryption key is rotated', async () => {
    const k = await open({ ...vietnameseWorker, indicators: [{ id: 'cd_documents', note: 'Passport in the site office' }] });
    const { rotateKeys } = await import('../../platform/key-rotation.js');
    const { version } = await rotateKeys(h.ctx);
    const row = await h.ctx.db.selectFrom('cases').select(['name', 'notes']).where('id', '=', k.id).executeTakeFirstOrThrow();
    expect([row.name, row.notes].map((v) => h.ctx.cipher.versionOf(v!))).toEqual([version, version]);
    const file = (await as.caseworker('GET', `/api/v1/cases/${k.id}`)).json();
    expect(file).toMatchObject({ name: 'Nguyen Van An', notes: vietnameseWorker.notes, indicators: [{ id: 'cd_documents', note: 'Passport in the site office' }] });
  });

  it('stores nothing a second time and never half a change when a write fails', async () => {
    const k = await open();
    const r = await as.caseworker('PATCH', `/api/v1/cases/${k.id}`, { sector: 'care', indicators: ['nope'] });
    expect(r.statusCode).toBe(400);
    expect((await as.caseworker('GET', `/api/v1/cases/${k.id}`)).json().sector).toBe('construction');
    expect(Number((await sql<{ n: number }>`select count(*) as n from case_events where case_id = ${k.id}`.execute(h.ctx.db)).rows[0]!.n)).toBe(1);
  });
});
