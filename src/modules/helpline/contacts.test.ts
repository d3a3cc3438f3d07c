import { afterEach, beforeEach, expect, it } from 'vitest';
import { addUser, describeEachDb, harness, signIn, type Client, type Harness } from '../../../test/support.js';

const at = (iso: string) => iso;
const call = { receivedAt: at('2021-02-01T10:00:00+01:00'), channel: 'phone', topics: ['job_offer_check'] };

describeEachDb('helpline contacts', (dialect) => {
  let h: Harness;
  let hotline: Client;
  let coordinator: Client;
  let caseworker: Client;
  let campaign: Client;

  const count = async (table: 'contacts' | 'contact_topics' = 'contacts') =>
    Number((await h.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const auditActions = async () => (await h.ctx.db.selectFrom('audit_events').select('action').orderBy('seq').execute()).map((r) => r.action);

  beforeEach(async () => {
    h = await harness(dialect);
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
    await addUser(h.ctx, 'coordinator@example.test', ['coordinator']);
    await addUser(h.ctx, 'caseworker@example.test', ['caseworker']);
    await addUser(h.ctx, 'campaign@example.test', ['campaign']);
    hotline = await signIn(h.app, 'hotline@example.test');
    coordinator = await signIn(h.app, 'coordinator@example.test');
    caseworker = await signIn(h.app, 'caseworker@example.test');
    campaign = await signIn(h.app, 'campaign@example.test');
  });
  afterEach(() => h.close());

  it('logs a call with every field and gives it back to the operator', async () => {
    const r = await hotline('POST', '/api/v1/contacts', {
      ...call,
      topics: ['job_offer_check', 'migration'],
      language: 'sr-latn',
      callerRole: 'self',
      sex: 'female',
      ageGroup: '25-34',
      nationality: 'rs',
      destinationCountry: 'AT',
      heardAbout: 'Saw a poster at the bus station',
      summary: 'Offer of waitress work in a bar in Austria; asked to pay 300 EUR for the visa.',
      referralGiven: 'Labour inspection',
      jobCheck: { risk: 'high', signals: [{ id: 'fee' }] },
      callerName: 'Ana',
      callerPhone: '064 123 4567',
      contactMethod: 'viber',
      safeTime: 'after 18:00',
    });
    expect(r.statusCode).toBe(201);
    const c = r.json();
    expect(c).toMatchObject({
      receivedAt: '2021-02-01T09:00:00.000Z',
      channel: 'phone',
      topics: ['job_offer_check', 'migration'],
      language: 'sr-Latn',
      nationality: 'RS',
      destinationCountry: 'AT',
      heardAbout: 'Saw a poster at the bus station',
      summary: 'Offer of waitress work in a bar in Austria; asked to pay 300 EUR for the visa.',
      jobCheck: { risk: 'high', signals: [{ id: 'fee' }] },
      jobCheckRisk: 'high',
      callerPhone: '+381641234567',
      contactMethod: 'viber',
      status: 'done',
      earlierContacts: { count: 0, items: [] },
    });
    const read = await hotline('GET', `/api/v1/contacts/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(c);
    expect(await auditActions()).toEqual(expect.arrayContaining(['contact.created', 'contact.read']));
  });

  it('keeps free text and contact details encrypted in the database', async () => {
    const r = await hotline('POST', '/api/v1/contacts', { ...call, summary: 'They kept my passport', heardAbout: 'A friend from Niš', callerPhone: '+381 64 765 4321', callerName: 'Marko' });
    const row = await h.ctx.db.selectFrom('contacts').selectAll().where('id', '=', r.json().id).executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    for (const secret of ['passport', 'Niš', '7654321', 'Marko']) expect(stored).not.toContain(secret);
    const audit = JSON.stringify(await h.ctx.db.selectFrom('audit_events').selectAll().execute());
    for (const secret of ['passport', 'Niš', '7654321', 'Marko']) expect(audit).not.toContain(secret);
  });

  it('refuses a bad contact naming receivedAt, channel and topics, and writes nothing', async () => {
    const before = await auditActions();
    const r = await hotline('POST', '/api/v1/contacts', { receivedAt: 'soon', channel: 'fax', topics: [], sex: 'x', destinationCountry: 'ZZ', callerPhone: 'call me', extra: 1 });
    expect(r.statusCode).toBe(400);
    const fields = (r.json().error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['receivedAt', 'channel', 'topics', 'sex', 'destinationCountry', 'callerPhone']));
    expect(fields.some((f) => f.includes('extra') || f === '(body)')).toBe(true);
    expect(await count()).toBe(0);
    expect(await auditActions()).toEqual(before);
  });

  it('refuses an unknown topic and a time without an offset', async () => {
    const r = await hotline('POST', '/api/v1/contacts', { ...call, receivedAt: '2021-02-01T10:00:00', topics: ['job_offer_check', 'weather'] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['receivedAt', 'topics.1']));
    expect(await count()).toBe(0);
  });

  it('refuses a contact more than five minutes in the future, but tolerates a clock a little ahead', async () => {
    const far = await hotline('POST', '/api/v1/contacts', { ...call, receivedAt: new Date(Date.now() + 10 * 60_000).toISOString() });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details).toEqual([{ field: 'receivedAt', message: 'must not be in the future' }]);
    const near = await hotline('POST', '/api/v1/contacts', { ...call, receivedAt: new Date(Date.now() + 60_000).toISOString() });
    expect(near.statusCode).toBe(201);
  });

  it('lets only hotline and caseworkers log contacts, and nobody without a session', async () => {
    expect((await caseworker('POST', '/api/v1/contacts', call)).statusCode).toBe(201);
    expect((await coordinator('POST', '/api/v1/contacts', call)).statusCode).toBe(403);
    expect((await campaign('POST', '/api/v1/contacts', call)).statusCode).toBe(403);
    expect((await campaign('GET', '/api/v1/contacts')).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/contacts' })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: hotline.cookie }, payload: call })).statusCode).toBe(403);
    expect(await count()).toBe(1);
  });

  it('shows the coordinator contacts without free text or contact details, and does not audit it as a read', async () => {
    const id = (await hotline('POST', '/api/v1/contacts', { ...call, summary: 'private words', heardAbout: 'safe-work-2021', callerPhone: '0641234567', referralGiven: 'police' })).json().id;
    const before = (await auditActions()).length;
    const r = await coordinator('GET', `/api/v1/contacts/${id}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('private words');
    expect(r.body).not.toContain('641234567');
    expect(r.json()).not.toHaveProperty('summary');
    expect(r.json()).not.toHaveProperty('earlierContacts');
    expect(r.json()).toMatchObject({ id, channel: 'phone', topics: ['job_offer_check'], heardAbout: 'safe-work-2021' });
    const list = await coordinator('GET', '/api/v1/contacts');
    expect(list.body).not.toContain('private words');
    expect((await auditActions()).length).toBe(before);
  });

  it('lists whole days of Belgrade time, newest first, a page at a time', async () => {
    // 23:30 UTC on 27 March is half past midnight on 28 March in Belgrade.
    for (const t of ['2021-03-27T21:00:00Z', '2021-03-27T23:30:00Z', '2021-03-28T10:00:00Z', '2021-03-28T21:30:00Z', '2021-03-28T22:30:00Z']) {
      expect((await hotline('POST', '/api/v1/contacts', { ...call, receivedAt: t })).statusCode).toBe(201);
    }
    const day = await hotline('GET', '/api/v1/contacts?from=2021-03-28&to=2021-03-28');
    expect(day.json().items.map((c: { receivedAt: string }) => c.receivedAt)).toEqual(['2021-03-28T21:30:00.000Z', '2021-03-28T10:00:00.000Z', '2021-03-27T23:30:00.000Z']);
    expect(day.json().nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json(): { items: { id: string }[]; nextCursor: string | null } } = await hotline('GET', `/api/v1/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...page.json().items.map((c) => c.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('filters by topic, channel, status, language and nationality', async () => {
    await hotline('POST', '/api/v1/contacts', { ...call, topics: ['migration', 'other'], channel: 'email', language: 'hi', nationality: 'IN' });
    await hotline('POST', '/api/v1/contacts', { ...call, topics: ['job_loss'], channel: 'phone', status: 'new' });
    const ids = async (q: string) => (await hotline('GET', `/api/v1/contacts?${q}`)).json().items.length as number;
    expect(await ids('topic=migration')).toBe(1);
    expect(await ids('topic=migration&topic=job_loss')).toBe(2);
    expect(await ids('channel=email')).toBe(1);
    expect(await ids('status=new')).toBe(1);
    expect(await ids('language=hi')).toBe(1);
    expect(await ids('nationality=in')).toBe(1);
    const bad = await hotline('GET', '/api/v1/contacts?topic=weather&from=2021-02-30&to=x&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['topic', 'from', 'to', 'limit']));
  });

  it('finds a caller by phone number however it is written, and shows earlier contacts from it', async () => {
    const first = (await hotline('POST', '/api/v1/contacts', { ...call, receivedAt: '2020-01-10T10:00:00Z', callerPhone: '064 123 4567' })).json();
    const second = (await hotline('POST', '/api/v1/contacts', { ...call, receivedAt: '2020-06-10T10:00:00Z', callerPhone: '+381641234567' })).json();
    await hotline('POST', '/api/v1/contacts', { ...call, callerPhone: '+381 65 000 0000' });
    const third = (await hotline('POST', '/api/v1/contacts', { ...call, receivedAt: '2021-01-10T10:00:00Z', callerPhone: '00381 64 123 45 67' })).json();
    expect(first.earlierContacts.count).toBe(0);
    expect(third.earlierContacts).toEqual({
      count: 2,
      items: [
        { id: second.id, receivedAt: '2020-06-10T10:00:00.000Z', channel: 'phone' },
        { id: first.id, receivedAt: '2020-01-10T10:00:00.000Z', channel: 'phone' },
      ],
    });
    expect((await hotline('GET', `/api/v1/contacts/${second.id}`)).json().earlierContacts.count).toBe(1);
    const found = await hotline('GET', `/api/v1/contacts?phone=${encodeURIComponent('+381 64 123 4567')}`);
    expect(found.json().items.map((c: { id: string }) => c.id)).toEqual([third.id, second.id, first.id]);
    expect((await hotline('GET', '/api/v1/contacts?q=0641234567')).json().items).toHaveLength(3);
    expect((await coordinator('GET', '/api/v1/contacts?phone=0641234567')).statusCode).toBe(403);
    expect((await hotline('GET', '/api/v1/contacts?phone=nobody')).statusCode).toBe(400);
  });

  it('searches the encrypted text for the hotline, ignoring case and accents, but not for the coordinator', async () => {
    await hotline('POST', '/api/v1/contacts', { ...call, summary: 'Poslodavac je uzeo PASOŠ i ne vraća ga.' });
    await hotline('POST', '/api/v1/contacts', { ...call, summary: 'Asked about visa rules for Germany.' });
    const r = await hotline('GET', '/api/v1/contacts?q=pasos');
    expect(r.json().items).toHaveLength(1);
    expect(r.json().nextCursor).toBeNull();
    expect(r.body).not.toContain('Poslodavac');
    expect(await auditActions()).toContain('contact.searched');
    expect((await coordinator('GET', '/api/v1/contacts?q=pasos')).statusCode).toBe(403);
  });

  it('finds a public report by its reference', async () => {
    const { reference } = (await h.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: { message: 'They took our passports' } })).json();
    await hotline('POST', '/api/v1/contacts', call);
    const r = await coordinator('GET', `/api/v1/contacts?q=${reference.toLowerCase()}`);
    expect(r.json().items).toHaveLength(1);
    expect(r.json().items[0].reference).toBe(reference);
  });

  it('updates a contact, keeping it searchable and its topics indexed, and audits which fields changed', async () => {
    const id = (await hotline('POST', '/api/v1/contacts', { ...call, summary: 'first words', callerPhone: '0641234567' })).json().id;
    const r = await hotline('PATCH', `/api/v1/contacts/${id}`, { topics: ['trafficking_suspicion'], summary: 'second words', callerPhone: null });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ topics: ['trafficking_suspicion'], summary: 'second words', callerPhone: null, receivedAt: '2021-02-01T09:00:00.000Z' });
    expect((await hotline('GET', '/api/v1/contacts?topic=trafficking_suspicion')).json().items).toHaveLength(1);
    expect((await hotline('GET', '/api/v1/contacts?topic=job_offer_check')).json().items).toHaveLength(0);
    expect((await hotline('GET', '/api/v1/contacts?phone=0641234567')).json().items).toHaveLength(0);
    const event = await h.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'contact.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details).fields).toEqual(['topics', 'summary', 'callerPhone']);
    expect(event.details).not.toContain('second words');
  });

  it('changes nothing on a bad update', async () => {
    const created = (await hotline('POST', '/api/v1/contacts', { ...call, summary: 'first words' })).json();
    const r = await hotline('PATCH', `/api/v1/contacts/${created.id}`, { summary: 'second words', channel: 'fax', topics: [] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['channel', 'topics']));
    expect((await hotline('GET', `/api/v1/contacts/${created.id}`)).json().summary).toBe('first words');
    expect((await hotline('PATCH', '/api/v1/contacts/no-such-id', { summary: 'x' })).statusCode).toBe(404);
  });

  it('moves a contact along the queue: new, assigned, done', async () => {
    const operator = await h.ctx.db.selectFrom('users').select('id').where('email', '=', 'hotline@example.test').executeTakeFirstOrThrow();
    const campaigner = await h.ctx.db.selectFrom('users').select('id').where('email', '=', 'campaign@example.test').executeTakeFirstOrThrow();
    const id = (await hotline('POST', '/api/v1/contacts', { ...call, status: 'new' })).json().id;
    expect((await hotline('GET', '/api/v1/contacts?status=new')).json().items).toHaveLength(1);

    const noAssignee = await coordinator('PATCH', `/api/v1/contacts/${id}`, { status: 'assigned' });
    expect(noAssignee.statusCode).toBe(400);
    expect(noAssignee.json().error.details[0].field).toBe('assigneeId');
    expect((await coordinator('PATCH', `/api/v1/contacts/${id}`, { assigneeId: campaigner.id })).statusCode).toBe(400);

    const assigned = await coordinator('PATCH', `/api/v1/contacts/${id}`, { assigneeId: operator.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', assigneeId: operator.id });
    expect((await hotline('GET', `/api/v1/contacts?status=assigned&assigneeId=${operator.id}`)).json().items).toHaveLength(1);

    expect((await hotline('PATCH', `/api/v1/contacts/${id}`, { status: 'done' })).json()).toMatchObject({ status: 'done', assigneeId: operator.id });
    expect((await hotline('PATCH', `/api/v1/contacts/${id}`, { status: 'new' })).json()).toMatchObject({ status: 'new', assigneeId: null });
  });

  it('names the assignee to every reader, who may not list users, and lists who a contact may go to', async () => {
    const operator = await h.ctx.db.selectFrom('users').select('id').where('email', '=', 'hotline@example.test').executeTakeFirstOrThrow();
    const worker = await h.ctx.db.selectFrom('users').select('id').where('email', '=', 'caseworker@example.test').executeTakeFirstOrThrow();
    const gone = await addUser(h.ctx, 'gone@example.test', ['hotline']);
    await h.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', gone.id).execute();
    await addUser(h.ctx, 'admin@example.test', ['admin']);
    expect((await coordinator('GET', '/api/v1/users')).statusCode).toBe(403);

    const id = (await hotline('POST', '/api/v1/contacts', { ...call, status: 'new' })).json().id;
    const assigned = await coordinator('PATCH', `/api/v1/contacts/${id}`, { assigneeId: worker.id });
    expect(assigned.json()).toMatchObject({ assigneeId: worker.id, assigneeName: 'caseworker' });
    expect((await coordinator('GET', `/api/v1/contacts/${id}`)).json()).toMatchObject({ assigneeId: worker.id, assigneeName: 'caseworker' });
    expect((await hotline('GET', `/api/v1/contacts/${id}`)).json()).toMatchObject({ assigneeName: 'caseworker' });
    const listed = (await coordinator('GET', `/api/v1/contacts?assigneeId=${worker.id}`)).json().items;
    expect(listed.map((c: { id: string; assigneeName: string }) => [c.id, c.assigneeName])).toEqual([[id, 'caseworker']]);
    expect((await hotline('POST', '/api/v1/contacts', call)).json().assigneeName).toBeNull();

    // Active hotline operators and caseworkers, by name, with nothing but id and name.
    const assignees = await coordinator('GET', '/api/v1/contacts/assignees');
    expect(assignees.statusCode).toBe(200);
    expect(assignees.json()).toEqual({ items: [{ id: worker.id, name: 'caseworker' }, { id: operator.id, name: 'hotline' }], nextCursor: null });
    expect((await hotline('GET', '/api/v1/contacts/assignees')).statusCode).toBe(200);
    expect((await campaign('GET', '/api/v1/contacts/assignees')).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/contacts/assignees' })).statusCode).toBe(401);
  });

  it('counts every earlier contact from a number while listing the ten latest', async () => {
    const ids: string[] = [];
    for (let day = 1; day <= 12; day++) {
      ids.push((await hotline('POST', '/api/v1/contacts', { ...call, receivedAt: `2020-03-${String(day).padStart(2, '0')}T10:00:00Z`, callerPhone: '064 123 4567' })).json().id);
    }
    const last = (await hotline('GET', `/api/v1/contacts/${ids[11]}`)).json().earlierContacts;
    expect(last.count).toBe(11);
    expect(last.items.map((e: { id: string }) => e.id)).toEqual(ids.slice(1, 11).reverse());
    expect((await hotline('GET', `/api/v1/contacts/${ids[10]}`)).json().earlierContacts.count).toBe(10);
    expect((await hotline('GET', `/api/v1/contacts/${ids[9]}`)).json().earlierContacts).toMatchObject({ count: 9, items: expect.any(Array) });
  });

  it('lets the coordinator move contacts along the queue but not change what they say', async () => {
    const id = (await hotline('POST', '/api/v1/contacts', call)).json().id;
    const r = await coordinator('PATCH', `/api/v1/contacts/${id}`, { summary: 'overwritten', status: 'done' });
    expect(r.statusCode).toBe(403);
    expect((await hotline('GET', `/api/v1/contacts/${id}`)).json().summary).toBeNull();
  });

  it('takes a POST with an Idempotency-Key once, however often it is retried', async () => {
    const key = { 'idempotency-key': 'call-2021-02-01-0001' };
    const first = await hotline('POST', '/api/v1/contacts', { ...call, summary: 'once' }, key);
    const retry = await hotline('POST', '/api/v1/contacts', { ...call, summary: 'once' }, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(1);
    // Keys belong to their user: a colleague's identical key is a request of its own.
    expect((await caseworker('POST', '/api/v1/contacts', call, key)).json().id).not.toBe(first.json().id);
    expect(await count()).toBe(2);
    // The stored answer echoes the summary, so it is encrypted too.
    expect(JSON.stringify(await h.ctx.db.selectFrom('idempotency_keys').selectAll().execute())).not.toContain('once');
  });

  it('lets a request that failed be corrected and sent again with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'k-42' };
    expect((await hotline('POST', '/api/v1/contacts', { ...call, channel: 'fax' }, key)).statusCode).toBe(400);
    expect((await hotline('POST', '/api/v1/contacts', call, key)).statusCode).toBe(201);
    expect(await count()).toBe(1);
    expect((await hotline('POST', '/api/v1/contacts', call, { 'idempotency-key': 'ünïcode' })).statusCode).toBe(400);
  });
});
