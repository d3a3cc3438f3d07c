/**
 * The job-offer check in the browser, for when the server cannot be reached: the engine with the
 * shared knowledge and English (every text's fallback). Languages come as separate packs, the
 * page's own first and others only when an offer's script calls for them.
 */
import common from '../src/modules/jobcheck/knowledge/lexicons/common.json' with { type: 'json' };
import english from '../src/modules/jobcheck/knowledge/messages/en.json' with { type: 'json' };
import { renderCheckResult, renderNothingToCheck } from '../src/modules/jobcheck/check-result.js';
import { createJobChecker, type JobChecker } from '../src/modules/jobcheck/engine/index.js';
import { languagePack } from './offline-cache.js';
import type { LanguagePack } from './pack.js';

export interface OfflineCheck {
  lang: string;
  text: string;
  answers: Record<string, string>;
  sos: { phone: string; hours: string };
}

// Which packs can read an offer, by its script. Latin script is shared by five languages, Devanagari by two.
const BY_SCRIPT: readonly [RegExp, readonly string[]][] = [
  [/[\u0600-\u06ff]/, ['ur']],
  [/[\u0980-\u09ff]/, ['bn']],
  [/[\u0900-\u097f]/, ['hi', 'ne']],
  [/[\u4e00-\u9fff]/, ['zh']],
  [/[\u0400-\u04ff]/, ['sr-Cyrl']],
  [/[A-Za-z]/, ['en', 'sr-Latn', 'tr', 'sq', 'vi']],
];

const packs = new Map<string, Promise<LanguagePack | null>>();
const checkers = new Map<string, JobChecker>();

/** A pack, or null when it cannot be had (offline and never fetched): the check goes on without it. */
function pack(lang: string): Promise<LanguagePack | null> {
  let loading = packs.get(lang);
  if (!loading) {
    loading = import(languagePack(lang)).then((m: { default: LanguagePack }) => m.default).catch(() => null);
    packs.set(lang, loading);
  }
  return loading;
}

function checkerFor(loaded: readonly LanguagePack[]): JobChecker {
  const key = loaded.map((p) => p.lang).join(' ');
  let checker = checkers.get(key);
  if (!checker) {
    checker = createJobChecker({ lexicons: [common, ...loaded.map((p) => p.lexicon)], messages: [english, ...loaded.map((p) => p.messages)] });
    checkers.set(key, checker);
  }
  return checker;
}

/** Starts fetching the page language's pack, so a later check needs no download. */
export function prepare(lang: string): void {
  void pack(lang);
}

/** The result's HTML, as the server would render it, marked as checked offline. */
export async function checkOffline({ lang, text, answers, sos }: OfflineCheck): Promise<string> {
  const own = await pack(lang);
  if (!own) throw new Error(`no language pack for ${lang}`);
  if (text.trim() === '' && Object.values(answers).every((v) => v.trim() === '')) return renderNothingToCheck(own.labels).markup;
  const wanted = BY_SCRIPT.filter(([script]) => script.test(text)).flatMap(([, langs]) => langs);
  const others = await Promise.all([...new Set(wanted)].filter((l) => l !== lang).map(pack));
  const loaded = [own, ...others.filter((p): p is LanguagePack => p !== null)];
  const result = checkerFor(loaded).check({ text, answers, lang }, { sos: { name: own.siteName, ...sos } });
  return renderCheckResult(result, own.labels, { offline: true }).markup;
}
