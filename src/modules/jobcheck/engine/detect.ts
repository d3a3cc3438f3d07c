/**
 * Language detection: the script decides first (Arabic script is Urdu, Bengali is Bengali, Han is
 * Chinese, Cyrillic is Serbian), then stop words and letters decide between languages sharing a script
 * (Hindi or Nepali in Devanagari; English, Serbian, Turkish, Albanian or Vietnamese in Latin).
 */
import type { CompiledLexicon } from './lexicon.js';
import { WORD } from './phrase.js';
import type { DetectedLanguage, Language } from './types.js';

const SCRIPTS = ['Latin', 'Cyrillic', 'Arabic', 'Devanagari', 'Bengali', 'Han'] as const;
type Script = (typeof SCRIPTS)[number];
const [LATIN, CYRILLIC, ARABIC, DEVANAGARI, BENGALI, HAN] = [0, 1, 2, 3, 4, 5];
const NONE = -1;

/** Code point ranges per script; a loop over char codes is far cheaper than a Unicode property regex per character. */
function scriptOf(code: number): number {
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)) {
    return LATIN;
  }
  if (code >= 0x400 && code <= 0x52f) return CYRILLIC;
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) return ARABIC;
  if (code >= 0x900 && code <= 0x97f) return DEVANAGARI;
  if (code >= 0x980 && code <= 0x9ff) return BENGALI;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return HAN;
  return NONE;
}

/** Languages decided by script alone; Devanagari and Latin need the lexicons. */
const SCRIPT_LANGUAGE: Partial<Record<Script, Language>> = { Arabic: 'ur', Bengali: 'bn', Han: 'zh', Cyrillic: 'sr-Cyrl' };
const LATIN_LANGUAGES: readonly string[] = ['en', 'sr-Latn', 'tr', 'sq', 'vi'];
const DEVANAGARI_LANGUAGES: readonly string[] = ['hi', 'ne'];
/** Letters only Russian uses: a Cyrillic text full of them and without Serbian's own letters is not Serbian. */
const RUSSIAN_ONLY = new Set([...'ыэъйёщЫЭЪЙЁЩ'].map((c) => c.charCodeAt(0)));
const SERBIAN_ONLY = new Set([...'ђјљњћџЂЈЉЊЋЏ'].map((c) => c.charCodeAt(0)));
/** Stop words say more than letters: each counts this many letter hits. */
const STOPWORD_WEIGHT = 3;
/** A Han character carries about a word, so a few of them outweigh scattered Latin brand names. */
const HAN_WEIGHT = 2;

export interface Detection {
  language: DetectedLanguage;
  /** Other languages of loaded lexicons that score well: their patterns are matched too (mixed offers). */
  alsoPresent: string[];
  /** Words in the text, counting a Han character as a word (Chinese writes words of one or two characters). */
  words: number;
}

/** Which languages each stop word and each letter (by char code) points to, built once from the loaded lexicons. */
export interface DetectionIndex {
  stopwords: ReadonlyMap<string, readonly string[]>;
  letters: ReadonlyMap<number, readonly string[]>;
}

export function detectionIndex(lexicons: readonly CompiledLexicon[]): DetectionIndex {
  const stopwords = new Map<string, string[]>();
  const letters = new Map<number, string[]>();
  for (const lex of lexicons) {
    for (const w of lex.stopwords) stopwords.set(w, [...(stopwords.get(w) ?? []), lex.lang]);
    for (const c of lex.letters) letters.set(c.charCodeAt(0), [...(letters.get(c.charCodeAt(0)) ?? []), lex.lang]);
  }
  return { stopwords, letters };
}

/** Lower-case code units, filled in as they are met: toLowerCase on every character of every offer would allocate a string each time. */
const LOWER = new Uint16Array(0x10000);

function lowerCode(code: number): number {
  if (LOWER[code] === 0) LOWER[code] = String.fromCharCode(code).toLowerCase().charCodeAt(0);
  return LOWER[code] ?? code;
}

function addScore(scores: Map<string, number>, langs: readonly string[] | undefined, points: number): void {
  if (langs) for (const lang of langs) scores.set(lang, (scores.get(lang) ?? 0) + points);
}

function best(scores: Map<string, number>, among: readonly string[]): string | undefined {
  let top: [string, number] | undefined;
  for (const lang of among) {
    const s = scores.get(lang) ?? 0;
    if (s > 0 && (!top || s > top[1])) top = [lang, s];
  }
  return top?.[0];
}

export function detectLanguage(original: string, folded: string, index: DetectionIndex): Detection {
  const counts = new Int32Array(SCRIPTS.length);
  const scores = new Map<string, number>();
  let russian = 0;
  let serbian = 0;
  // One pass over the characters: scripts, distinctive Latin letters, Russian or Serbian Cyrillic.
  // Phones send precomposed letters, so the original is read as it is, without normalising.
  for (let i = 0; i < original.length; i += 1) {
    const code = original.charCodeAt(i);
    const script = scriptOf(code);
    if (script === NONE) continue;
    counts[script] = (counts[script] ?? 0) + (script === HAN ? HAN_WEIGHT : 1);
    if (script === LATIN && code >= 0x80) addScore(scores, index.letters.get(lowerCode(code)), 1);
    if (script === CYRILLIC) {
      if (RUSSIAN_ONLY.has(code)) russian += 1;
      if (SERBIAN_ONLY.has(code)) serbian += 1;
    }
  }
  const tokens = folded.match(WORD) ?? [];
  for (const token of tokens) addScore(scores, index.stopwords.get(token), STOPWORD_WEIGHT);

  let top = NONE;
  for (let s = 0; s < SCRIPTS.length; s += 1) if ((counts[s] ?? 0) > 0 && (top === NONE || (counts[s] ?? 0) > (counts[top] ?? 0))) top = s;
  const script = SCRIPTS[top];
  let language: DetectedLanguage = 'und';
  if (script === 'Latin') language = (best(scores, LATIN_LANGUAGES) as Language | undefined) ?? 'und';
  else if (script === 'Devanagari') language = (best(scores, DEVANAGARI_LANGUAGES) as Language | undefined) ?? 'hi';
  else if (script === 'Cyrillic') language = russian >= 3 && serbian === 0 ? 'und' : 'sr-Cyrl';
  else if (script) language = SCRIPT_LANGUAGE[script] ?? 'und';

  const topScore = scores.get(language) ?? 0;
  const alsoPresent = [...scores]
    .filter(([lang, s]) => lang !== language && s >= STOPWORD_WEIGHT * 2 && s * 2 >= topScore)
    .map(([lang]) => lang);
  return { language, alsoPresent, words: tokens.length + (counts[HAN] ?? 0) / HAN_WEIGHT };
}
