import { compile, literalRanges } from './icu.js';

// Serbian Latin to Cyrillic is one-to-one once the digraphs lj, nj and dž are read as single letters.
const CYRILLIC: Readonly<Record<string, string>> = {
  lj: 'љ', nj: 'њ', dž: 'џ',
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'ј',
  k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш', t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
};

// Where a prefix ends in d or n and the stem starts with ž or j, the pair is two letters, not a
// digraph: nadživeti → надживети, injekcija → инјекција, konjugacija → конјугација.
const PREFIX_BEFORE_FALSE_DIGRAPH = /^(?:nad|pod)(?=ž)|^(?:in|kon)(?=j(?:ekc|unk|ug))/i;

// Copied as they are: addresses, which must stay usable, and {…} groups, which are placeholders or
// pattern syntax (the job-check lexicons' {amount}, {2,5}) in text that is not a well-formed ICU
// message. Words with q, w, x or y are foreign names (WhatsApp, Wi-Fi) that Serbian Cyrillic text
// keeps in Latin.
const TOKEN =
  /(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}\b(?:\/[^\s<>"]*)?|\{[^{}]*\}|\p{L}+/gu;

function letters(word: string): string {
  return word.replace(/lj|nj|dž|./giu, (latin) => {
    const cyrillic = CYRILLIC[latin.toLowerCase()];
    if (cyrillic === undefined) return latin;
    return latin[0] === latin[0]?.toLowerCase() ? cyrillic : cyrillic.toUpperCase();
  });
}

function word(token: string): string {
  if (!/^\p{L}+$/u.test(token) || /[qwxy]/i.test(token)) return token;
  const prefix = PREFIX_BEFORE_FALSE_DIGRAPH.exec(token)?.[0] ?? '';
  return letters(prefix) + letters(token.slice(prefix.length));
}

function plainText(text: string): string {
  return text.replace(TOKEN, word);
}

/**
 * Serbian Latin to Cyrillic for text that is never an ICU message (the job check's lexicons and
 * explanations): it needs no message parser, so a browser bundle can carry it.
 */
export function latinToCyrillicText(text: string): string {
  return plainText(text.normalize('NFC'));
}

/**
 * Serbian Latin to Cyrillic for plain text and ICU messages alike: only the literal text of a
 * message is converted, so argument names, plural and select keywords and formats stay intact.
 * URLs, e-mail addresses, domain names and digits are left as they are.
 */
export function latinToCyrillic(text: string): string {
  // Decomposed letters (z + combining caron) would otherwise escape the letter table.
  const source = text.normalize('NFC');
  let ranges: [number, number][];
  try {
    ranges = literalRanges(compile(source, 'sr-Latn'));
  } catch {
    // Not a well-formed ICU message (a stray brace): then all of it is text.
    return plainText(source);
  }
  let out = '';
  let copied = 0;
  for (const [start, end] of ranges) {
    out += source.slice(copied, start) + plainText(source.slice(start, end));
    copied = end;
  }
  return out + source.slice(copied);
}
