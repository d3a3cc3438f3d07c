/**
 * Looking an agency up in the register by the name an offer or a worker gives it. Offers write
 * names loosely ("Posao Plus", "POSAO PLUS DOO", "Посао Плус д.о.о. Београд"), so names are
 * compared as sets of words, whatever the script, accents, case or legal form.
 */
import type { AgencyLookup, AgencyRegister } from './engine/types.js';

export interface RegisteredAgency {
  name: string;
  registrationNumber: string;
  licenceNumber: string;
}

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', е: 'e', ж: 'z', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm',
  н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', џ: 'dz', ш: 's',
};

// Legal forms and the words every agency's name carries say nothing about which agency it is.
const GENERIC = new Set([
  'doo', 'ad', 'pr', 'od', 'szr', 'str', 'llc', 'ltd', 'gmbh', 'inc', 'srl', 'kft', 'sro',
  'agencija', 'agency', 'za', 'zaposljavanje', 'posredovanje', 'privatna', 'employment', 'recruitment', 'and', 'the', 'of', 'i',
]);

/** Lower case, Latin script without accents, words only. */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? c)
    .replace(/đ/g, 'dj')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** The words that tell an agency apart: "Posao Plus d.o.o." and "POSAO PLUS DOO" both give posao, plus. */
export function nameWords(name: string): string[] {
  const words = foldName(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // "d.o.o." and "a.d." arrive as single letters: join runs of them before dropping legal forms.
  const joined: string[] = [];
  let afterLetter = false;
  for (const word of words) {
    const letter = word.length === 1 && /\p{L}/u.test(word);
    if (letter && afterLetter) joined[joined.length - 1] += word;
    else joined.push(word);
    afterLetter = letter;
  }
  return [...new Set(joined.filter((w) => !GENERIC.has(w)))];
}

const contains = (outer: ReadonlySet<string>, inner: readonly string[]) => inner.every((w) => outer.has(w));

/**
 * The engine's synchronous lookup over the agencies on the register. A name matches an agency when
 * all its telling words are in the agency's name or the other way round; a registration number in
 * the name matches exactly. A name of generic words only is `unknown`: nothing can be said of it.
 */
export function buildAgencyRegister(agencies: readonly RegisteredAgency[]): AgencyRegister {
  const entries = agencies.map((a) => ({ agency: a, words: new Set(nameWords(a.name)) }));
  const byNumber = new Map(agencies.map((a) => [a.registrationNumber, a]));
  const found = (a: RegisteredAgency): AgencyLookup => ({ status: 'registered', officialName: a.name, licence: a.licenceNumber });
  return (name: string): AgencyLookup => {
    for (const number of name.match(/\d{8}/g) ?? []) {
      const agency = byNumber.get(number);
      if (agency) return found(agency);
    }
    const words = nameWords(name).filter((w) => !/^\d+$/.test(w));
    if (words.length === 0) return { status: 'unknown' };
    const match =
      entries.find((e) => e.words.size === words.length && contains(e.words, words)) ??
      entries.find((e) => contains(e.words, words) || (e.words.size > 0 && contains(new Set(words), [...e.words])));
    return match ? found(match.agency) : { status: 'not_registered' };
  };
}
