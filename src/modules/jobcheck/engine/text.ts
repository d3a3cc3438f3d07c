/**
 * Text folding for matching. Patterns are matched on a folded copy of the offer (NFKC, lower case,
 * Latin accents removed, digits of any script made ASCII, invisible format characters dropped) so
 * that "pasos" finds "pasoš" and "२५००" reads as 2500. A segment map leads every folded position back
 * to the original, because evidence must quote the offer verbatim.
 */

/** A run of non-ASCII characters, with the ASCII character before it (the base of a decomposed accent: "e\u0301"). */
// eslint-disable-next-line no-control-regex -- the ranges start at \x00 because they name all of ASCII
const RUN = /[\x00-\x7f]?[^\x00-\x7f]+/g;
/** A character with its combining marks, or a non-ASCII character: the smallest unit that folds on its own. */
// eslint-disable-next-line no-control-regex -- as above
const CLUSTER = /[^\x00-\x7f]\p{M}*|[\x00-\x7f]\p{M}+/gu;
/** ASCII control characters other than the newline become spaces (same length, so the map stays simple). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ASCII_CONTROLS = /[\x00-\x09\x0b-\x1f\x7f]/g;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const CONTROLS = /\p{Cc}/gu;
const FORMATS = /\p{Cf}/gu;
/**
 * Letters that NFD does not decompose but that people routinely type without the mark (Serbian đ,
 * Turkish ı), typographic apostrophes, and marks typed or omitted at will in Devanagari and Bengali:
 * nukta (फ़ = फ) and candrabindu (ँ = ं).
 */
const SPECIAL: Record<string, string> = {
  đ: 'd', Đ: 'd', ı: 'i', ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 'ss', '’': "'", '‘': "'", ʼ: "'", '\u2028': '\n', '\u2029': '\n',
  '\u093c': '', '\u09bc': '', '\u0901': '\u0902', '\u0981': '\u0982',
};
// An alternation, not a class: some of these are combining marks, which a class would misread next to their base.
const SPECIALS = new RegExp(Object.keys(SPECIAL).join('|'), 'g');
/** Digits of the scripts whose digits NFKC leaves alone: Arabic-Indic, Urdu (extended), Devanagari, Bengali. */
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/g;

const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6];

function digitValue(d: string): number {
  const code = d.charCodeAt(0);
  return code - (DIGIT_ZEROS.find((zero) => code >= zero && code < zero + 10) ?? code);
}

/** Folds any string: the same steps for a whole run of text as for one character. */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC')
    .replace(SPECIALS, (c) => SPECIAL[c] ?? c)
    .replace(DIGITS, (d) => String(digitValue(d)))
    .replace(CONTROLS, ' ')
    .replace(FORMATS, '')
    .toLowerCase();
}

/** Runs and clusters repeat endlessly (words, letters), so each is folded once per process. Bounded so hostile input cannot grow it forever. */
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 20_000;

function foldCached(s: string): string {
  const cached = foldCache.get(s);
  if (cached !== undefined) return cached;
  const folded = fold(s);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(s, folded);
  return folded;
}

/**
 * Folds a pattern source like the text, cluster by cluster so that ASCII stays as written: regex
 * syntax is ASCII and case-sensitive (\D is not \d), and phrase.ts lower-cases ASCII literals itself.
 */
export function foldPattern(source: string): string {
  return source.replace(CLUSTER, foldCached);
}

/** Folds a word for lookups (stop words). */
export function foldWord(word: string): string {
  return foldPattern(word).toLowerCase();
}

const LETTER = /^[\p{L}\p{M}]/u;
const HAN = /^\p{Script=Han}/u;

/** Whether the code unit at `i` is a letter; ASCII and the scripts served are decided without a regex. */
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(text.slice(i, i + 2));
}

/** False when a match starting with a letter begins inside a word ("fee" in "coffee"); Chinese has no word boundaries. */
export function startsWord(text: string, start: number): boolean {
  if (start === 0 || !isLetterAt(text, start)) return true;
  return HAN.test(text.slice(start, start + 2)) || !isLetterAt(text, start - 1);
}

export class PreparedText {
  readonly folded: string;
  /**
   * Segment i covers folded[foldStarts[i], foldStarts[i+1]) and original[origStarts[i], origStarts[i+1]).
   * In a `sameLength` segment each folded unit stands for the original unit at the same offset (most
   * text: ASCII, and accents folded one letter for one letter); otherwise the segment is one cluster.
   */
  private readonly foldStarts: number[] = [];
  private readonly origStarts: number[] = [];
  private readonly sameLength: boolean[] = [];

  constructor(readonly original: string) {
    const clean = original.replace(ASCII_CONTROLS, ' ');
    const parts: string[] = [];
    let foldPos = 0;
    let origPos = 0;
    const push = (piece: string, origLength: number) => {
      const same = piece.length === origLength;
      // Same-length pieces in a row share one segment: offsets stay additive.
      if (!same || !this.sameLength[this.sameLength.length - 1]) {
        this.foldStarts.push(foldPos);
        this.origStarts.push(origPos);
        this.sameLength.push(same);
      }
      parts.push(piece);
      foldPos += piece.length;
      origPos += origLength;
    };
    RUN.lastIndex = 0;
    for (let m = RUN.exec(clean); m !== null; m = RUN.exec(clean)) {
      if (m.index > origPos) push(clean.slice(origPos, m.index).toLowerCase(), m.index - origPos);
      const run = m[0];
      const folded = foldCached(run);
      if (folded.length === run.length) {
        push(folded, run.length);
        continue;
      }
      // The run changes length (a ligature, a decomposed accent, a dropped mark): map it cluster by cluster.
      let at = 0;
      for (const c of run.matchAll(CLUSTER)) {
        if (c.index > at) push(run.slice(at, c.index).toLowerCase(), c.index - at);
        push(foldCached(c[0]), c[0].length);
        at = c.index + c[0].length;
      }
      if (at < run.length) push(run.slice(at).toLowerCase(), run.length - at);
    }
    if (origPos < clean.length) push(clean.slice(origPos).toLowerCase(), clean.length - origPos);
    this.foldStarts.push(foldPos);
    this.origStarts.push(origPos);
    this.folded = parts.join('');
  }

  /** Index of the segment holding folded position `pos` (binary search: segments are sorted). */
  private segmentAt(pos: number): number {
    let lo = 0;
    let hi = this.sameLength.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.foldStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The original range behind folded range [start, end), widened to whole clusters. */
  toOriginal(start: number, end: number): [number, number] {
    if (end <= start || this.sameLength.length === 0) return [0, 0];
    const first = this.segmentAt(start);
    const last = this.segmentAt(end - 1);
    const origStart = this.sameLength[first]
      ? (this.origStarts[first] ?? 0) + start - (this.foldStarts[first] ?? 0)
      : (this.origStarts[first] ?? 0);
    const origEnd = this.sameLength[last]
      ? (this.origStarts[last] ?? 0) + end - (this.foldStarts[last] ?? 0)
      : (this.origStarts[last + 1] ?? this.original.length);
    return [origStart, origEnd];
  }

  /** The verbatim original words behind folded range [start, end). */
  quote(start: number, end: number): string {
    const [from, to] = this.toOriginal(start, end);
    return this.original.slice(from, to).trim();
  }
}
