/**
 * What the text of an offer says: which signal phrases survive negation and exceptions, which sums of
 * money it names (and for what period), its cues, destination and sector. Works on the folded text;
 * positions are folded positions, quoted back through PreparedText.
 */
import { SIGNALS } from './catalogue.js';
import { CUES, findAll, findFirst, findKeyed, occurs, type CompiledLexicon, type Cue, type Match, type Period } from './lexicon.js';
import { findMoney, maskMoney, type MoneySpan } from './money.js';
import { SENTENCE_END } from './phrase.js';
import type { PreparedText } from './text.js';

export interface Money extends MoneySpan {
  period?: Period;
}

export interface TextFindings {
  /** Surviving trigger matches per signal id, in text order. */
  triggers: Map<string, Match[]>;
  money: Money[];
  cues: Map<Cue, Match[]>;
  /** Destination country codes by number of mentions, most mentioned first. */
  countries: string[];
  sector?: string;
  /** Names of employment agencies, verbatim from the text. */
  agencyNames: string[];
}

/** How far around a match to look for negation, a period or a pay word: characters of folded text. */
const WINDOW = { spaced: { before: 40, after: 30 }, unspaced: { before: 8, after: 6 } } as const;
/** Clause ends: negation does not reach across them ("No fees, but pay 500 EUR for the visa"). */
const CLAUSE_END = `${SENTENCE_END},;，；、،؛`;
const CLAUSE_END_BEFORE = new RegExp(`[${CLAUSE_END}:]`);
/** After a match the colon does not end the clause: "Fees: none". */
const CLAUSE_END_AFTER = new RegExp(`[${CLAUSE_END}]`);
const SENTENCE = new RegExp(`[${SENTENCE_END}]`);

function windowBefore(folded: string, at: number, size: number, end: RegExp): string {
  const text = folded.slice(Math.max(0, at - size), at);
  let cut = -1;
  for (let i = text.length - 1; i >= 0; i -= 1) {
    if (end.test(text[i] ?? '')) {
      cut = i;
      break;
    }
  }
  return text.slice(cut + 1);
}

function windowAfter(folded: string, at: number, size: number, end: RegExp): string {
  const text = folded.slice(at, at + size);
  const cut = text.search(end);
  return cut < 0 ? text : text.slice(0, cut);
}

function windows(lex: CompiledLexicon) {
  return lex.spaced ? WINDOW.spaced : WINDOW.unspaced;
}

/** A negation word shortly before (or, for verb-final languages, after) the match, within its clause. */
function negated(lex: CompiledLexicon, folded: string, m: Match): boolean {
  const size = windows(lex);
  let before = windowBefore(folded, m.start, size.before, CLAUSE_END_BEFORE);
  const breaks = findAll(lex.negationBreaks, before);
  const lastBreak = breaks[breaks.length - 1];
  if (lastBreak) before = before.slice(lastBreak.end);
  if (occurs(lex.negationBefore, before)) return true;
  return occurs(lex.negationAfter, windowAfter(folded, m.end, size.after, CLAUSE_END_AFTER));
}

const overlaps = (a: Match, b: Match) => a.start < b.end && b.start < a.end;

function findTriggers(folded: string, scan: readonly CompiledLexicon[]): Map<string, Match[]> {
  const triggers = new Map<string, Match[]>();
  for (const def of SIGNALS) {
    // Most signals are absent from most offers: their exceptions are only looked for once a phrase is found.
    const entries = scan.flatMap((lex) => {
      const s = lex.signals.get(def.id);
      return s ? [{ lex, s }] : [];
    });
    if (!entries.some(({ s }) => occurs(s.match, folded)) || entries.some(({ s }) => occurs(s.notIf, folded))) continue;
    const exceptions = entries.flatMap(({ s }) => findAll(s.except, folded));
    const kept = entries.flatMap(({ lex, s }) =>
      findAll(s.match, folded, (m) => !exceptions.some((e) => overlaps(m, e)) && !negated(lex, folded, m)),
    );
    if (kept.length > 0) triggers.set(def.id, kept.sort((a, b) => a.start - b.start));
  }
  return triggers;
}

/** How close after a sum its period must start ("900 EUR / month", not "2,000 EUR plus daily allowance"): characters. */
const PERIOD_REACH_AFTER = 3;

