/**
 * Serbian Cyrillic is derived from Serbian Latin (one language, two alphabets): a file that says
 * "derivedFrom": "sr-Latn" gets the Latin file transliterated, plus whatever it writes itself.
 */
import { latinToCyrillicText } from '../../../platform/i18n/transliterate.js';

/** Keys whose values are codes, not words, and stay as they are. */
const CODE_KEYS = new Set(['lang', 'derivedFrom']);

/** Transliterates a phrase, leaving regex escapes such as \d alone ({tokens} are kept by the transliterator). */
function cyrillicPhrase(phrase: string): string {
  return phrase
    .split(/(\\.)/u)
    .map((part, i) => (i % 2 === 1 ? part : latinToCyrillicText(part)))
    .join('');
}

function transliterate(value: unknown): unknown {
  if (typeof value === 'string') return cyrillicPhrase(value);
  if (Array.isArray(value)) return value.map(transliterate);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, CODE_KEYS.has(k) ? v : transliterate(v)]));
  }
  return value;
}

/** Lists are joined, objects merged key by key, anything else taken from `extra`. */
function merge(base: unknown, extra: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(extra)) return [...base, ...extra];
  if (base && extra && typeof base === 'object' && typeof extra === 'object' && !Array.isArray(base) && !Array.isArray(extra)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(extra)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return extra === undefined ? base : extra;
}

/** The derived file: the base transliterated, merged with the file's own entries, under the file's language. */
export function derive<T extends { lang: string; derivedFrom?: string }>(source: T, base: T): T {
  return { ...(merge(transliterate(base), source) as T), lang: source.lang };
}
