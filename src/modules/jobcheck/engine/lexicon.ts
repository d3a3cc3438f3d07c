/**
 * Per-language lexicons: the JSON files in knowledge/lexicons, compiled once into regular expressions.
 * The engine takes whichever lexicons the caller loaded, so a browser can ship one language and fetch
 * others on demand; knowledge/lexicons/common.json (currency symbols, messaging apps, company forms)
 * is language-independent and always compiled in.
 */
import { moneyReader, TOKENS, type MoneyReader } from './money.js';
import { keyedSource, keyOf, phrasesSource } from './phrase.js';
import { foldPattern, foldWord, startsWord } from './text.js';

export const PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** Words that are not signals themselves but feed the rules in rules.ts. */
export const CUES = [
  'salary', // words for pay, so a nearby sum is read as the wage
  'jobOffer', // the text is a job offer at all (otherwise "no employer named" would be meaningless)
  'employerIdentity', // a company name, legal form, office address or company website
  'contactApp', // a messaging app or a phone number
  'freeEmail', // an address at a free mail service
  'freeHousing',
  'noQualifications',
  'highPay', // "excellent pay", "big earnings": promises without a figure
  'agency', // words for an employment agency: the capitalised words beside them are its name
] as const;
export type Cue = (typeof CUES)[number];

export interface SignalPhrases {
  /** Phrases that raise the signal. */
  match?: string[];
  /** Phrases that cancel a match they overlap ("your passport stays with you"). */
  except?: string[];
  /** Phrases that cancel the signal wherever they appear (the offer explains the visa procedure). */
  notIf?: string[];
}

/** The shape of a file in knowledge/lexicons. Everything is optional so a language can grow step by step. */
export interface LexiconSource {
  lang: string;
  /** sr-Cyrl is the sr-Latn lexicon transliterated, plus anything written here. */
  derivedFrom?: string;
  /** False for scripts written without spaces between words (Chinese): no word boundaries. */
  spaced?: boolean;
  detect?: { stopwords?: string[]; letters?: string };
  negation?: { before?: string[]; after?: string[]; breaks?: string[] };
  currencies?: Record<string, string[]>;
  multipliers?: Record<string, string[]>;
  periods?: Partial<Record<Period, string[]>>;
  countries?: Record<string, string[]>;
  sectors?: Record<string, string[]>;
  cues?: Partial<Record<Cue, string[]>>;
  signals?: Record<string, SignalPhrases>;
}

/** A compiled phrase list. `wordStart`: a match that starts with a letter must start a word (checked in findAll). */
export interface Pattern {
  re: RegExp;
  wordStart: boolean;
}

export interface CompiledSignal {
  match: Pattern | null;
  except: Pattern | null;
  notIf: Pattern | null;
}

/** Several keyed lists in one regex: which key matched is told by its capture group. */
export interface Keyed extends Pattern {
  keys: readonly string[];
}

export interface CompiledLexicon {
  lang: string;
  spaced: boolean;
  stopwords: ReadonlySet<string>;
  letters: ReadonlySet<string>;
  negationBefore: Pattern | null;
  negationAfter: Pattern | null;
  negationBreaks: Pattern | null;
  /** Reads sums with this language's currency words and the common symbols; null without any currency word. */
  money: MoneyReader | null;
  periods: Keyed | null;
  countries: Keyed | null;
  sectors: Keyed | null;
  cues: ReadonlyMap<Cue, Pattern>;
  signals: ReadonlyMap<string, CompiledSignal>;
}

type Table = Readonly<Record<string, readonly string[]>>;

function merge(a: Table | undefined, b: Table | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const table of [a, b]) for (const [k, v] of Object.entries(table ?? {})) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

/** "=ALL" in a currency list means: only in capitals, as written. */
const EXACT = '=';

/**
 * Compiles a lexicon. `common` is merged into the currency and multiplier tables so that every
 * language reads "€900"; its cues and signals stay in the common lexicon itself.
 */
