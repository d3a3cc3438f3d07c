import type IntlMessageFormat from 'intl-messageformat';
import { argumentsOf, compile, type MessageArguments } from './icu.js';
import { LOCALES, PUBLIC_LANGS, type PublicLang } from './locales.js';
import { latinToCyrillic } from './transliterate.js';

/** key → ICU message. */
export type Catalogue = Readonly<Record<string, string>>;
/** Catalogues as written: namespace → language → catalogue. English must hold every key of its namespace. */
export type CatalogueSources = Readonly<Record<string, Partial<Record<PublicLang, Catalogue>>>>;
export type MessageValues = Readonly<Record<string, string | number | Date>>;

export interface Translator {
  /** Formats the message `namespace:key` in `lang`, e.g. `t('ur', 'public:sos.call', { phone })`. */
  t(lang: PublicLang, key: string, values?: MessageValues): string;
  /**
   * The same message with values as they are, without isolation marks: for text pasted into
   * documents (donor-report narratives, exports), where the marks would be stray characters.
   */
  text(lang: PublicLang, key: string, values?: MessageValues): string;
  /** A namespace's messages in `lang` with fallbacks applied: what a browser-side formatter needs. */
  catalogue(lang: PublicLang, namespace: string): Catalogue;
}

interface Entry {
  source: string;
  message: IntlMessageFormat;
  args: MessageArguments;
}

type Entries = Map<string, Entry>;

function compileAll(catalogue: Catalogue, lang: PublicLang, namespace: string): Entries {
  return new Map(
    Object.entries(catalogue).map(([key, source]) => {
      try {
        const message = compile(source, LOCALES[lang].tag);
        return [key, { source, message, args: argumentsOf(message) }];
      } catch (e) {
        throw new Error(`locales/${lang}/${namespace}.json: "${key}" is not a valid ICU message`, { cause: e });
      }
    }),
  );
}

/** A translation must know exactly the keys and arguments of English, or a page would lose a value. */
function checkAgainstEnglish(entries: Entries, english: Entries, lang: PublicLang, namespace: string): void {
  for (const [key, { args }] of entries) {
    const en = english.get(key);
    if (!en) throw new Error(`locales/${lang}/${namespace}.json: "${key}" is not in locales/en/${namespace}.json`);
    const same = args.names.size === en.args.names.size && [...args.names].every((n) => en.args.names.has(n));
    if (!same) {
      throw new Error(
        `locales/${lang}/${namespace}.json: "${key}" uses {${[...args.names].join(', ')}}, English {${[...en.args.names].join(', ')}}`,
      );
    }
  }
}

// First-strong isolation marks (U+2068 … U+2069) keep an inserted phone number or Latin text from
// being reordered by the surrounding right-to-left text, as Fluent does. Only printed arguments get
// them: a value a select or plural matches on must stay as it is.
function isolatePrinted(values: MessageValues | undefined, printed: ReadonlySet<string>): MessageValues | undefined {
  if (!values) return values;
  return Object.fromEntries(
    Object.entries(values).map(([name, v]) => [name, typeof v === 'string' && printed.has(name) ? `\u2068${v}\u2069` : v]),
  );
}

/**
 * Builds the translator from all catalogues, compiling and checking every message up front so a
 * broken catalogue stops the server at startup. A message missing in a language falls back to
 * English; Serbian Cyrillic first falls back to the Serbian Latin message, transliterated.
 */
export function createTranslator(sources: CatalogueSources): Translator {
  const resolved = new Map<PublicLang, Map<string, Entries>>(PUBLIC_LANGS.map((lang) => [lang, new Map()]));
  for (const [namespace, catalogues] of Object.entries(sources)) {
    if (!catalogues.en) throw new Error(`locales/en/${namespace}.json is missing`);
    const english = compileAll(catalogues.en, 'en', namespace);
    const serbianLatin = catalogues['sr-Latn'] ?? {};
    for (const lang of PUBLIC_LANGS) {
      const own = lang === 'en' ? english : compileAll(catalogues[lang] ?? {}, lang, namespace);
      checkAgainstEnglish(own, english, lang, namespace);
      const transliterated =
        lang === 'sr-Cyrl'
          ? compileAll(Object.fromEntries(Object.entries(serbianLatin).map(([k, v]) => [k, latinToCyrillic(v)])), lang, namespace)
          : new Map();
      resolved.get(lang)?.set(namespace, new Map([...english, ...transliterated, ...own]));
    }
  }

  const entries = (lang: PublicLang, namespace: string): Entries => {
    const found = resolved.get(lang)?.get(namespace);
    if (!found) throw new Error(`Unknown message namespace "${namespace}"`);
    return found;
  };

  const entry = (lang: PublicLang, key: string): Entry => {
    const colon = key.indexOf(':');
    const found = colon > 0 ? entries(lang, key.slice(0, colon)).get(key.slice(colon + 1)) : undefined;
    if (!found) throw new Error(`Unknown message "${key}"`);
    return found;
  };

  // With tags off and only primitive values, intl-messageformat always returns a string.
  return {
    t(lang, key, values) {
      const e = entry(lang, key);
      return e.message.format(isolatePrinted(values, e.args.printed)) as string;
    },
    text(lang, key, values) {
      return entry(lang, key).message.format(values) as string;
    },
    catalogue(lang, namespace) {
      return Object.fromEntries([...entries(lang, namespace)].map(([key, entry]) => [key, entry.source]));
    },
  };
}
