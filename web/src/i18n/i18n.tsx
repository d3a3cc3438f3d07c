import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, negotiate, STAFF_LANGS, type StaffLang } from '../../../src/platform/i18n/locales.js';
import { createTranslator, type Catalogue } from '../../../src/platform/i18n/translator.js';

/**
 * The staff app's messages are the `staff` namespace of locales/, formatted by the platform's own
 * translator: the same ICU rules, English fallback and Serbian Cyrillic transliterated from Serbian
 * Latin (with locales/sr-Cyrl/staff.json for the rare word that must differ) as on the server.
 */
export type Lang = StaffLang;
export const LANGUAGES = STAFF_LANGS.map((code) => ({ code, name: LOCALES[code].nativeName }));

/** Every message key; English is the reference catalogue, which every other must match. */
export type MessageKey = keyof typeof import('../../../locales/en/staff.json', { with: { type: 'json' } });
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

// Each catalogue is its own chunk: a reader downloads English (the fallback) and their own language.
const files = import.meta.glob<Catalogue>('../../../locales/*/staff.json', { import: 'default' });
const catalogueOf = async (lang: Lang): Promise<Catalogue | undefined> => files[`../../../locales/${lang}/staff.json`]?.();

/** Which catalogues a language's messages come from. */
const SOURCES: Record<Lang, readonly Lang[]> = { en: ['en'], 'sr-Latn': ['en', 'sr-Latn'], 'sr-Cyrl': ['en', 'sr-Latn', 'sr-Cyrl'] };

const STORAGE_KEY = 'lj.staff.lang';
const isLang = (v: unknown): v is Lang => (STAFF_LANGS as readonly unknown[]).includes(v);

/** The remembered choice, else the first of the browser's languages the staff app speaks. */
export function preferredLanguage(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLang(stored)) return stored;
  for (const tag of navigator.languages) {
    const lang = negotiate(tag);
    // negotiate answers English for a language it does not know: only a real match counts here.
    if (isLang(lang) && (lang !== 'en' || /^en\b/i.test(tag))) return lang;
  }
  return 'en';
}

interface Formatters {
  lang: Lang;
  t: Translate;
}

async function formattersFor(lang: Lang): Promise<Formatters> {
  const catalogues = await Promise.all(SOURCES[lang].map(async (l) => [l, (await catalogueOf(l)) ?? {}] as const));
  const translator = createTranslator({ staff: Object.fromEntries(catalogues) });
  return { lang, t: (key, values) => translator.t(lang, `staff:${key}`, values) };
}

interface I18n extends Formatters {
  setLang(lang: Lang): void;
  /** A moment to the second, as records of what happened need it (the audit trail, a case's timeline). */
  formatDateTime(iso: string): string;
  /** A moment to the minute, as planned times read (an event's start): "10 Dec 2020, 11:00". */
  formatDateTimeShort(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initial, children }: { initial: Lang; children: ReactNode }) {
  const [formatters, setFormatters] = useState<Formatters | null>(null);

  const setLang = useCallback((lang: Lang) => {
    void formattersFor(lang).then((f) => {
      localStorage.setItem(STORAGE_KEY, lang);
      setFormatters(f);
    });
  }, []);

  useEffect(() => {
    void formattersFor(initial).then(setFormatters);
  }, [initial]);

  useEffect(() => {
    if (formatters) document.documentElement.lang = formatters.lang;
  }, [formatters]);

  const value = useMemo<I18n | null>(() => {
    if (!formatters) return null;
    const { tag } = LOCALES[formatters.lang];
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium' });
    const toMinute = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    return { ...formatters, setLang, formatDateTime: (iso) => dateTime.format(new Date(iso)), formatDateTimeShort: (iso) => toMinute.format(new Date(iso)) };
  }, [formatters, setLang]);

  // Nothing shows until the catalogue has come: no flash of untranslated keys.
  return value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : null;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
