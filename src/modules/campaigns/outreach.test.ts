import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';

const fieldsOf = (r: { json(): { error: { details: { field: string }[] } } }) => [...new Set(r.json().error.details.map((d) => d.field))].sort();
const union = { partner: "Independent Road Workers' Union", partnerKind: 'union', place: 'Construction site, Belgrade bypass, Ostružnica', placeKind: 'construction_site', city: 'Belgrade' };

describeEachDb('printed materials, events and recommendations', (dialect) => {
  let h: Harness;
  let campaign: Client;
  let id: string;
  const api = (path: string) => `/api/v1/campaigns/${id}${path}`;
  const created = async (path: string, body: object) => {
    const r = await campaign('POST', path, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };

  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'campaign@example.test', ['campaign']);
    campaign = await signIn(h.app, 'campaign@example.test');
    id = (await created('/api/v1/campaigns', { name: 'Labour Rights – Now!', slug: 'labour-rights-now', startsOn: '2020-09-14', endsOn: '2020-12-15', languages: ['sr-Latn', 'en'] })).id;
  });
  afterEach(() => h.close());

  it('keeps the stock of each printed item and refuses to hand out more than is left', async () => {
    const leaflet = await created(api('/materials'), { kind: 'leaflet', title: 'Know your rights at work', language: 'en', printRun: 2000, printedOn: '2020-10-01' });
    expect(leaflet).toMatchObject({ printRun: 2000, distributed: 0, inStock: 2000 });
    await created(api(`/materials/${leaflet.id}/distributions`), { ...union, quantity: 1200, distributedOn: '2020-10-20' });
    const tooMany = await campaign('POST', api(`/materials/${leaflet.id}/distributions`), { ...union, quantity: 801, distributedOn: '2020-10-27' });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details).toEqual([{ field: 'quantity', message: 'only 800 copies are left in stock' }]);
    const school = await created(api(`/materials/${leaflet.id}/distributions`), { partner: 'Technical School Novi Sad', partnerKind: 'school', place: 'Technical School Novi Sad', placeKind: 'school', city: 'Novi Sad', quantity: 800, distributedOn: '2020-11-02' });
    expect((await campaign('GET', api(`/materials/${leaflet.id}`))).json()).toMatchObject({ distributed: 2000, inStock: 0, distributions: [{ partner: union.partner }, { partner: 'Technical School Novi Sad' }] });
    expect(fieldsOf(await campaign('PATCH', api(`/materials/${leaflet.id}`), { printRun: 1500 }))).toEqual(['printRun']);
    expect((await campaign('DELETE', api(`/materials/${leaflet.id}/distributions/${school.id}`))).statusCode).toBe(204);
    expect((await campaign('PATCH', api(`/materials/${leaflet.id}`), { printRun: 1500 })).json()).toMatchObject({ printRun: 1500, distributed: 1200, inStock: 300 });
    expect((await campaign('GET', api('/places'))).json().items).toEqual([{ place: union.place, placeKind: 'construction_site', city: 'Belgrade', quantity: 1200 }]);
  });

  it('refuses bad materials and distributions, naming each field', async () => {
    expect(fieldsOf(await campaign('POST', api('/materials'), { kind: 'flyer', title: '', language: 'not a language!', printRun: 0 }))).toEqual(['kind', 'language', 'printRun', 'title']);
    const leaflet = await created(api('/materials'), { kind: 'leaflet', title: 'Letak', language: 'sr-Latn', printRun: 10 });
    expect(fieldsOf(await campaign('POST', api(`/materials/${leaflet.id}/distributions`), { partnerKind: 'church', placeKind: 'moon', quantity: -2, distributedOn: '2020-13-01' }))).toEqual(['distributedOn', 'partner', 'partnerKind', 'place', 'placeKind', 'quantity']);
    expect((await campaign('POST', api('/materials/nope/distributions'), { ...union, quantity: 1, distributedOn: '2020-10-01' })).statusCode).toBe(404);
  });

  it('keeps stakeholders with encrypted contact details, shown one at a time and audited', async () => {
    const s = await created('/api/v1/stakeholders', { name: 'Jelena Marković', organisation: 'Labour Inspectorate', role: 'Inspector', kind: 'labour_inspection', email: 'jelena@inspekcija.example', phone: '011 123 4567' });
    expect(s).toMatchObject({ email: 'jelena@inspekcija.example', phone: '+381111234567', active: true });
    const stored = JSON.stringify(await h.ctx.db.selectFrom('stakeholders').selectAll().execute());
    expect(stored).not.toContain('jelena@inspekcija.example');
    expect(stored).not.toContain('1234567');
    const list = (await campaign('GET', '/api/v1/stakeholders')).json();
    expect(list.items[0]).not.toHaveProperty('email');
    expect((await campaign('GET', `/api/v1/stakeholders/${s.id}`)).json()).toMatchObject({ phone: '+381111234567' });
    const reads = await h.ctx.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'stakeholder.read').execute();
    expect(reads).toHaveLength(1);
    expect(reads[0]!.details).not.toContain('jelena');
    expect(fieldsOf(await campaign('POST', '/api/v1/stakeholders', { name: 'X', organisation: 'Y', kind: 'press', email: 'nope', phone: 'call me' }))).toEqual(['email', 'kind', 'phone']);
  });

  it('runs an event: invitations, answers, attendance that fits the format, topics raised and follow-ups', async () => {
    const inspector = await created('/api/v1/stakeholders', { name: 'Jelena Marković', organisation: 'Labour Inspectorate', kind: 'labour_inspection' });
    const unionist = await created('/api/v1/stakeholders', { name: 'Dragan Petrović', organisation: "Independent Road Workers' Union", kind: 'union' });
    const launch = await created(api('/events'), { title: 'Campaign launch', format: 'online', startsAt: '2020-09-14T11:00:00+02:00', endsAt: '2020-09-14T12:30:00+02:00', onlineUrl: 'https://meet.example/launch' });
    expect(fieldsOf(await campaign('POST', api('/events'), { title: 'x', format: 'online', startsAt: '2020-09-14T11:00:00+02:00', endsAt: '2020-09-14T10:00:00+02:00', attendedInPerson: 3 }))).toEqual(['endsAt']);
    expect(fieldsOf(await campaign('POST', api('/events'), { title: 'x', format: 'online', startsAt: '2020-09-14T11:00:00+02:00', attendedInPerson: 3 }))).toEqual(['attendedInPerson']);
    expect(fieldsOf(await campaign('POST', api('/events'), { title: '', format: 'webinar', startsAt: 'tomorrow' }))).toEqual(['format', 'startsAt', 'title']);

    const inv = await created(api(`/events/${launch.id}/invitations`), { stakeholderIds: [inspector.id, unionist.id], invitedOn: '2020-09-01' });
    expect(inv).toEqual({ invited: 2, alreadyInvited: 0 });
    expect(await created(api(`/events/${launch.id}/invitations`), { stakeholderIds: [inspector.id] })).toEqual({ invited: 0, alreadyInvited: 1 });
    expect(fieldsOf(await campaign('POST', api(`/events/${launch.id}/invitations`), { stakeholderIds: ['nobody'] }))).toEqual(['stakeholderIds.0']);
    const invitations = (await campaign('GET', api(`/events/${launch.id}/invitations`))).json().items;
    expect(invitations.map((i: { stakeholder: { organisation: string } }) => i.stakeholder.organisation).sort()).toEqual(["Independent Road Workers' Union", 'Labour Inspectorate']);
    const first = invitations[0].id;
    expect((await campaign('PATCH', api(`/events/${launch.id}/invitations/${first}`), { rsvp: 'yes', attendance: 'online' })).json()).toMatchObject({ rsvp: 'yes', attendance: 'online' });
    expect(fieldsOf(await campaign('PATCH', api(`/events/${launch.id}/invitations/${first}`), { attendance: 'in_person' }))).toEqual(['attendance']);

    expect((await campaign('PATCH', api(`/events/${launch.id}`), { attendedOnline: 64 })).json()).toMatchObject({ attendedOnline: 64, participants: 64 });
    expect(fieldsOf(await campaign('PATCH', api(`/events/${launch.id}`), { attendedInPerson: 5 }))).toEqual(['attendedInPerson']);
    await created(api(`/events/${launch.id}/topics`), { text: 'Foreign workers on construction sites without residence and work permits', raisedBy: 'Labour Inspectorate' });
    const followUp = await created(api(`/events/${launch.id}/follow-ups`), { action: 'Send the leaflet in Hindi to the union', owner: 'Campaign team', dueOn: '2020-10-01' });
    expect((await campaign('PATCH', api(`/events/${launch.id}/follow-ups/${followUp.id}`), { done: true })).json()).toMatchObject({ done: true });
    expect((await campaign('GET', api(`/events/${launch.id}`))).json()).toMatchObject({
      format: 'online', participants: 64, invitations: { total: 2, yes: 1, pending: 1 },
      topics: [{ raisedBy: 'Labour Inspectorate' }], followUps: [{ done: true }],
    });
    expect((await campaign('GET', api('/topics'))).json().items).toEqual([expect.objectContaining({ eventTitle: 'Campaign launch' })]);
  });

  it('publishes recommendations drawn from the topics raised, in Serbian and English, only once nothing is missing', async () => {
    const event = await created(api('/events'), { title: 'Presentation of results', format: 'hybrid', startsAt: '2020-12-10T11:00:00+01:00', attendedOnline: 38, attendedInPerson: 22 });
    const topic = await created(api(`/events/${event.id}/topics`), { text: "Health workers' rights during the state of emergency" });
    const pub = await created(api('/publications'), { slug: 'preventing-labour-exploitation', title: { en: 'Recommendations for the Prevention of Labour Exploitation' } });
    expect(fieldsOf(await campaign('POST', api(`/publications/${pub.id}/recommendations`), { addresseeKind: 'ministry_labour', addressee: {}, gap: {}, text: {}, topicIds: ['no-such-topic'] }))).toEqual(['topicIds.0']);
    const rec = await created(api(`/publications/${pub.id}/recommendations`), {
      addresseeKind: 'ministry_labour', topicIds: [topic.id],
      addressee: { en: 'Ministry of Labour, Employment, Veteran and Social Affairs' },
      gap: { en: 'The Labour Law allows rights to be suspended during a state of emergency without limits.', 'sr-Latn': 'Zakon o radu dozvoljava ograničavanje prava tokom vanrednog stanja bez granica.' },
      text: { en: 'Set out which workers’ rights may never be suspended.', 'sr-Latn': 'Propisati koja se prava radnika ne mogu ukinuti.' },
    });
    expect(rec).toMatchObject({ position: 1, topicIds: [topic.id] });
    // A topic a recommendation is drawn from stays until the recommendation lets go of it.
    const inUse = await campaign('DELETE', api(`/events/${event.id}/topics/${topic.id}`));
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toBe('A recommendation is drawn from this topic: take the topic off it first.');
    expect((await campaign('GET', api('/topics'))).json().items.map((x: { id: string }) => x.id)).toEqual([topic.id]);
    const spare = await created(api(`/events/${event.id}/topics`), { text: 'Interpreters for labour inspections' });
    expect((await campaign('DELETE', api(`/events/${event.id}/topics/${spare.id}`))).statusCode).toBe(204);
    expect((await campaign('DELETE', api(`/events/${event.id}/topics/${spare.id}`))).statusCode).toBe(404);

    const early = await campaign('PATCH', api(`/publications/${pub.id}`), { published: true });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['recommendations.0.addressee.sr-Latn', 'title.sr-Latn']);
    expect((await h.app.inject({ method: 'GET', url: '/en/recommendations/preventing-labour-exploitation' })).statusCode).toBe(404);

    await campaign('PATCH', api(`/publications/${pub.id}/recommendations/${rec.id}`), { addressee: { en: 'Ministry of Labour, Employment, Veteran and Social Affairs', 'sr-Latn': 'Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja' } });
    const published = await campaign('PATCH', api(`/publications/${pub.id}`), { published: true, title: { en: 'Recommendations for the Prevention of Labour Exploitation', 'sr-Latn': 'Preporuke za prevenciju radne eksploatacije' }, intro: { en: 'Drawn from the **public discussions**.', 'sr-Latn': 'Nastale iz javnih rasprava.' } });
    expect(published.json()).toMatchObject({ published: true, paths: ['/sr-Latn/recommendations/preventing-labour-exploitation', '/sr-Cyrl/recommendations/preventing-labour-exploitation', '/en/recommendations/preventing-labour-exploitation'] });

    const en = await h.app.inject({ method: 'GET', url: '/en/recommendations/preventing-labour-exploitation' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h1>Recommendations for the Prevention of Labour Exploitation</h1>');
    expect(en.body).toContain('<strong>public discussions</strong>');
    expect(en.body).toContain('<dt>Gap in the legal framework</dt>\n<dd>The Labour Law allows rights to be suspended during a state of emergency without limits.</dd>');
    expect(en.body).toContain('<dd>Ministry of Labour, Employment, Veteran and Social Affairs</dd>');
    const cyrillic = await h.app.inject({ method: 'GET', url: '/sr-Cyrl/recommendations/preventing-labour-exploitation' });
    expect(cyrillic.body).toContain('<h1>Препоруке за превенцију радне експлоатације</h1>');
    expect(cyrillic.body).toContain('<dd>Министарство за рад, запошљавање, борачка и социјална питања</dd>');
    expect((await h.app.inject({ method: 'GET', url: '/tr/recommendations/preventing-labour-exploitation' })).statusCode).toBe(404);

    expect(fieldsOf(await campaign('PATCH', api(`/publications/${pub.id}/recommendations/${rec.id}`), { text: { en: 'Only English now.' } }))).toEqual(['recommendations.0.text.sr-Latn']);
    expect((await campaign('DELETE', api(`/publications/${pub.id}/recommendations/${rec.id}`))).statusCode).toBe(400);
    expect((await campaign('PATCH', api(`/publications/${pub.id}`), { published: false })).json().published).toBe(false);
    expect((await h.app.inject({ method: 'GET', url: '/sr-Latn/recommendations/preventing-labour-exploitation' })).statusCode).toBe(404);
  });

  it('reports materials, events and recommendations and tells them in the narrative', async () => {
    const en = await created(api('/materials'), { kind: 'leaflet', title: 'Know your rights at work', language: 'en', printRun: 2000 });
    await created(api('/materials'), { kind: 'leaflet', title: 'Znajte svoja prava', language: 'sr-Latn', printRun: 2000 });
    await created(api(`/materials/${en.id}/distributions`), { ...union, quantity: 1200, distributedOn: '2020-10-20' });
    await created(api(`/materials/${en.id}/distributions`), { ...union, place: 'Workers’ hostel, Surčin', placeKind: 'workers_accommodation', quantity: 300, distributedOn: '2020-10-21' });
    await created(api('/events'), { title: 'Launch', format: 'online', startsAt: '2020-09-14T11:00:00+02:00', attendedOnline: 64 });
    const results = await created(api('/events'), { title: 'Results', format: 'hybrid', startsAt: '2020-12-10T11:00:00+01:00', attendedOnline: 38, attendedInPerson: 22 });
    const topic = await created(api(`/events/${results.id}/topics`), { text: 'Permits' });
    const pub = await created(api('/publications'), { slug: 'recommendations', title: { en: 'Recommendations for the Prevention of Labour Exploitation', 'sr-Latn': 'Preporuke za prevenciju radne eksploatacije' } });
    const texts = { 'sr-Latn': 'Tekst', en: 'Text' };
    await created(api(`/publications/${pub.id}/recommendations`), { addresseeKind: 'labour_inspection', addressee: texts, gap: texts, text: texts, topicIds: [topic.id] });
    await created(api(`/publications/${pub.id}/recommendations`), { addresseeKind: 'government', addressee: texts, gap: texts, text: texts });
    await campaign('PATCH', api(`/publications/${pub.id}`), { published: true });

    const report = (await campaign('GET', api('/report'))).json();
    expect(report.materials).toMatchObject({ items: 2, printed: 4000, distributed: 1500, inStock: 2500, byLanguage: { en: { printed: 2000, distributed: 1500 }, 'sr-Latn': { printed: 2000, distributed: 0 } } });
    expect(report.materials.byPartner).toEqual([{ partner: union.partner, partnerKind: 'union', distributed: 1500 }]);
    expect(report.events).toEqual({ total: 2, byFormat: { online: 1, hybrid: 1, in_person: 0 }, invited: 0, accepted: 0, attendedOnline: 102, attendedInPerson: 22, participants: 124, topicsRaised: 1, followUps: { total: 0, done: 0 } });
    expect(report.recommendations).toEqual({ publications: 1, published: 1, recommendations: 2, fromTopics: 1 });
    expect(report.narrative.en).toBe(
      'We printed 4,000 copies of 2 items, 50% of them in English. ' +
        "Through our partner (Independent Road Workers' Union), 1,500 copies were distributed, in 2 places, 1 of them a construction site. " +
        'We held 2 public events (1 online and 1 hybrid), with 124 participants. ' +
        'The publication “Recommendations for the Prevention of Labour Exploitation” makes 2 recommendations; topics raised in the discussions found their place in 1 of them.',
    );
    expect(report.narrative['sr-Latn']).toContain('Održali smo 2 javna događaja (1 onlajn i 1 hibridni), sa 124 učesnika.');
    expect(report.narrative['sr-Cyrl']).toContain('Публикација „Препоруке за превенцију радне експлоатације“ доноси 2 препоруке');
  });
});
