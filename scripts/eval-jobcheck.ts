/**
 * Evaluates the job-offer check on src/modules/jobcheck/eval/offers.jsonl (tune and held-out splits)
 * and blind.jsonl, and prints for each separately the confusion matrix and precision and recall per
 * language and per signal. Run: npx tsx scripts/eval-jobcheck.ts
 */
import { readFileSync } from 'node:fs';
import { checkJobOffer } from '../src/modules/jobcheck/engine/all-languages.js';
import { evaluate, formatReport, parseOffers } from '../src/modules/jobcheck/eval/evaluate.js';

const read = (file: string) => parseOffers(readFileSync(new URL(`../src/modules/jobcheck/eval/${file}`, import.meta.url), 'utf8'));
const offers = [...read('offers.jsonl'), ...read('blind.jsonl')];
for (const split of ['tune', 'heldout', 'blind'] as const) {
  const report = evaluate(
    offers.filter((o) => o.split === split),
    (o) => checkJobOffer({ text: o.text }),
  );
  console.log(formatReport(split, report));
  console.log('');
}