/** The period of a sum: right after it, or before it in the same clause ("monthly salary: 2500 EUR"). */
function findPeriod(folded: string, m: Match, scan: readonly CompiledLexicon[]): Period | undefined {
  for (const lex of scan) {
    const size = windows(lex);
    const after = findKeyed(lex.periods, windowAfter(folded, m.end, size.after, CLAUSE_END_AFTER), true)[0];
    const hit = after && after.start <= PERIOD_REACH_AFTER ? after : findKeyed(lex.periods, windowBefore(folded, m.start, size.before, CLAUSE_END_BEFORE)).pop();
    if (hit) return hit.key as Period;
  }
  return undefined;
}

function rankCountries(folded: string, scan: readonly CompiledLexicon[]): string[] {
  const seen = new Map<string, { count: number; first: number }>();
  for (const lex of scan) {
    for (const hit of findKeyed(lex.countries, folded)) {
      const prev = seen.get(hit.key);
      seen.set(hit.key, { count: (prev?.count ?? 0) + 1, first: Math.min(prev?.first ?? Infinity, hit.start) });
    }
  }
  return [...seen].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first).map(([code]) => code);
}

function firstSector(folded: string, scan: readonly CompiledLexicon[]): string | undefined {
  let best: { key: string; start: number } | undefined;
  for (const lex of scan) {
    const hit = findKeyed(lex.sectors, folded, true)[0];
    if (hit && (!best || hit.start < best.start)) best = hit;
  }
  return best?.key;
}

/**
 * Up to four words right after an agency word ("agencija Balkan Posao") or right before it ("Balkan
 * Jobs agency"), the first capitalised and the others capitalised or numbers ("Job 24").
 */
const NAME_WORDS = "[\\p{Lu}\\p{Lt}][\\p{L}\\p{M}\\p{N}&'.-]*(?:[ \\t]+[\\p{Lu}\\p{Lt}\\p{N}][\\p{L}\\p{M}\\p{N}&'.-]*){0,3}";
const NAME_AFTER = new RegExp(`^[ \\t:,-]*["„“«']?(${NAME_WORDS})`, 'u');
const NAME_BEFORE = new RegExp(`(${NAME_WORDS})[ \\t]+$`, 'u');
/** How far from the agency word a name may reach: characters. */
const NAME_REACH = 80;

/**
 * Names of agencies, read from the original text (capital letters are the only sign of a name).
 * Each is a slice of the original, so it can serve as evidence.
 */
function agencyNames(prepared: PreparedText, scan: readonly CompiledLexicon[]): string[] {
  const { original } = prepared;
  const names: string[] = [];
  const stopwords = (word: string) => scan.some((lex) => lex.stopwords.has(word.toLowerCase()));
  for (const lex of scan) {
    for (const m of findAll(lex.cues.get('agency'), prepared.folded)) {
      const [from, to] = prepared.toOriginal(m.start, m.end);
      const found =
        NAME_AFTER.exec(original.slice(to, to + NAME_REACH))?.[1] ?? NAME_BEFORE.exec(original.slice(Math.max(0, from - NAME_REACH), from))?.[1];
      const name = found?.trim().replace(/[.,'-]+$/u, '');
      if (name && !stopwords(name) && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

export function analyseText(prepared: PreparedText, scan: readonly CompiledLexicon[]): TextFindings {
  const { folded } = prepared;
  const readers = scan.flatMap((lex) => (lex.money ? [lex.money] : []));
  const spans = findMoney(folded, (start, end) => prepared.quote(start, end), readers);
  // Phrases run on the text with sums masked, where {amount} is the mask.
  const masked = maskMoney(folded, spans);
  const cues = new Map<Cue, Match[]>();
  for (const cue of CUES) {
    if (cue === 'agency') continue;
    // Pay words are needed wherever they are (to tell wages from other sums); the other cues only
    // need to be there, with their first place as evidence, which is much cheaper to find.
    const hits = scan.flatMap((lex) => {
      const pattern = lex.cues.get(cue);
      if (cue === 'salary') return findAll(pattern, masked);
      const first = findFirst(pattern, masked);
      return first ? [first] : [];
    });
    if (hits.length > 0) cues.set(cue, hits.sort((a, b) => a.start - b.start));
  }
  return {
    triggers: findTriggers(masked, scan),
    money: spans.map((span) => ({ ...span, period: findPeriod(masked, span, scan) })),
    cues,
    countries: rankCountries(masked, scan),
    sector: firstSector(masked, scan),
    agencyNames: agencyNames(prepared, scan),
  };
}

/** The sentence part of the text around a match, for rules that look at nearby words. */
export function nearby(folded: string, m: { start: number; end: number }, before: number, after: number): { before: string; after: string } {
  return {
    before: windowBefore(folded, m.start, before, SENTENCE),
    after: windowAfter(folded, m.end, after, SENTENCE),
  };
}
