import { afterEach, beforeEach, expect, it } from 'vitest';
import { PUBLIC_LANGS } from '../../platform/i18n/locales.js';
import { addUser, describeEachDb, harness, signIn, type Harness } from '../../../test/support.js';

const REFERENCE = /^R-[2-9A-Z]{4}-[2-9A-Z]{2}$/;
const browser = { 'user-agent': 'Mozilla/5.0 (Linux; Android 10; SM-A105F) Chrome/120 canary-agent', 'x-forwarded-for': '203.0.113.77' };

function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

describeEachDb('anonymous reports and call-back requests', (dialect) => {
  let h: Harness;

  const contacts = () => h.ctx.db.selectFrom('contacts').selectAll().execute();
  const report = (payload: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: payload as object, headers: { ...browser, ...headers }, remoteAddress: '198.51.100.23' });
  const postForm = (lang: string, fields: Record<string, string>) =>
    h.app.inject({ method: 'POST', url: `/${lang}/report`, payload: formBody(fields), headers: { ...browser, 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: '198.51.100.23' });

  beforeEach(async () => {
    h = await harness(dialect);
  });
  afterEach(() => h.close());

  it('answers 202 with a reference and puts the report in the hotline queue as a new web contact', async () => {
    const r = await report({ message: 'They took our passports', language: 'en', topic: 'trafficking_suspicion', contact: { method: 'whatsapp', value: '+91 98765 43210', safeTime: 'Sunday' } });
    expect(r.statusCode).toBe(202);
    expect(r.json().reference).toMatch(REFERENCE);
    await addUser(h.ctx, 'hotline@example.test', ['hotline']);
    const hotline = await signIn(h.app, 'hotline@example.test');
    const queue = (await hotline('GET', '/api/v1/contacts?status=new')).json().items;
    expect(queue).toHaveLength(1);
    const full = (await hotline('GET', `/api/v1/contacts/${queue[0].id}`)).json();
    expect(full).toMatchObject({
      reference: r.json().reference,
      channel: 'web',
      status: 'new',
      source: 'public',
      topics: ['trafficking_suspicion'],
      language: 'en',
      summary: 'They took our passports',
      callerPhone: '+919876543210',
      contactMethod: 'whatsapp',
      safeTime: 'Sunday',
    });
  });

  it('stores no IP address or user agent', async () => {
    await report({ message: 'Help', contact: 'someone@example.test' });
    const stored = JSON.stringify([await contacts(), await h.ctx.db.selectFrom('audit_events').selectAll().execute()]);
    for (const trace of ['198.51.100.23', '203.0.113.77', 'canary-agent', 'Android']) expect(stored).not.toContain(trace);
  });

  it('refuses a report without a message, or with a contact that is neither a number nor an address', async () => {
    const empty = await report({ message: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('message');
    const badContact = await report({ message: 'Help', contact: { method: 'email', value: '064 123' } });
    expect(badContact.statusCode).toBe(400);
    expect(badContact.json().error.details[0].field).toBe('contact.value');
    expect(await contacts()).toHaveLength(0);
  });

  it('allows ten reports a minute from one client, then answers 429', async () => {
    for (let i = 0; i < 10; i++) expect((await report({ message: `report ${i}` })).statusCode).toBe(202);
    const eleventh = await report({ message: 'one too many' });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('rate_limited');
    expect(await contacts()).toHaveLength(10);
  });

  it('replays the same report for a retried Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'report-1' };
    const first = await report({ message: 'Help' }, key);
    const retry = await report({ message: 'Help' }, key);
    expect(retry.json()).toEqual(first.json());
    expect(await contacts()).toHaveLength(1);
  });

  it.each(PUBLIC_LANGS)('serves the report form in %s without JavaScript or a cookie', async (lang) => {
    const r = await h.app.inject({ method: 'GET', url: `/${lang}/report` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.headers['content-security-policy']).toBeDefined();
    expect(r.body).toMatch(new RegExp(`<form method="post" action="/${lang}/report"`));
    expect(r.body).toContain('<textarea id="message" name="message"');
    expect(r.body).not.toContain('<script');
    expect(r.body).toContain('class="exit"');
  });

  it('takes the form with its defaults and the message filled in, and thanks with the reference', async () => {
    const r = await postForm('sr-Cyrl', { message: 'Poslodavac nam ne plaća', topic: '', method: '', contact: '', safeTime: '' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('no-store');
    const stored = await contacts();
    expect(stored).toHaveLength(1);
    expect(r.body).toContain(stored[0]!.reference!);
    expect(r.body).toContain('Хвала');
    expect(stored[0]).toMatchObject({ channel: 'web', status: 'new', language: 'sr-Cyrl', topics: '["other"]', caller: null });
  });

  it('takes a call-back request through the form', async () => {
    const r = await postForm('tr', { message: 'Maaşımı alamadım', topic: 'job_loss', method: 'viber', contact: '+90 532 123 45 67', safeTime: 'akşam' });
    expect(r.statusCode).toBe(200);
    const [row] = await contacts();
    expect(row!.phone_hash).toBe(h.ctx.cipher.keyedHash('phone', '+905321234567'));
    expect(row!.topics).toBe('["job_loss"]');
  });

  it('shows the form again, filled in, with the problem explained in the reader language', async () => {
    const noMessage = await postForm('en', { message: '', topic: 'migration', method: '', contact: '', safeTime: '' });
    expect(noMessage.statusCode).toBe(400);
    expect(noMessage.body).toContain('Please tell us what is happening.');
    expect(noMessage.body).toContain('<option value="migration" selected>');

    const badNumber = await postForm('en', { message: 'Call me <b>back</b>', topic: '', method: 'phone', contact: 'not a number', safeTime: '' });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.body).toContain('This is not a phone number');
    expect(badNumber.body).toContain('Call me &lt;b&gt;back&lt;/b&gt;</textarea>');
    expect(badNumber.body).toContain('value="not a number"');

    const methodOnly = await postForm('en', { message: 'Call me', topic: '', method: 'email', contact: '', safeTime: '' });
    expect(methodOnly.statusCode).toBe(400);
    expect(methodOnly.body).toContain('Write the phone number or e-mail address we should use');
    expect(await contacts()).toHaveLength(0);
  });

  it('has no report page in a language the site does not have', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/de/report' })).statusCode).toBe(404);
  });
});
