/**
 * Compiles the phrase notation of the lexicon files into regular expressions. The notation is meant to
 * be read and edited by people who know the language rather than regular expressions; it is documented
 * in knowledge/README.md:
 *   space      any spaces or punctuation between two words (within one sentence)
 *   word*      the word with any ending (pasoš* = pasoš, pasoša, pasošem)
 *   ...        a few words in between (same sentence)
 *   (a|b)      either a or b;  (word )? an optional word;  night ?club an optional space;
 *              a | b at the top means either phrase
 *   {amount}   a sum of money with its currency;  {number} a number
 *   [abc], \d, {2,5}, [abc]+, (?<=...)   regular-expression pieces, for the rare pattern that needs them
 * Everything else (., +, $, ^) stands for itself. Case and accents never matter: the text is folded
 * (text.ts) and so are the phrases.
 *
 * Why no 'i' or 'u' flag, no \p{...} class and no leading lookbehind: case-insensitive Unicode
 * matching and a lookbehind at the start make V8 test every position of the text (ten times slower on
 * texts outside Latin-1: all of Hindi, Urdu, Bengali, Chinese...), and Unicode classes are slow to
 * compile. The text is lower-cased instead (text.ts), word characters are told apart by NOT_WORD, and
 * the word boundary before a match is checked in code (findAll in lexicon.ts). Every script served
 * lies in the Basic Multilingual Plane, so code units are characters.
 */

/** Sentence ends in the scripts served: gaps never cross them, so two sentences never make one phrase. */
export const SENTENCE_END = '.!?。！？\\n।॥۔';
/**
 * Characters that are not part of a word: spaces, digits, punctuation and symbols of the scripts
 * served, and the money mask (\x01). Written out rather than as \p{L}: Unicode property classes cost
 * V8 tens of milliseconds to compile each, and the lexicons hold hundreds of them.
 */
const NOT_WORD = String.raw`\s\d.,!?;:'"()[\]{}/\\\-–—+*&%#@|<>=~_·•«»„“”‘’،؛、，：；。！？।॥۔\x01`;
/** A word: a run of characters that are not NOT_WORD. */
export const WORD = new RegExp(`[^${NOT_WORD}]+`, 'g');
/** The end of a word: what follows is not part of it. */
const WORD_END = `(?![^${NOT_WORD}])`;
const HAN = /\p{Script=Han}/u;
const STEM = `[^${NOT_WORD}]*`;
/** Between two words of a phrase: spaces and punctuation ("free of charge", "free-of-charge"). */
const SEPARATOR = String.raw`[\s,:;'"()[\]{}/\-–—+*&_·•«»„“”‘’،、，：]`;

/** Regex sources that {tokens} expand to. */
export interface PhraseTokens {
  amount: string;
  number: string;
}

/** Lower-cases the literal letters of a character class, leaving escapes (\p{L}, \d) as they are. */
function lowerClass(cls: string): string {
  return cls.replace(/\\[pP]\{[^}]*\}|\\.|[^\\]+/gu, (part) => (part.startsWith('\\') ? part : part.toLowerCase()));
}

function compileBody(phrase: string, spaced: boolean, tokens: PhraseTokens): { body: string; wordEnd: boolean } {
  const separator = spaced ? `${SEPARATOR}{1,4}` : `${SEPARATOR}{0,4}`;
  // From the end of one word to the start of another: up to 48 characters (about eight words) of the same sentence.
  const gap = spaced ? `${SEPARATOR}{1,4}(?:[^${SENTENCE_END}]{0,40}?${SEPARATOR})?` : `[^${SENTENCE_END}]{0,12}?`;
  let out = '';
  let i = 0;
  while (i < phrase.length) {
    const ch = phrase[i] ?? '';
    if (phrase.startsWith('...', i) || ch === '…') {
      // The gap takes the spaces around it.
      out += gap;
      i += ch === '…' ? 1 : 3;
      while (phrase[i] === ' ') i += 1;
      continue;
    }
    if (ch === '\\') {
      out += phrase.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '[') {
      const close = phrase.indexOf(']', i + 1);
      if (close > i) {
        out += lowerClass(phrase.slice(i, close + 1));
        i = close + 1;
        continue;
      }
    }
    if (ch === '{') {
      const close = phrase.indexOf('}', i + 1);
      const name = close > i ? phrase.slice(i + 1, close) : '';
      if (name === 'amount' || name === 'number') {
        out += `(?:${tokens[name]})`;
        i = close + 1;
        continue;
      }
      if (/^\d+(,\d*)?$/.test(name)) {
        out += phrase.slice(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (ch === ' ') {
      while (phrase[i] === ' ') i += 1;
      if (phrase[i] === '?') {
        // "night ?club": the space itself is optional (a bare "?" here would make the separator lazy, not optional).
        out += `${SEPARATOR}{0,4}`;
        i += 1;
      } else if (!phrase.startsWith('...', i) && phrase[i] !== '…') out += separator;
      continue;
    }
    if (ch === '*' && /[\p{L}\p{M}]/u.test(phrase[i - 1] ?? '')) {
      out += STEM;
      i += 1;
      continue;
    }
    // Groups never capture, so callers can number the groups they add. "(?" is left to the rare
    // expert pattern that needs a lookaround.
    if (ch === '(') out += phrase[i + 1] === '?' ? '(' : '(?:';
    // "+" repeats a class or an escape ([\d ]+); anywhere else it is a plus sign (+381).
    else if (ch === '+' && /(\]|\\[a-zA-Z])$/.test(out)) out += '+';
    else if (')|?'.includes(ch)) out += ch;
    else if ('.+$^{}*/'.includes(ch)) out += `\\${ch}`;
    else out += ch.toLowerCase();
    i += 1;
  }
  // A phrase that ends with a word must end a word: "fee" is not "feel". Han characters need no
  // boundary: Chinese has no spaces, even inside a phrase in another lexicon ("1.5万元").
  const last = phrase[phrase.length - 1] ?? '';
  return { body: out, wordEnd: spaced && /[\p{L}\p{M}\p{N})\]?]/u.test(last) && !HAN.test(last) };
}

/** The regex source of a list of phrases: one alternation, the word-end lookahead shared. */
export function phrasesSource(phrases: readonly string[], spaced: boolean, tokens: PhraseTokens): string {
  const ending: string[] = [];
  const open: string[] = [];
  for (const p of phrases) {
    const c = compileBody(p, spaced, tokens);
    (c.wordEnd ? ending : open).push(c.body);
  }
  return [ending.length > 0 ? `(?:${ending.join('|')})${WORD_END}` : '', open.length > 0 ? `(?:${open.join('|')})` : '']
    .filter((s) => s !== '')
    .join('|');
}

/** Several keyed phrase lists as one regex source, one capture group per key, in key order. */
export function keyedSource(table: Readonly<Record<string, readonly string[]>>, spaced: boolean, tokens: PhraseTokens): { source: string; keys: string[] } {
  const entries = Object.entries(table).filter(([, words]) => words.length > 0);
  return {
    source: entries.map(([, words]) => `(${phrasesSource(words, spaced, tokens)})`).join('|'),
    keys: entries.map(([key]) => key),
  };
}

/** The key of the first capture group that took part in a match, and the words it took. */
export function keyOf<T>(m: RegExpExecArray, keys: readonly T[], from: number): { key: T; text: string } | undefined {
  for (let i = 0; i < keys.length; i += 1) {
    const text = m[from + i];
    const key = keys[i];
    if (text !== undefined && key !== undefined) return { key, text };
  }
  return undefined;
}
