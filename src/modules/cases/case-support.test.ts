import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';
import { addDays } from '../../platform/time.js';
import { yearsBefore } from './case-dates.js';
import { CasesService } from './cases.service.js';

/** A Filipina domestic worker whose employer kept her passport. */
const domesticWorker = {
  status: 'identified', identifiedOn: '2021-04-12', openedOn: '2021-04-01', sex: 'female', age: 34, citizenship: 'PH', languages: ['en', 'fil'],
  exploitationTypes: ['labour', 'domestic_servitude'], sector: 'domestic_work', countryOfExploitation: 'RS', placeOfExploitation: 'Belgrade',
  meansOfControl: ['withholds_documents', 'restricts_movement'], name: 'Maria Santos', notes: 'Employer keeps her passport in a safe.',
};

describeEachDb('services, referrals and retention', (dialect) => {
  let h: Harness;
  let caseworker: Client;
  let coordinator: Client;
  let shelterId: string;
  let today: string;
  beforeAll(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'caseworker@example.test', ['caseworker']);
    await addUser(h.ctx, 'other@example.test', ['caseworker']);
    await addUser(h.ctx, 'coordinator@example.test', ['coordinator']);
    caseworker = await signIn(h.app, 'caseworker@example.test');
    coordinator = await signIn(h.app, 'coordinator@example.test');
    shelterId = (await coordinator('POST', '/api/v1/partners', { name: 'Safe House Belgrade', kind: 'shelter', country: 'RS' })).json().id;
    today = new CasesService(h.ctx).today();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    for (const t of ['case_referrals', 'case_services', 'case_events', 'case_assessments', 'case_status_changes', 'cases'] as const) await h.ctx.db.deleteFrom(t).execute();
  });

  const open = async (body: object = domesticWorker) => (await caseworker('POST', '/api/v1/cases', body)).json() as { id: string; reference: string };

  describe('services delivered', () => {
    it('records a service with dates, provider and outcome, and shows the coordinator all but the outcome', async () => {
      const k = await open();
      const s = await caseworker('POST', `/api/v1/cases/${k.id}/services`, { kind: 'accommodation', startedOn: '2021-04-12', partnerId: shelterId, outcome: 'Placed in a single room; feels safe.' });
      expect(s.statusCode).toBe(201);
      expect(s.json()).toMatchObject({ kind: 'accommodation', startedOn: '2021-04-12', endedOn: null, partner: { id: shelterId, name: 'Safe House Belgrade', kind: 'shelter' }, outcome: 'Placed in a single room; feels safe.' });
      await caseworker('POST', `/api/v1/cases/${k.id}/services`, { kind: 'interpretation', startedOn: '2021-04-13', provider: 'Court interpreter (Tagalog)' });
      const ended = await caseworker('PATCH', `/api/v1/cases/${k.id}/services/${s.json().id}`, { endedOn: '2021-06-30' });
      expect(ended.json()).toMatchObject({ endedOn: '2021-06-30', outcome: 'Placed in a single room; feels safe.' });
      const seen = await coordinator('GET', `/api/v1/cases/${k.id}`);
      expect(seen.json().services.map((x: { kind: string }) => x.kind)).toEqual(['accommodation', 'interpretation']);
      expect(seen.body).not.toContain('feels safe');
      expect(seen.json().services[0]).not.toHaveProperty('outcome');
    });

    it('refuses a service that ends before it starts or names an unknown partner', async () => {
      const k = await open();
      const r = await caseworker('POST', `/api/v1/cases/${k.id}/services`, { kind: 'legal_aid', startedOn: '2021-05-01', endedOn: '2021-04-01', partnerId: 'nobody' });
      expect(r.json().error.details.map((d: { field: string }) => d.field)).toEqual(['endedOn', 'partnerId']);
      expect((await caseworker('POST', '/api/v1/cases/nope/services', { kind: 'legal_aid', startedOn: '2021-05-01' })).statusCode).toBe(404);
    });
  });

  describe('referrals', () => {
    it('refuses a referral without the victim\'s recorded consent', async () => {
      const k = await open();
      const none = await caseworker('POST', `/api/v1/cases/${k.id}/referrals`, { partnerId: shelterId, purpose: 'accommodation', referredOn: '2021-04-12' });
      expect(none.json().error.details.map((d: { field: string }) => d.field)).toEqual(['consent']);
      const refused = await caseworker('POST', `/api/v1/cases/${k.id}/referrals`, { partnerId: shelterId, purpose: 'accommodation', referredOn: '2021-04-12', consent: { given: false, on: '2021-04-12' } });
      expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['consent.given']);
      const late = await caseworker('POST', `/api/v1/cases/${k.id}/referrals`, { partnerId: shelterId, purpose: 'accommodation', referredOn: '2021-04-12', consent: { given: true, on: '2021-04-13' } });
      expect(late.json().error.details).toEqual([{ field: 'consent.on', message: 'consent comes before the referral: must not be after referredOn' }]);
    });

    it('follows a referral from planned to completed, recording each change on the timeline without its notes', async () => {
      const k = await open();
      const r = await caseworker('POST', `/api/v1/cases/${k.id}/referrals`, {
        partnerId: shelterId, purpose: 'accommodation', referredOn: '2021-04-12', consent: { given: true, on: '2021-04-12' }, followUpOn: '2021-04-19', notes: 'Needs a room away from the employer\'s district.',
      });
      expect(r.statusCode).toBe(201);
      expect(r.json()).toMatchObject({ status: 'planned', consent: { given: true, on: '2021-04-12' }, followUpOn: '2021-04-19', partner: { name: 'Safe House Belgrade' } });
      const done = await caseworker('PATCH', `/api/v1/cases/${k.id}/referrals/${r.json().id}`, { status: 'completed', followUpOn: null });
      expect(done.json()).toMatchObject({ status: 'completed', followUpOn: null, notes: 'Needs a room away from the employer\'s district.' });
      const tl = await coordinator('GET', `/api/v1/cases/${k.id}/timeline`);
      const last = tl.json().items.at(-1);
      expect(last).toMatchObject({ action: 'referral_updated', fields: ['status', 'followUpOn'], changes: { status: { from: 'planned', to: 'completed' } } });
      expect(tl.body).not.toContain('employer\'s district');
      const file = await coordinator('GET', `/api/v1/cases/${k.id}`);
      expect(file.json().referrals[0]).not.toHaveProperty('notes');
    });

    it('lists the follow-ups that are due, the most overdue first, and only open referrals', async () => {
      const a = await open();
      const b = await open({ ...domesticWorker, name: 'Other person' });
      const refer = (caseId: string, followUpOn: string, who = caseworker) =>
        who('POST', `/api/v1/cases/${caseId}/referrals`, { partnerId: shelterId, purpose: 'legal_aid', referredOn: '2021-04-12', consent: { given: true, on: '2021-04-12' }, followUpOn });
      await refer(a.id, addDays(today, -3));
      await refer(b.id, addDays(today, -10));
      await refer(a.id, addDays(today, 5));
      const closed = (await refer(b.id, addDays(today, -1))).json().id;
      await caseworker('PATCH', `/api/v1/cases/${b.id}/referrals/${closed}`, { status: 'declined' });
      const other = await signIn(h.app, 'other@example.test');
      await refer(a.id, today, other);

      const due = await caseworker('GET', '/api/v1/cases/follow-ups');
      expect(due.statusCode).toBe(200);
      expect(due.json().items.map((i: { reference: string; daysOverdue: number }) => [i.reference, i.daysOverdue])).toEqual([[b.reference, 10], [a.reference, 3], [a.reference, 0]]);
      expect(due.body).not.toContain('Maria');
      const mine = await other('GET', '/api/v1/cases/follow-ups?mine=true');
      expect(mine.json().items).toHaveLength(1);
      const page = await caseworker('GET', '/api/v1/cases/follow-ups?limit=2');
      const rest = await caseworker('GET', `/api/v1/cases/follow-ups?limit=2&cursor=${page.json().nextCursor}`);
      expect(rest.json().items.map((i: { daysOverdue: number }) => i.daysOverdue)).toEqual([0]);
      expect((await caseworker('GET', `/api/v1/cases/follow-ups?on=${addDays(today, 5)}`)).json().items).toHaveLength(4);
      expect((await coordinator('GET', '/api/v1/cases/follow-ups')).statusCode).toBe(403);
    });
  });

  describe('retention', () => {
    const closeOn = async (id: string, day: string) => {
      const r = await caseworker('PATCH', `/api/v1/cases/${id}`, { status: 'closed', statusDate: day });
      expect(r.statusCode).toBe(200);
    };

    it('erases identity, notes and free text of cases closed longer than the retention period, and keeps their facts', async () => {
      const cutoff = yearsBefore(today, h.ctx.config.retentionYears);
      const old = await open({ ...domesticWorker, openedOn: '2010-01-05', identifiedOn: '2010-02-01', contact: { phone: '+381 60 000 0000' }, indicators: [{ id: 'cd_documents', note: 'Passport in the safe' }] });
      await caseworker('POST', `/api/v1/cases/${old.id}/services`, { kind: 'legal_aid', startedOn: '2010-02-02', outcome: 'Won back wages' });
      await caseworker('POST', `/api/v1/cases/${old.id}/referrals`, { partnerId: shelterId, purpose: 'accommodation', referredOn: '2010-02-01', consent: { given: true, on: '2010-02-01' }, notes: 'Private detail' });
      await closeOn(old.id, '2010-06-30');
      const dayLonger = await open({ ...domesticWorker, name: 'Day longer', openedOn: '2010-01-01', identifiedOn: '2010-01-02' });
      await closeOn(dayLonger.id, addDays(cutoff, -1));
      // Closed exactly the retention period ago: not yet longer than it.
      const boundary = await open({ ...domesticWorker, name: 'Boundary person', openedOn: '2010-01-01', identifiedOn: '2010-01-02' });
      await closeOn(boundary.id, cutoff);
      const recent = await open({ ...domesticWorker, name: 'Recent person' });

      const result = await new CasesService(h.ctx).purgeExpired();
      expect(result).toEqual({ cutoff, erased: 2 });

      const file = (await caseworker('GET', `/api/v1/cases/${old.id}`)).json();
      expect(file).toMatchObject({ name: null, dateOfBirth: null, contact: null, documentNumbers: [], notes: null, contactId: null, identityErasedAt: expect.any(String) });
      expect(file).toMatchObject({ status: 'closed', sex: 'female', age: 34, citizenship: 'PH', exploitationTypes: ['labour', 'domestic_servitude'], identifiedOn: '2010-02-01' });
      expect(file.services[0].outcome).toBeNull();
      expect(file.referrals[0].notes).toBeNull();
      expect(file.indicators).toEqual([{ id: 'cd_documents' }]);
      expect(JSON.stringify(await h.ctx.db.selectFrom('cases').selectAll().where('id', '=', old.id).execute())).not.toMatch(/v\d+\./);
      expect((await caseworker('GET', `/api/v1/cases/${recent.id}`)).json().name).toBe('Recent person');
      expect((await caseworker('GET', `/api/v1/cases/${boundary.id}`)).json().name).toBe('Boundary person');

      const audit = await h.ctx.db.selectFrom('audit_events').selectAll().where('action', 'in', ['case.identity_erased', 'cases.retention_run']).orderBy('seq').execute();
      expect(audit.map((a) => [a.action, a.target_id])).toEqual([['case.identity_erased', old.id], ['case.identity_erased', dayLonger.id], ['cases.retention_run', null]]);
      expect(JSON.stringify(audit)).not.toContain('Maria');
      const tl = (await coordinator('GET', `/api/v1/cases/${old.id}/timeline`)).json().items;
      expect(tl.at(-1)).toMatchObject({ action: 'identity_erased', actor: null });
    });

    it('erases once however often it runs, and refuses identity written back afterwards', async () => {
      const old = await open({ ...domesticWorker, openedOn: '2009-01-05', identifiedOn: '2009-02-01' });
      await closeOn(old.id, '2009-06-30');
      const service = new CasesService(h.ctx);
      const runs = await Promise.all([service.purgeExpired(), service.purgeExpired()]);
      expect(runs[0].erased + runs[1].erased).toBe(1);
      expect((await service.purgeExpired()).erased).toBe(0);
      const r = await caseworker('PATCH', `/api/v1/cases/${old.id}`, { name: 'Maria Santos' });
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('identity_erased');
      expect((await caseworker('PATCH', `/api/v1/cases/${old.id}`, { sector: 'care' })).statusCode).toBe(200);
    });
  });
});
