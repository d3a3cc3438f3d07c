import { afterAll, beforeAll, expect, it } from 'vitest';
import { RISKY_OFFER } from '../../../test/jobcheck-offers.js';
import { describeEachDb, harness, type Harness } from '../../../test/support.js';
import { escapeHtml } from '../../platform/html.js';
import { LOCALES, PUBLIC_LANGS } from '../../platform/i18n/locales.js';
import { QUESTION_IDS } from './engine/index.js';

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** The page's first POST form sent as a browser without JavaScript would: every field at its default, the first textarea filled. */
function formFields(page: string, text: string): { action: string; body: string } {
  const form = /<form\b[^>]*method="post"[^>]*>[\s\S]*?<\/form>/.exec(page)![0];
  const fields = new URLSearchParams();
  let filled = false;
  for (const [tag] of form.matchAll(/<input\b[^>]*>|<textarea\b[^>]*>[\s\S]*?<\/textarea>|<select\b[^>]*>[\s\S]*?<\/select>/g)) {
    const name = attr(tag.match(/^<[^>]*>/)![0], 'name');
    if (!name) continue;
    if (tag.startsWith('<textarea')) {
      fields.append(name, filled ? '' : text);
      filled = true;
    } else if (tag.startsWith('<select')) {
      const option = /<option\b[^>]*selected[^>]*>/.exec(tag)?.[0] ?? /<option\b[^>]*>/.exec(tag)![0];
      fields.append(name, attr(option, 'value') ?? '');
    } else fields.append(name, attr(tag, 'value') ?? '');
  }
  return { action: attr(form, 'action')!, body: fields.toString() };
}

describeEachDb('the /:lang/check page', (dialect) => {
  let h: Harness;
  const get = (url: string) => h.app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string> | string) =>
    h.app.inject({ method: 'POST', url, payload: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  beforeAll(async () => {
    h = await harness(dialect, { SOS_PHONE: '+381 64 000 0000', SOS_HOURS: 'every day 8–20' });
  });
  afterAll(() => h.close());

  it('serves the form in all eleven languages under a strict CSP, setting no cookie', async () => {
    for (const lang of PUBLIC_LANGS) {
      const r = await get(`/${lang}/check`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.body.match(/<!doctype html>/gi)).toHaveLength(1);
      expect(r.body).toContain(`<html lang="${LOCALES[lang].tag}" dir="${LOCALES[lang].dir}">`);
      expect(r.body).toContain(`<form method="post" action="/${lang}/check" class="check"`);
      expect(r.body).toContain('<script type="module" src="/assets/js/check.js"></script>');
      expect(r.body).toContain('tel:+381640000000');
      expect(r.body).not.toMatch(/<(style|script)>|\sstyle=|\son[a-z]+=/i);
    }
    expect((await get('/ur/check')).body).toContain('<html lang="ur" dir="rtl">');
  });

  it('asks every question with nothing chosen, so a form sent as it is holds only the offer', async () => {
    const page = (await get('/en/check')).body;
    for (const id of QUESTION_IDS) expect(page).toContain(`name="${id}"`);
    const { body } = formFields(page, 'offer');
    const sent = new URLSearchParams(body);
    expect(sent.get('text')).toBe('offer');
    expect([...sent].filter(([name, value]) => name !== 'text' && value !== '')).toEqual([]);
  });

  it('shows the result of a form sent without JavaScript above the form, which stays filled in', async () => {
    const { action, body } = formFields((await get('/en/check')).body, RISKY_OFFER);
    expect(action).toBe('/en/check');
    const r = await post(action, body);
    expect(r.statusCode).toBe(200);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('no-store');
    const page = r.body;
    expect(page).toContain('<div class="verdict verdict-high">');
    expect(page).toContain('<h2 id="result-title">High concern</h2>');
    expect(page).toContain('<h4>You are asked to pay for the job</h4>');
    expect(page).toContain('<p class="severity">Serious warning sign</p>');
    expect(page).toContain('Words in the offer: <q dir="auto">Pay the agent 900 EUR</q>');
    expect(page).toContain('<h3>What to check next</h3>');
    expect(page).toContain('Call the SOS line of Labour Justice for free, confidential advice: +381 64 000 0000 (every day 8–20).');
    expect(page).toMatch(/<p class="disclaimer">[^<]*does not mean the offer is safe/);
    expect(page).toContain(`${escapeHtml(RISKY_OFFER)}</textarea>`);
    expect(page).toContain('<a href="/en/check">Start again with an empty form</a>');
    expect(page.indexOf('id="result-title"')).toBeLessThan(page.indexOf('<form'));
  });

  it('keeps the answers chosen and explains in the page language, right to left in Urdu', async () => {
    const r = await post('/ur/check', { text: '', passport_keeper: 'employer', hours_per_day: '14', agency_name: 'Posao Plus' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<html lang="ur" dir="rtl">');
    expect(r.body).toContain('<h2 id="result-title">زیادہ خطرہ</h2>');
    expect(r.body).toMatch(/<option value="employer" selected>/);
    expect(r.body).toContain('value="14"');
    expect(r.body).toContain('value="Posao Plus"');
    expect(r.body).toContain('<details class="questions" open>');
  });

  it('says that a low result does not mean safe, and shows no concerns, for a fair offer', async () => {
    const r = await post('/sr-Latn/check', { text: 'Elektro Sistem d.o.o. traži električara, Novi Sad. Pisani ugovor o radu pre početka rada, plata 120.000 dinara neto, prijava na osiguranje od prvog dana. Bez ikakvih troškova za kandidate.' });
    expect(r.body).toContain('<h2 id="result-title">Nizak rizik</h2>');
    expect(r.body).toContain('Nizak rizik ne znači da je ponuda bezbedna');
    expect(r.body).not.toContain('<ol class="signals">');
  });

  it('asks for an offer or an answer when the form is sent empty', async () => {
    const r = await post('/en/check', { text: '  ', offered_by: '', hours_per_day: '' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('<p class="errors" role="alert">Paste the job offer or answer at least one question, then check again.</p>');
    expect(r.body).not.toContain('result-title');
  });

  it('marks an answer the browser should have refused, keeping the rest', async () => {
    const r = await post('/en/check', { text: RISKY_OFFER, hours_per_day: '30' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('aria-describedby="q-hours_per_day-error" aria-invalid="true"');
    expect(r.body).toContain('<p class="error" id="q-hours_per_day-error">This answer is not valid. Correct it or leave it empty.</p>');
    expect(r.body).toContain(`${escapeHtml(RISKY_OFFER)}</textarea>`);
  });

  it('answers 404 for a language the site does not have', async () => {
    expect((await get('/de/check')).statusCode).toBe(404);
    expect((await post('/de/check', { text: RISKY_OFFER })).statusCode).toBe(404);
  });
});
