import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { median, type BenchRow } from '../lib.js';

type Engine = typeof import('../../src/modules/jobcheck/engine/all-languages.js');

const OFFER_LENGTH = 2000;
const ROUNDS = 5;
const CALLS = 10;
const TARGET_MS = 1;

/** Offers of about 2,000 characters: each language's evaluation offers joined until long enough. */
function offers(): string[] {
  const byLang = new Map<string, string[]>();
  for (const line of readFileSync('src/modules/jobcheck/eval/offers.jsonl', 'utf8').split('\n').filter(Boolean)) {
    const { lang, text } = JSON.parse(line) as { lang: string; text: string };
    byLang.set(lang, [...(byLang.get(lang) ?? []), text]);
  }
  return [...byLang.values()].flatMap((texts) =>
    texts.map((_, i) => {
      let offer = '';
      for (let j = i; offer.length < OFFER_LENGTH; j++) offer += `${texts[j % texts.length]}\n`;
      return offer.slice(0, OFFER_LENGTH);
    }),
  );
}

/** Median CPU time of one call, in ms: CPU rather than wall time, so other work on a shared machine counts less. */
function medianMs(texts: readonly string[], run: (text: string) => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of texts) {
      const start = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) run(text);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000 / CALLS);
    }
  }
  return median(times);
}

/** The job-offer check on 2,000-character offers in all eleven languages, beside a plain scan of the same texts for words. */
export async function jobcheckSuite(): Promise<BenchRow[]> {
  // The engine as users run it: compiled by `npm run build`, which `npm run bench` runs first.
  const { checkJobOffer } = (await import(pathToFileURL('dist/modules/jobcheck/engine/all-languages.js').href)) as Engine;
  const texts = offers();
  const words = /[\p{L}\p{N}]+/gu;
  const scan = (text: string) => text.match(words)?.length ?? 0;
  // V8 finishes compiling each regular expression on first use: warm both up before measuring.
  for (const text of texts) {
    checkJobOffer({ text });
    scan(text);
  }
  const engine = medianMs(texts, (text) => checkJobOffer({ text }));
  const baseline = medianMs(texts, scan);
  return [
    {
      name: `job-offer check, ${OFFER_LENGTH}-character offer (${texts.length} offers, 11 languages)`,
      value: `${engine.toFixed(3)} ms`,
      baseline: `${baseline.toFixed(3)} ms word scan`,
      result: `${(engine / baseline).toFixed(0)}x the scan`,
      target: `< ${TARGET_MS} ms`,
      ok: engine < TARGET_MS,
    },
  ];
}
