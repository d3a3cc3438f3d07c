import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublicJs, PUBLIC_JS_DIR } from '../scripts/build-public-js.js';
import { PUBLIC_LANGS } from '../src/platform/i18n/locales.js';
import { harness, type Harness } from './support.js';

// Budgets from the issue: a worker on a cheap phone with little data.
const FIRST_LOAD_BUDGET = 30 * 1024;
const OFFLINE_ENGINE_BUDGET = 60 * 1024;

const gzipped = (body: string | Buffer) => gzipSync(body).length;
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** What a page loads before anyone can use it: its stylesheets, scripts and module preloads, and what those scripts import statically. */
function assetsOf(page: string): string[] {
  const links = [...page.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => /stylesheet|modulepreload/.test(attr(tag, 'rel') ?? '')).map((tag) => attr(tag, 'href')!);
  const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map(([tag]) => attr(tag, 'src')).filter((src): src is string => src !== undefined);
  return [...links, ...scripts];
}

describe('the weight of /:lang/check', () => {
  let h: Harness;
  beforeAll(async () => {
    await buildPublicJs();
    h = await harness('sqlite');
  }, 120_000);
  afterAll(() => h.close());

  it.each(PUBLIC_LANGS)(`loads at most 30 KB gzip in all before interaction, from this site only, in %s`, async (lang) => {
    const page = (await h.app.inject({ url: `/${lang}/check` })).body;
    const assets = assetsOf(page);
    expect(assets).toEqual(['/assets/site.css', '/assets/check.css', '/assets/js/check.js']);
    let total = gzipped(page);
    for (const url of assets) {
      const r = await h.app.inject({ url });
      expect(r.statusCode).toBe(200);
      // A static import would load more before interaction; the engine comes later, by dynamic import.
      if (url.endsWith('.js')) expect(r.body).not.toMatch(/(^|[;}\s])import\s*[\w{*"]/);
      total += gzipped(r.rawPayload);
    }
    expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });

  it.each(PUBLIC_LANGS)('keeps the offline engine with the %s language pack within 60 KB gzip, other languages apart', (lang) => {
    const engine = readFileSync(join(PUBLIC_JS_DIR, 'jobcheck.js'));
    const pack = readFileSync(join(PUBLIC_JS_DIR, `jobcheck-${lang}.js`));
    expect(gzipped(engine) + gzipped(pack)).toBeLessThanOrEqual(OFFLINE_ENGINE_BUDGET);
    for (const other of PUBLIC_LANGS.filter((l) => l !== 'en')) expect(engine.toString()).not.toContain(`lang:"${other}"`);
    expect(pack.toString()).toContain(`lang:"${lang}"`);
  });

  it('serves the service worker from the site root, fresh on every visit, and asks for nothing from elsewhere', async () => {
    const r = await h.app.inject({ url: '/sw.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers['cache-control']).toBe('no-cache');
    for (const file of ['sw.js', 'check.js', 'jobcheck.js']) {
      expect(readFileSync(join(PUBLIC_JS_DIR, file), 'utf8')).not.toMatch(/["'`]https?:\/\//);
    }
  });
});