export function compileLexicon(source: LexiconSource, common?: LexiconSource): CompiledLexicon {
  const spaced = source.spaced ?? true;
  const fold = (words: readonly string[] | undefined) => (words ?? []).map((w) => foldPattern(w.startsWith(EXACT) ? w.slice(1) : w));
  const foldTable = (table: Table | undefined) => Object.fromEntries(Object.entries(table ?? {}).map(([k, v]) => [k, fold(v)]));
  const phrases = (words: readonly string[] | undefined): Pattern | null =>
    words && words.length > 0 ? { re: new RegExp(phrasesSource(fold(words), spaced, TOKENS), 'g'), wordStart: spaced } : null;
  const keyed = (table: Table | undefined): Keyed | null => {
    const { source: src, keys } = keyedSource(foldTable(table), spaced, TOKENS);
    return keys.length > 0 ? { re: new RegExp(src, 'g'), wordStart: spaced, keys } : null;
  };

  const currencies = merge(common?.currencies, source.currencies);
  const multipliers = merge(common?.multipliers, source.multipliers);
  const currency = keyedSource(foldTable(currencies), spaced, TOKENS);
  const multiplier = keyedSource(foldTable(multipliers), spaced, TOKENS);
  const exactCase = new Set(
    Object.values(currencies)
      .flat()
      .filter((w) => w.startsWith(EXACT))
      .map((w) => w.slice(1)),
  );

  const cues = new Map<Cue, Pattern>();
  for (const cue of CUES) {
    const pattern = phrases(source.cues?.[cue]);
    if (pattern) cues.set(cue, pattern);
  }
  const signals = new Map<string, CompiledSignal>();
  for (const [id, s] of Object.entries(source.signals ?? {})) {
    signals.set(id, { match: phrases(s.match), except: phrases(s.except), notIf: phrases(s.notIf) });
  }
  return {
    lang: source.lang,
    spaced,
    stopwords: new Set((source.detect?.stopwords ?? []).map(foldWord)),
    letters: new Set([...(source.detect?.letters ?? '')].map((c) => c.toLowerCase())),
    negationBefore: phrases(source.negation?.before),
    negationAfter: phrases(source.negation?.after),
    negationBreaks: phrases(source.negation?.breaks),
    money:
      currency.keys.length > 0
        ? moneyReader(currency.source, currency.keys, multiplier.source, multiplier.keys.map(Number), exactCase, spaced)
        : null,
    periods: keyed(source.periods),
    countries: keyed(source.countries),
    sectors: keyed(source.sectors),
    cues,
    signals,
  };
}

export interface Match {
  start: number;
  end: number;
}

/**
 * Calls `each` for every match of a pattern. Resets lastIndex first: compiled regexes are shared
 * between calls. A plain loop with a callback, because this is the engine's innermost loop.
 * `each` answers 'stop' to end the search, or 'reject' to look again from the next character: a
 * rejected match ("fees ... 300 EUR" cancelled by "no fees") may hide a shorter one inside it
 * ("pay 300 EUR").
 */
function forEachMatch(p: Pattern, text: string, each: (m: RegExpExecArray) => 'stop' | 'reject' | void): void {
  const { re } = p;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (p.wordStart && !startsWord(text, m.index)) {
      // No match can start inside this word either: going on from the next character would make a
      // long run of letters (20,000 "x") cost the square of its length.
      re.lastIndex = nextWordStart(text, m.index + 1);
      continue;
    }
    const verdict = m[0].length === 0 ? 'reject' : each(m);
    if (verdict === 'stop') return;
    if (verdict === 'reject') re.lastIndex = m.index + 1;
  }
}

function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && !startsWord(text, i)) i++;
  return i;
}

/** Every match of a pattern that `accept` keeps (all of them by default). */
export function findAll(p: Pattern | null | undefined, text: string, accept?: (m: Match) => boolean): Match[] {
  const out: Match[] = [];
  if (p) {
    forEachMatch(p, text, (m) => {
      const match = { start: m.index, end: m.index + m[0].length };
      if (accept && !accept(match)) return 'reject';
      out.push(match);
    });
  }
  return out;
}

export function findFirst(p: Pattern | null | undefined, text: string): Match | undefined {
  let first: Match | undefined;
  if (p) {
    forEachMatch(p, text, (m) => {
      first = { start: m.index, end: m.index + m[0].length };
      return 'stop';
    });
  }
  return first;
}

export function occurs(p: Pattern | null | undefined, text: string): boolean {
  return findFirst(p, text) !== undefined;
}

/** Every match of a keyed pattern (or only the first), with its key. */
export function findKeyed(keyed: Keyed | null, text: string, firstOnly = false): (Match & { key: string })[] {
  const out: (Match & { key: string })[] = [];
  if (keyed) {
    forEachMatch(keyed, text, (m) => {
      const key = keyOf(m, keyed.keys, 1)?.key;
      if (key !== undefined) out.push({ start: m.index, end: m.index + m[0].length, key });
      return firstOnly && key !== undefined ? 'stop' : undefined;
    });
  }
  return out;
}
