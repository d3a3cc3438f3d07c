import { describe, expect, it } from 'vitest';
import { isPublicLang, LOCALES, negotiate, PUBLIC_LANGS, STAFF_LANGS } from './locales.js';

describe('locales', () => {
  it('lists the eleven public languages in switcher order, Urdu right to left', () => {
    expect(PUBLIC_LANGS).toEqual(['sr-Latn', 'sr-Cyrl', 'en', 'hi', 'ur', 'tr', 'zh', 'sq', 'vi', 'ne', 'bn']);
    expect(PUBLIC_LANGS.filter((l) => LOCALES[l].dir === 'rtl')).toEqual(['ur']);
    expect(STAFF_LANGS).toEqual(['sr-Latn', 'sr-Cyrl', 'en']);
  });

  it('gives every language a tag that Intl accepts as itself', () => {
    for (const lang of PUBLIC_LANGS) {
      expect(Intl.getCanonicalLocales(LOCALES[lang].tag)).toEqual([LOCALES[lang].tag]);
    }
    expect(LOCALES.zh.tag).toBe('zh-Hans');
    expect(LOCALES['sr-Latn'].tag).toBe('sr-Latn-RS');
  });

  it('accepts only exact language codes from a URL', () => {
    expect(isPublicLang('sr-Cyrl')).toBe(true);
    expect(isPublicLang('sr')).toBe(false);
    expect(isPublicLang('SR-LATN')).toBe(false);
  });
});

describe('negotiate', () => {
  it.each([
    ['sr', 'sr-Latn'],
    ['sr-RS', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['sr-Cyrl', 'sr-Cyrl'],
    ['sr-Cyrl-RS,sr;q=0.9', 'sr-Cyrl'],
    ['hr-HR,hr;q=0.9', 'sr-Latn'],
    ['zh-CN,zh;q=0.9', 'zh'],
    ['zh-TW', 'zh'],
    ['zh', 'zh'],
    ['ur-PK', 'ur'],
    ['ne-NP,en;q=0.5', 'ne'],
    ['bn_BD', 'bn'],
    ['TR-tr', 'tr'],
  ])('maps %s to %s', (header, lang) => {
    expect(negotiate(header)).toBe(lang);
  });

  it('prefers the highest q-value, then the header order', () => {
    expect(negotiate('en;q=0.5, hi;q=0.8, vi;q=0.8')).toBe('hi');
    expect(negotiate('de-DE, sq;q=0.3, en;q=0.2')).toBe('sq');
  });

  it('skips languages we lack and those refused with q=0', () => {
    expect(negotiate('de-DE,fr;q=0.9,vi;q=0.1')).toBe('vi');
    expect(negotiate('tr;q=0, en;q=0.1')).toBe('en');
  });

  it('falls back to English without a usable header', () => {
    expect(negotiate(undefined)).toBe('en');
    expect(negotiate('')).toBe('en');
    expect(negotiate('*')).toBe('en');
    expect(negotiate('de, fr;q=0.5')).toBe('en');
    expect(negotiate('hi;q=abc')).toBe('en');
  });
});
