/**
 * Sums of money: numbers written the European, English or South Asian way, with multipliers (k, lakh,
 * 万, triệu) and currency words before or after. Sums are found number-first (digits are rare, so this
 * is cheap) and then masked in the text, so that phrases can say {amount} without each phrase carrying
 * the whole currency table.
 */
import { keyOf, type PhraseTokens } from './phrase.js';
import { startsWord } from './text.js';

/**
 * A number as people write it in offers: 2500, 2.500, 2,500, 2 500, 1,20,000 (lakh grouping), 12.82, 2,5.
 * Digits of other scripts are already ASCII in the folded text.
 */
const NUMBER_SOURCE = "\\d{1,3}(?:[.,' ]\\d{2,3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
const NUMBER = new RegExp(`(?<![\\d.,])(?:${NUMBER_SOURCE})`, 'g');
/** A second instance for reading the numbers of one sum while NUMBER is mid-scan (matchAll copies lastIndex). */
const NUMBER_IN_SUM = new RegExp(NUMBER.source, 'g');
/**
 * Stands in for each character of a sum in the masked text: a control character, which the folded
 * text never holds, and which keeps an ASCII text in V8's fast one-byte representation.
 */
const MASK = '\x01';

export const TOKENS: PhraseTokens = { amount: `${MASK}+`, number: NUMBER_SOURCE };

/** A run of digits with separators, read as a value. Why the rules: "1.500" is fifteen hundred in Serbia, "12.82" is an hourly rate. */
export function parseNumber(raw: string): number {
  const s = raw.replace(/[' ]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    return Number(s.split(thousands).join('').replace(decimal, '.'));
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (sep === '') return Number(s);
  const groups = s.split(sep);
  const tail = groups[groups.length - 1] ?? '';
  // One separator followed by one or two digits is a decimal point; anything else groups thousands.
  if (groups.length === 2 && tail.length <= 2) return Number(s.replace(sep, '.'));
  return Number(groups.join(''));
}

/** How one lexicon reads sums: its currency words and multipliers (each key is one capture group). */
export interface MoneyReader {
  /** Sticky: at the end of a number, an optional range end, multiplier, then a currency ("-4000 EUR", " lakh rupees"). */
  after: RegExp;
  /** Sticky: at the end of a number, a range end and multiplier only (for "Rs 2 lakh"). */
  tail: RegExp;
  /** Anchored at the end of the text before a number: a currency ("€", "EUR ", "Rs"). */
  before: RegExp;
  currencyKeys: readonly string[];
  multiplierKeys: readonly number[];
  /** Currency words that count only in capitals ("ALL" is the lek, "all" is a word). */
  exactCase: ReadonlySet<string>;
  /** Whether a currency word before a number must start a word ("din" is not the end of "kadin"). */
  wordStart: boolean;
}

/** `currency` and `multiplier` are alternations with one capture group per key, in key order. */
export function moneyReader(
  currency: string,
  currencyKeys: string[],
  multiplier: string,
  multiplierKeys: number[],
  exactCase: ReadonlySet<string>,
  wordStart: boolean,
): MoneyReader {
  const range = `(?: ?[-–~] ?(?:${NUMBER_SOURCE}))?`;
  const mult = multiplier ? `(?: ?(?:${multiplier}))?` : '';
  return {
    after: new RegExp(`${range}${mult} ?(?:${currency})`, 'y'),
    tail: new RegExp(`${range}${mult}`, 'y'),
    before: new RegExp(`(?:${currency}) ?$`),
    currencyKeys,
    multiplierKeys,
    exactCase,
    wordStart,
  };
}

export interface MoneySpan {
  start: number;
  end: number;
  amount: number;
  currency: string;
}

/** Longest look-back for a currency written before the number ("US$ ", "dinara "). */
const BEFORE_REACH = 12;

/** The numbers in a sum; a range "3000-4000" gives both. */
function values(text: string): number[] {
  return [...text.matchAll(NUMBER_IN_SUM)].map((m) => parseNumber(m[0])).filter(Number.isFinite);
}

/** False for a capitals-only currency word ("ALL") written otherwise in the original ("all"). */
function exactCaseHolds(reader: MoneyReader, written: string, original: string): boolean {
  return ![...reader.exactCase].some((w) => w.toLowerCase() === written.toLowerCase() && !original.includes(w));
}

function span(folded: string, start: number, end: number, currency: string, factor: number): MoneySpan | undefined {
  const numbers = values(folded.slice(start, end));
  return numbers.length === 0 ? undefined : { start, end, amount: Math.max(...numbers) * factor, currency };
}

/** The sum around number `n` as `reader` reads it: currency after the number, else before it. */
function readAt(folded: string, original: (start: number, end: number) => string, n: RegExpExecArray, reader: MoneyReader): MoneySpan | undefined {
  const numberEnd = n.index + n[0].length;
  reader.after.lastIndex = numberEnd;
  const after = reader.after.exec(folded);
  if (after) {
    const currency = keyOf(after, reader.currencyKeys, 1 + reader.multiplierKeys.length);
    const factor = keyOf(after, reader.multiplierKeys, 1)?.key ?? 1;
    const end = numberEnd + after[0].length;
    if (currency && exactCaseHolds(reader, currency.text, original(n.index, end))) return span(folded, n.index, end, currency.key, factor);
  }
  const lookBack = folded.slice(Math.max(0, n.index - BEFORE_REACH), n.index);
  const before = reader.before.exec(lookBack);
  const currency = before ? keyOf(before, reader.currencyKeys, 1) : undefined;
  if (!before || !currency) return undefined;
  const start = n.index - before[0].length;
  if ((reader.wordStart && !startsWord(folded, start)) || !exactCaseHolds(reader, currency.text, original(start, n.index))) return undefined;
  reader.tail.lastIndex = numberEnd;
  const tail = reader.tail.exec(folded);
  const factor = tail ? (keyOf(tail, reader.multiplierKeys, 1)?.key ?? 1) : 1;
  return span(folded, start, numberEnd + (tail?.[0].length ?? 0), currency.key, factor);
}

/** Every sum in the folded text, read by the lexicon that reads the most of it. */
export function findMoney(folded: string, original: (start: number, end: number) => string, readers: readonly MoneyReader[]): MoneySpan[] {
  const found: MoneySpan[] = [];
  NUMBER.lastIndex = 0;
  for (let n = NUMBER.exec(folded); n !== null; n = NUMBER.exec(folded)) {
    const last = found[found.length - 1];
    if (last && n.index < last.end) continue;
    // The longest reading wins: the common symbols read "₹2", Hindi or English reads "₹2 lakh".
    let best: MoneySpan | undefined;
    for (const reader of readers) {
      const span = readAt(folded, original, n, reader);
      if (span && (!best || span.end - span.start > best.end - best.start)) best = span;
    }
    if (best) {
      found.push(best);
      if (best.end > NUMBER.lastIndex) NUMBER.lastIndex = best.end;
    }
  }
  return found;
}

/** The text with every sum replaced by mask characters of the same length, so positions stay valid. */
export function maskMoney(folded: string, spans: readonly MoneySpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += folded.slice(at, s.start) + MASK.repeat(s.end - s.start);
    at = s.end;
  }
  return out + folded.slice(at);
}
