import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_LANGS } from '../src/platform/i18n/locales.js';
import { harness, type Harness } from './support.js';

describe('the public site over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sqlite', { SOS_PHONE: '+381 64 000 0000' });
  });
  afterAll(() => h.close());
  const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });

  it('sends / to the best language the browser asks for', async () => {
    expect((await get('/', { 'accept-language': 'ur-PK,ur;q=0.9,en;q=0.5' })).headers.location).toBe('/ur/');
    expect((await get('/', { 'accept-language': 'sr-RS' })).headers.location).toBe('/sr-Latn/');
    expect((await get('/')).headers.location).toBe('/en/');
  });

  it('serves the home page in all eleven languages with a strict CSP and no cookie', async () => {
    for (const lang of PUBLIC_LANGS) {
      const r = await get(`/${lang}/`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(r.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.body).toContain('tel:+381640000000');
    }
    expect((await get('/ur/')).body).toMatch(/<html lang="ur" dir="rtl">/);
  });

  it('answers unknown pages with a 404 page in the path language, and unknown API paths with JSON', async () => {
    const page = await get('/hi/nowhere');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/<html lang="hi"/);
    const api = await get('/api/v1/nowhere');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
    expect((await get('/xx/')).statusCode).toBe(404);
  });

  it('serves the stylesheet and nothing outside the assets folder', async () => {
    const css = await get('/assets/site.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect((await get('/assets/../package.json')).statusCode).toBe(404);
    expect((await get('/assets/%2e%2e/package.json')).statusCode).toBe(404);
  });
});
