import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { html } from '../../platform/html.js';
import { LOCALES, PUBLIC_LANGS } from '../../platform/i18n/locales.js';
import { ASSETS_PREFIX, PUBLIC_ASSETS_DIR } from './assets.js';
import { renderHome } from './home.js';
import { QUICK_EXIT_URL, renderPage } from './layout.js';
import { renderNotFound } from './not-found.js';

const sos = { phone: '+381 11 123 4567', hours: 'Mon–Fri 10:00–18:00' };

const pages = PUBLIC_LANGS.flatMap((lang) => [
  { lang, name: `${lang} home`, page: renderHome(lang, sos) },
  { lang, name: `${lang} 404`, page: renderNotFound(lang) },
]);

const attributes = (page: string, name: string) => [...page.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('public pages', () => {
  it.each(pages)('$name declares its language and direction', ({ lang, page }) => {
    expect(page.startsWith('<!doctype html>\n')).toBe(true);
    expect(page).toContain(`<html lang="${LOCALES[lang].tag}" dir="${LOCALES[lang].dir}">`);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport"');
  });

  it('sets Urdu right to left and every other language left to right', () => {
    expect(renderHome('ur', sos)).toContain('<html lang="ur" dir="rtl">');
    expect(renderHome('hi', sos)).toContain('dir="ltr"');
  });

  it.each(pages)('$name has no inline style or script and one same-origin stylesheet', ({ page }) => {
    expect(page).not.toMatch(/\sstyle=/i);
    expect(page).not.toMatch(/<style/i);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(attributes(page, 'href').filter((h) => h?.endsWith('.css'))).toEqual([`${ASSETS_PREFIX}site.css`]);
  });

  it.each(pages)('$name links only within the site, apart from the quick exit and the phone', ({ page }) => {
    const external = attributes(page, 'href').filter((href) => !/^(\/(?!\/)|#|tel:)/.test(href ?? ''));
    expect(external).toEqual([QUICK_EXIT_URL]);
    expect(page).toContain(`<a class="exit" href="${QUICK_EXIT_URL}" rel="noreferrer">`);
    expect(attributes(page, 'src')).toEqual([]);
  });

  it.each(pages)('$name has a skip link to the main landmark, a header and a footer', ({ page }) => {
    expect(page).toMatch(/<a class="skip" href="#main">[^<]+<\/a>/);
    expect(page).toContain('<main id="main"');
    expect(page).toContain('<header>');
    expect(page).toContain('<footer>');
  });

  it('links every language to the same page in that language, marking the current one', () => {
    const page = renderPage({ lang: 'tr', path: 'check', title: 'x', main: html`` });
    for (const lang of PUBLIC_LANGS) {
      const { tag, nativeName } = LOCALES[lang];
      expect(page).toContain(`<a href="/${lang}/check" lang="${tag}" hreflang="${tag}"${lang === 'tr' ? ' aria-current="page"' : ''}>${nativeName}</a>`);
    }
  });

  it('escapes the title and keeps the main markup and extra head as given', () => {
    const page = renderPage({
      lang: 'en',
      path: '',
      title: '<script>alert(1)</script>',
      main: html`<p>${'<img onerror=x>'}</p>`,
      extraHead: html`<script src="/assets/check.js" defer></script>`,
    });
    expect(page).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; · Labour Justice</title>');
    expect(page).toContain('<p>&lt;img onerror=x&gt;</p>');
    expect(page).toContain('<script src="/assets/check.js" defer></script>\n</head>');
  });

  it('stays small: the home page is under 5 KB gzipped in every language', () => {
    for (const lang of PUBLIC_LANGS) expect(gzipSync(renderHome(lang, sos)).length).toBeLessThan(5 * 1024);
  });
});

describe('home page', () => {
  it('offers a call button with a dialable number and the opening hours', () => {
    const page = renderHome('en', sos);
    expect(page).toContain('<a class="call" href="tel:+381111234567">Call \u2068+381 11 123 4567\u2069</a>');
    expect(page).toContain('Mon–Fri 10:00–18:00');
  });

  it('links to the job check, the report form and the rights in the same language', () => {
    const page = renderHome('vi', sos);
    expect(page).toContain('href="/vi/check"');
    expect(page).toContain('href="/vi/report"');
    expect(page).toContain('href="#rights"');
    expect(page).toContain('<section id="rights"');
    expect(page.match(/<ol class="rights">(.*)<\/ol>/)?.[1]?.match(/<li>/g)).toHaveLength(6);
  });

  it('escapes configured values', () => {
    const page = renderHome('en', { phone: '0800"><b>', hours: '<i>always</i>' });
    expect(page).toContain('href="tel:0800"');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;i&gt;always&lt;/i&gt;');
  });

  it('is written in Serbian Cyrillic for sr-Cyrl', () => {
    expect(renderHome('sr-Cyrl', sos)).toContain('<h1>Бесплатна и поверљива помоћ за раднике</h1>');
  });
});

describe('not-found page', () => {
  it('says the page is missing and links home in the same language', () => {
    const page = renderNotFound('sq');
    expect(page).toContain('<h1>Faqja nuk u gjet</h1>');
    expect(page).toContain('<a href="/sq/">Shko te faqja kryesore</a>');
  });
});

describe('site.css', () => {
  const css = readFileSync(join(PUBLIC_ASSETS_DIR, 'site.css'), 'utf8');

  it('is small and loads nothing from elsewhere', () => {
    // One stylesheet serves every public page; it counts against the job check's 30 KB first-load budget.
    expect(gzipSync(css).length).toBeLessThan(4 * 1024);
    expect(css).not.toMatch(/url\(|@import|@font-face/);
  });

  it('uses logical properties so right-to-left pages mirror', () => {
    expect(css).not.toMatch(/(margin|padding)-(left|right)|\b(left|right):|float:|text-align:\s*(left|right)/);
  });
});
