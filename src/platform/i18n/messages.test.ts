import { describe, expect, it } from 'vitest';
import { PUBLIC_LANGS, STAFF_LANGS, type PublicLang } from './locales.js';
import { catalogue, loadCatalogueSources, t } from './messages.js';
import { createTranslator } from './translator.js';

const sources = loadCatalogueSources();

// Which languages must translate a namespace; sr-Cyrl may instead rely on transliterated sr-Latn.
const REQUIRED: Record<string, readonly PublicLang[]> = { public: PUBLIC_LANGS, staff: STAFF_LANGS, reports: STAFF_LANGS };

describe('the catalogues in locales/', () => {
  it('have the namespaces the site and the staff app use', () => {
    expect(Object.keys(sources).sort()).toEqual(Object.keys(REQUIRED).sort());
  });

  it.each(Object.entries(REQUIRED))('translate every English %s key in each of its languages', (namespace, langs) => {
    const english = Object.keys(sources[namespace]?.en ?? {});
    expect(english.length).toBeGreaterThan(0);
    for (const lang of langs) {
      const own = sources[namespace]?.[lang] ?? {};
      const serbianLatin = sources[namespace]?.['sr-Latn'] ?? {};
      const missing = english.filter((key) => !(key in own) && !(lang === 'sr-Cyrl' && key in serbianLatin));
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });

  it('load without errors: every message parses and matches English keys and arguments', () => {
    expect(() => createTranslator(sources)).not.toThrow();
  });
});

describe('t', () => {
  it('formats a message with its values', () => {
    expect(t('en', 'public:sos.hours', { hours: '9–17' })).toBe('We answer the phone: \u20689–17\u2069');
  });

  it('isolates printed values so a phone number keeps its order in right-to-left text', () => {
    expect(t('ur', 'public:sos.call', { phone: '0800 101 010' })).toBe('\u20680800 101 010\u2069 پر کال کریں');
  });

  it('serves Serbian Cyrillic transliterated from Serbian Latin, with its own overrides', () => {
    expect(t('sr-Cyrl', 'public:nav.quickExit')).toBe('Брзи излаз');
    expect(t('sr-Cyrl', 'public:site.name')).toBe('Labour Justice');
    expect(catalogue('sr-Cyrl', 'staff')['auth.password']).toBe('Лозинка');
  });

  it('leaves values unmarked in text meant for documents', () => {
    const { t, text } = createTranslator({ ns: { en: { n: 'Call {phone}' } } });
    expect(t('ur', 'ns:n', { phone: '0800' })).toBe('Call \u20680800\u2069');
    expect(text('ur', 'ns:n', { phone: '0800' })).toBe('Call 0800');
  });

  it('falls back to English where a language has no catalogue', () => {
    expect(t('hi', 'staff:auth.signIn')).toBe('Sign in');
  });

  it('throws on a key or namespace nobody wrote', () => {
    expect(() => t('en', 'public:no.such.key')).toThrow(/Unknown message/);
    expect(() => t('en', 'nothing:site.name')).toThrow(/Unknown message namespace/);
    expect(() => t('en', 'site.name')).toThrow(/Unknown message/);
  });
});

describe('createTranslator', () => {
  const base = { en: { greet: 'Hello {name}', bye: 'Bye' }, 'sr-Latn': { greet: 'Zdravo {name}', bye: 'Ćao' } };

  it('falls back per key: to transliterated Serbian Latin for Cyrillic, then to English', () => {
    const { t } = createTranslator({ ns: { ...base, 'sr-Cyrl': { bye: 'Збогом' }, tr: { bye: 'Hoşça kal' } } });
    expect(t('sr-Cyrl', 'ns:greet', { name: 'Đorđe' })).toBe('Здраво \u2068Đorđe\u2069');
    expect(t('sr-Cyrl', 'ns:bye')).toBe('Збогом');
    expect(t('tr', 'ns:greet', { name: 'Ali' })).toBe('Hello \u2068Ali\u2069');
  });

  it('passes values a select or plural matches on unchanged', () => {
    const { t } = createTranslator({ ns: { en: { n: '{kind, select, call {Call} other {Other}} {count, plural, one {# call} other {# calls}}' } } });
    expect(t('en', 'ns:n', { kind: 'call', count: 2 })).toBe('Call 2 calls');
  });

  it('refuses a key that English lacks', () => {
    expect(() => createTranslator({ ns: { ...base, vi: { extra: 'x' } } })).toThrow('locales/vi/ns.json: "extra" is not in locales/en/ns.json');
  });

  it('refuses a translation whose arguments differ from English', () => {
    expect(() => createTranslator({ ns: { ...base, sq: { greet: 'Tungjatjeta {emri}' } } })).toThrow(/"greet" uses \{emri\}/);
  });

  it('refuses a message that is not valid ICU', () => {
    expect(() => createTranslator({ ns: { ...base, ne: { bye: 'नमस्ते {' } } })).toThrow('locales/ne/ns.json: "bye" is not a valid ICU message');
  });

  it('refuses a namespace without English', () => {
    expect(() => createTranslator({ ns: { 'sr-Latn': { bye: 'Ćao' } } })).toThrow('locales/en/ns.json is missing');
  });
});
