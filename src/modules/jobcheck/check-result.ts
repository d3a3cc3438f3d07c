/**
 * The result of a check as HTML, for the page the server renders and for the same page when the
 * browser runs the check itself (offline): one renderer, so both show the same thing. It imports
 * nothing that needs Node.
 */
import { html, type SafeHtml } from '../../platform/html.js';
import { isPublicLang, LOCALES } from '../../platform/i18n/locales.js';
import type { JobCheckResult, Severity } from './engine/types.js';

/** The page texts a result needs, as keys of `check.*` in the public catalogue. */
export const RESULT_LABEL_KEYS = [
  'result.kicker',
  'verdict.high',
  'verdict.highText',
  'verdict.medium',
  'verdict.mediumText',
  'verdict.low',
  'verdict.lowText',
  'result.language',
  'result.signals',
  'result.noSignals',
  'result.evidence',
  'severity.high',
  'severity.medium',
  'severity.low',
  'result.advice',
  'result.offline',
  'error.empty',
] as const;

export type ResultLabels = Readonly<Record<(typeof RESULT_LABEL_KEYS)[number], string>>;

const VERDICT_TEXT: Record<Severity, keyof ResultLabels> = { high: 'verdict.highText', medium: 'verdict.mediumText', low: 'verdict.lowText' };

/**
 * The verdict in words (never colour alone), each concern with the offer's own words, what to
 * check next and the reminder that "low" does not mean safe. `offline`: the browser ran the check
 * without the server, so without the register of licensed agencies.
 */
export function renderCheckResult(result: JobCheckResult, labels: ResultLabels, opts: { offline?: boolean } = {}): SafeHtml {
  const detected = isPublicLang(result.detectedLanguage) ? LOCALES[result.detectedLanguage] : undefined;
  const signals = result.signals.map(
    (s) => html`<li class="signal signal-${s.severity}">
<h4>${s.title}</h4>
<p class="severity">${labels[`severity.${s.severity}`]}</p>
<p>${s.explanation}</p>
${s.evidence !== undefined && html`<p class="evidence">${labels['result.evidence']} <q dir="auto">${s.evidence}</q></p>`}
</li>`,
  );
  return html`<section class="result" aria-labelledby="result-title">
<div class="verdict verdict-${result.risk}">
<p class="kicker">${labels['result.kicker']}</p>
<h2 id="result-title">${labels[`verdict.${result.risk}`]}</h2>
<p>${labels[VERDICT_TEXT[result.risk]]}</p>
</div>
${opts.offline && html`<p class="note">${labels['result.offline']}</p>`}
${detected && html`<p>${labels['result.language']} <span lang="${detected.tag}">${detected.nativeName}</span></p>`}
<h3>${labels['result.signals']}</h3>
${signals.length > 0 ? html`<ol class="signals">${signals}</ol>` : html`<p>${labels['result.noSignals']}</p>`}
<h3>${labels['result.advice']}</h3>
<ul class="advice">${result.advice.map((a) => html`<li>${a}</li>`)}</ul>
<p class="disclaimer">${result.disclaimer}</p>
</section>`;
}

/** Neither an offer nor an answer: said where the result would be. */
export function renderNothingToCheck(labels: ResultLabels): SafeHtml {
  return html`<p class="errors" role="alert">${labels['error.empty']}</p>`;
}
