import type { ResultLabels } from './check-result.js';
import type { JobCheckResult } from './engine/types.js';

/** The result as plain text for a terminal: what `labour-justice check` prints without --json. */
export function formatCheckText(result: JobCheckResult, labels: ResultLabels): string {
  const verdict = { high: 'verdict.highText', medium: 'verdict.mediumText', low: 'verdict.lowText' } as const;
  const lines = [`${labels['result.kicker']}: ${labels[`verdict.${result.risk}`]}`, labels[verdict[result.risk]], '', labels['result.signals']];
  if (result.signals.length === 0) lines.push(`  ${labels['result.noSignals']}`);
  for (const s of result.signals) {
    lines.push(`- ${s.title} (${labels[`severity.${s.severity}`]})`, `  ${s.explanation}`);
    if (s.evidence !== undefined) lines.push(`  ${labels['result.evidence']} “${s.evidence}”`);
  }
  lines.push('', labels['result.advice'], ...result.advice.map((a) => `- ${a}`), '', result.disclaimer);
  return lines.join('\n');
}
