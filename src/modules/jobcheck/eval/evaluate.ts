/**
 * Scoring the job-offer check against the labelled offers in offers.jsonl: the confusion matrix of
 * risk levels, precision and recall of the 'high' verdict per language, and of every signal.
 * Pure, so the eval script and the regression test share it.
 */
import type { JobCheckResult, Risk } from '../engine/types.js';

export interface LabelledOffer {
  id: string;
  lang: string;
  text: string;
  expectedRisk: Risk;
  expectedSignals: string[];
  /** tune: used to write the lexicons; heldout: written first and never tuned on; blind: written after tuning, never tuned on (blind.jsonl). */
  split: 'tune' | 'heldout' | 'blind';
}

const SPLITS: readonly LabelledOffer['split'][] = ['tune', 'heldout', 'blind'];

const RISKS: readonly Risk[] = ['high', 'medium', 'low'];

export function parseOffers(jsonl: string): LabelledOffer[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const o = JSON.parse(line) as LabelledOffer;
      if (!RISKS.includes(o.expectedRisk) || !SPLITS.includes(o.split)) {
        throw new Error(`line ${i + 1}: bad expectedRisk or split`);
      }
      return o;
    });
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision and recall; null where undefined (nothing predicted, or nothing expected). */
export function rates(c: Counts): { precision: number | null; recall: number | null } {
  return {
    precision: c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn),
  };
}

export interface Miss {
  id: string;
  expected: Risk;
  got: Risk;
  missing: string[];
  extra: string[];
}

export interface Report {
  count: number;
  /** confusion[expected][got] */
  confusion: Record<Risk, Record<Risk, number>>;
  accuracy: number;
  high: Counts;
  highByLanguage: Map<string, Counts>;
  signals: Map<string, Counts>;
  signalsByLanguage: Map<string, Counts>;
  misses: Miss[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

function tally(c: Counts, expected: boolean, got: boolean): void {
  if (expected && got) c.tp += 1;
  else if (got) c.fp += 1;
  else if (expected) c.fn += 1;
}

export function evaluate(offers: readonly LabelledOffer[], check: (offer: LabelledOffer) => JobCheckResult): Report {
  const confusion = Object.fromEntries(RISKS.map((e) => [e, Object.fromEntries(RISKS.map((g) => [g, 0]))])) as Report['confusion'];
  const report: Report = {
    count: offers.length,
    confusion,
    accuracy: 0,
    high: zero(),
    highByLanguage: new Map(),
    signals: new Map(),
    signalsByLanguage: new Map(),
    misses: [],
  };
  let correct = 0;
  for (const offer of offers) {
    const result = check(offer);
    confusion[offer.expectedRisk][result.risk] += 1;
    if (offer.expectedRisk === result.risk) correct += 1;
    const isHigh = [offer.expectedRisk === 'high', result.risk === 'high'] as const;
    tally(report.high, ...isHigh);
    if (!report.highByLanguage.has(offer.lang)) report.highByLanguage.set(offer.lang, zero());
    tally(report.highByLanguage.get(offer.lang) ?? zero(), ...isHigh);

    const got = new Set(result.signals.map((s) => s.id));
    const expected = new Set(offer.expectedSignals);
    if (!report.signalsByLanguage.has(offer.lang)) report.signalsByLanguage.set(offer.lang, zero());
    for (const id of new Set([...got, ...expected])) {
      if (!report.signals.has(id)) report.signals.set(id, zero());
      tally(report.signals.get(id) ?? zero(), expected.has(id), got.has(id));
      tally(report.signalsByLanguage.get(offer.lang) ?? zero(), expected.has(id), got.has(id));
    }
    const missing = [...expected].filter((id) => !got.has(id));
    const extra = [...got].filter((id) => !expected.has(id));
    if (offer.expectedRisk !== result.risk || missing.length > 0 || extra.length > 0) {
      report.misses.push({ id: offer.id, expected: offer.expectedRisk, got: result.risk, missing, extra });
    }
  }
  report.accuracy = offers.length === 0 ? 0 : correct / offers.length;
  return report;
}

const pct = (x: number | null) => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

function table(title: string, rows: Map<string, Counts>): string[] {
  const lines = [title, `  ${'name'.padEnd(26)} precision  recall    tp  fp  fn`];
  for (const [name, c] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const r = rates(c);
    lines.push(`  ${name.padEnd(26)} ${pct(r.precision)}   ${pct(r.recall)}  ${String(c.tp).padStart(4)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}`);
  }
  return lines;
}

export function formatReport(name: string, report: Report): string {
  const high = rates(report.high);
  const lines = [
    `=== ${name}: ${report.count} offers, risk accuracy ${pct(report.accuracy)}, 'high' precision ${pct(high.precision)} recall ${pct(high.recall)}`,
    'confusion matrix (rows: expected, columns: engine)',
    `  ${''.padEnd(8)}${RISKS.map((r) => r.padStart(8)).join('')}`,
    ...RISKS.map((e) => `  ${e.padEnd(8)}${RISKS.map((g) => String(report.confusion[e][g]).padStart(8)).join('')}`),
    ...table("'high' verdict per language", report.highByLanguage),
    ...table('signals per language (all signals pooled)', report.signalsByLanguage),
    ...table('per signal', report.signals),
    'offers with a wrong risk or wrong signals:',
    ...report.misses.map(
      (m) => `  ${m.id.padEnd(14)} expected ${m.expected.padEnd(6)} got ${m.got.padEnd(6)}${m.missing.length ? ` missing ${m.missing.join(',')}` : ''}${m.extra.length ? ` extra ${m.extra.join(',')}` : ''}`,
    ),
  ];
  return lines.join('\n');
}
