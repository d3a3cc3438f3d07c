import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDb, harness, signedInAs, type Client, type Harness } from '../../../test/support.js';

const fieldsOf = (r: { json(): { error: { details: { field: string }[] } } }) => [...new Set(r.json().error.details.map((d) => d.field))].sort();

describeEachDb('stakeholders and the partner directory', (dialect) => {
  let h: Harness;
  let campaign: Client;
  let coordinator: Client;
  let campaignId: string;
  const post = async (client: Client, path: string, body: object) => {
    const r = await client('POST', path, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  const stakeholders = async () => (await campaign('GET', '/api/v1/stakeholders?active=all')).json().items;
  const invitations = async (eventId: string) => (await campaign('GET', `/api/v1/campaigns/${campaignId}/events/${eventId}/invitations`)).json().items;
  const newEvent = (title: string) => post(campaign, `/api/v1/campaigns/${campaignId}/events`, { title, format: 'online', startsAt: '2020-09-14T11:00:00+02:00', onlineUrl: 'https://meet.example/x' });

  beforeEach(async () => {
    h = await harness(dialect);
    campaign = await signedInAs(h, 'campaign');
    coordinator = await signedInAs(h, 'coordinator');
    campaignId = (await post(campaign, '/api/v1/campaigns', { name: 'Labour Rights – Now!', slug: 'labour-rights-now', startsOn: '2020-09-14', endsOn: '2020-12-15', languages: ['sr-Latn'] })).id;
  });
  afterEach(() => h.close());

  it('links a stakeholder to a partner, taking the organisation and kind from the directory', async () => {
    const shelter = await post(coordinator, '/api/v1/partners', { name: 'Safe House Belgrade', kind: 'shelter', country: 'RS' });
    const s = await post(campaign, '/api/v1/stakeholders', { name: 'Vesna Ilić', role: 'Director', partnerId: shelter.id });
    expect(s).toMatchObject({ organisation: 'Safe House Belgrade', kind: 'ngo', partner: { id: shelter.id, name: 'Safe House Belgrade', kind: 'shelter' } });
    await post(campaign, '/api/v1/stakeholders', { name: 'Goran Lukić', organisation: 'Daily Politika', kind: 'media' });
    expect((await campaign('GET', `/api/v1/stakeholders?partnerId=${shelter.id}`)).json().items.map((x: { name: string }) => x.name)).toEqual(['Vesna Ilić']);
    expect((await stakeholders()).map((x: { partner: unknown }) => x.partner)).toEqual([null, { id: shelter.id, name: 'Safe House Belgrade', kind: 'shelter' }]);

    expect(fieldsOf(await campaign('POST', '/api/v1/stakeholders', { name: 'Nobody', partnerId: 'no-such-partner' }))).toEqual(['partnerId']);
    expect(fieldsOf(await campaign('POST', '/api/v1/stakeholders', { name: 'Nobody' }))).toEqual(['kind', 'organisation']);
    expect(fieldsOf(await campaign('PATCH', `/api/v1/stakeholders/${s.id}`, { partnerId: 'no-such-partner' }))).toEqual(['partnerId']);
    expect(await stakeholders()).toHaveLength(2);

    const unlinked = (await campaign('PATCH', `/api/v1/stakeholders/${s.id}`, { partnerId: null, active: false })).json();
    expect(unlinked).toMatchObject({ partner: null, active: false, organisation: 'Safe House Belgrade' });
    expect((await campaign('GET', '/api/v1/stakeholders')).json().items.map((x: { name: string }) => x.name)).toEqual(['Goran Lukić']);
  });

  it('invites the people of the partner directory, adding each to the contact list once', async () => {
    const union = await post(coordinator, '/api/v1/partners', {
      name: 'Independent Road Workers’ Union', kind: 'union', country: 'RS',
      contacts: [{ name: 'Dragan Petrović', role: 'President', phone: '011 222 3333' }, { role: 'Legal office', email: 'legal@union.example' }],
    });
    const inspection = await post(coordinator, '/api/v1/partners', { name: 'Labour Inspectorate', kind: 'labour_inspection', country: 'RS' });
    const launch = await newEvent('Launch');
    const results = await newEvent('Results');

    const refused = await campaign('POST', `/api/v1/campaigns/${campaignId}/events/${launch.id}/invitations`, { partners: [{ partnerId: union.id, contact: 2 }, { partnerId: 'gone' }] });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['partners.0.contact', 'partners.1.partnerId']);
    expect(fieldsOf(await campaign('POST', `/api/v1/campaigns/${campaignId}/events/${launch.id}/invitations`, {}))).toEqual(['stakeholderIds']);
    expect(await stakeholders()).toEqual([]);
    expect(await invitations(launch.id)).toEqual([]);

    const invite = [{ partnerId: union.id, contact: 0 }, { partnerId: union.id, contact: 1 }, { partnerId: inspection.id }];
    expect((await post(campaign, `/api/v1/campaigns/${campaignId}/events/${launch.id}/invitations`, { partners: invite })).invited).toBe(3);
    const people = await stakeholders();
    expect(people.map((p: { name: string; role: string | null; kind: string }) => [p.name, p.role, p.kind])).toEqual([
      ['Dragan Petrović', 'President', 'union'],
      ['Legal office', null, 'union'],
      ['Labour Inspectorate', null, 'labour_inspection'],
    ]);
    const dragan = people.find((p: { name: string }) => p.name === 'Dragan Petrović');
    expect((await campaign('GET', `/api/v1/stakeholders/${dragan.id}`)).json()).toMatchObject({ phone: '+381112223333', partner: { id: union.id } });

    // The same people invited again, to another event and through both lists, are not added twice.
    const again = await post(campaign, `/api/v1/campaigns/${campaignId}/events/${results.id}/invitations`, { stakeholderIds: [dragan.id], partners: invite });
    expect(again).toEqual({ invited: 3, alreadyInvited: 0 });
    expect(await stakeholders()).toHaveLength(3);
    expect((await post(campaign, `/api/v1/campaigns/${campaignId}/events/${launch.id}/invitations`, { partners: invite.slice(0, 1) }))).toEqual({ invited: 0, alreadyInvited: 1 });
    expect((await invitations(results.id)).map((i: { stakeholder: { organisation: string } }) => i.stakeholder.organisation).sort()).toEqual(['Independent Road Workers’ Union', 'Independent Road Workers’ Union', 'Labour Inspectorate']);
  });

  it('absorbs the contact list into the directory where an organisation names exactly one active partner', async () => {
    const inspection = await post(coordinator, '/api/v1/partners', { name: 'Labour Inspectorate', kind: 'labour_inspection', country: 'RS' });
    await post(coordinator, '/api/v1/partners', { name: 'Red Cross', kind: 'ngo', country: 'RS', city: 'Belgrade' });
    await post(coordinator, '/api/v1/partners', { name: 'Red Cross', kind: 'ngo', country: 'RS', city: 'Novi Sad' });
    await post(coordinator, '/api/v1/partners', { name: 'Old Union', kind: 'union', country: 'RS', active: false });
    const nenad = await post(campaign, '/api/v1/stakeholders', { name: 'Nenad Ilić', organisation: '  labour   INSPECTORATE ', kind: 'labour_inspection' });
    await post(campaign, '/api/v1/stakeholders', { name: 'Mira', organisation: 'Red Cross', kind: 'ngo' });
    await post(campaign, '/api/v1/stakeholders', { name: 'Pera', organisation: 'Old Union', kind: 'union' });
    await post(campaign, '/api/v1/stakeholders', { name: 'Goran', organisation: 'Daily Politika', kind: 'media' });

    const first = await campaign('POST', '/api/v1/stakeholders/link-to-directory');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ linked: 1, unlinked: 3 });
    expect((await campaign('GET', `/api/v1/stakeholders/${nenad.id}`)).json().partner).toEqual({ id: inspection.id, name: 'Labour Inspectorate', kind: 'labour_inspection' });
    expect((await campaign('POST', '/api/v1/stakeholders/link-to-directory')).json()).toEqual({ linked: 0, unlinked: 3 });
    const trail = await h.ctx.db.selectFrom('audit_events').select(['action', 'target_id']).where('action', '=', 'stakeholder.updated').execute();
    expect(trail).toEqual([{ action: 'stakeholder.updated', target_id: nenad.id }]);

    const hotline = await signedInAs(h, 'hotline');
    expect((await hotline('POST', '/api/v1/stakeholders/link-to-directory')).statusCode).toBe(403);
  });
});
