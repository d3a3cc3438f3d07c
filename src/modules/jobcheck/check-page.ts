import { html, type SafeHtml } from '../../platform/html.js';
import type { PublicLang } from '../../platform/i18n/locales.js';
import { sosBox, type SosLine } from '../public-site/home.js';
import { ASSETS_PREFIX } from '../public-site/assets.js';
import { renderPage } from '../public-site/layout.js';
import { publicText } from '../public-site/text.js';
import { renderCheckResult, renderNothingToCheck, RESULT_LABEL_KEYS, type ResultLabels } from './check-result.js';
import { MAX_TEXT_LENGTH, QUESTION_IDS, type JobCheckResult, type Question } from './engine/index.js';

/** The form as sent: every field as the text it holds, so the page can show it again to be edited. */
export interface CheckForm {
  text: string;
  answers: Readonly<Record<string, string>>;
}

/** What the page shows above the form: a result, or why there is none. */
export type CheckOutcome =
  | { kind: 'none' }
  | { kind: 'result'; result: JobCheckResult }
  | { kind: 'empty' }
  | { kind: 'invalid'; fields: ReadonlySet<string> };

export const EMPTY_FORM: CheckForm = { text: '', answers: {} };

/** The page's own styles, beside the site's. */
export const CHECK_STYLES = `${ASSETS_PREFIX}check.css`;
/** The script that checks offline and installs the service worker; built by scripts/build-public-js.ts. */
export const CHECK_SCRIPT = `${ASSETS_PREFIX}js/check.js`;

/** Reads the page's form (application/x-www-form-urlencoded, all optional); unknown fields are ignored. */
export function formOf(body: unknown): CheckForm {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const value = (name: string): string => {
    const v = fields[name];
    return typeof v === 'string' ? v : '';
  };
  return { text: value('text'), answers: Object.fromEntries(QUESTION_IDS.map((id) => [id, value(id)]).filter(([, v]) => v !== '')) };
}

export function resultLabels(lang: PublicLang): ResultLabels {
  const text = publicText(lang);
  return Object.fromEntries(RESULT_LABEL_KEYS.map((key) => [key, text(`check.${key}`)])) as ResultLabels;
}

function question(q: Question, value: string, invalid: boolean, noAnswer: string, errorText: string): SafeHtml {
  const id = `q-${q.id}`;
  const error = invalid && html`<p class="error" id="${id}-error">${errorText}</p>`;
  const described = invalid ? html` aria-describedby="${id}-error" aria-invalid="true"` : '';
  let control: SafeHtml;
  if (q.type === 'single') {
    const known = q.options?.some((o) => o.value === value) ?? false;
    const options = [{ value: '', label: noAnswer }, ...(q.options ?? [])].map((o) =>
      o.value === value || (o.value === '' && !known) ? html`<option value="${o.value}" selected>${o.label}</option>` : html`<option value="${o.value}">${o.label}</option>`,
    );
    control = html`<select id="${id}" name="${q.id}"${described}>${options}</select>`;
  } else if (q.type === 'number') {
    control = html`<input id="${id}" name="${q.id}" type="number" inputmode="decimal" step="any" min="${q.min ?? 0}"${q.max !== undefined ? html` max="${q.max}"` : ''} value="${value}"${described}>`;
  } else {
    control = html`<input id="${id}" name="${q.id}" type="text" maxlength="${q.maxLength ?? 200}" autocomplete="off" dir="auto" value="${value}"${described}>`;
  }
  return html`<div class="field">
<label for="${id}">${q.label}</label>
${error}
${control}
</div>`;
}

/**
 * `/:lang/check`: a plain form that works with JavaScript off (POST to the same address renders
 * the result above the form, still filled in) and sets no cookie. With JavaScript, check.js sends
 * the same form in the background and, offline, runs the engine in the browser.
 */
export function renderCheckPage(lang: PublicLang, sos: SosLine, questions: readonly Question[], form: CheckForm, outcome: CheckOutcome): string {
  const text = publicText(lang);
  const labels = resultLabels(lang);
  const invalid = outcome.kind === 'invalid' ? outcome.fields : new Set<string>();
  const textTooLong = invalid.has('text');
  const answered = Object.keys(form.answers).length > 0;
  const slot =
    outcome.kind === 'result'
      ? renderCheckResult(outcome.result, labels)
      : outcome.kind === 'empty'
        ? renderNothingToCheck(labels)
        : outcome.kind === 'invalid' && html`<p class="errors" role="alert">${text('check.error.title')}</p>`;
  const main = html`<h1>${text('check.title')}</h1>
<p>${text('check.intro')}</p>
<div id="result" tabindex="-1">${slot}</div>
${outcome.kind === 'result' && html`<p><a href="/${lang}/check">${text('check.again')}</a></p>`}
<form method="post" action="/${lang}/check" class="check" data-lang="${lang}" data-sos-phone="${sos.phone}" data-sos-hours="${sos.hours}">
<div class="field">
<label for="text">${text('check.text.label')}</label>
<span class="hint" id="text-hint">${text('check.text.hint')}</span>
${textTooLong && html`<p class="error" id="text-error">${text('check.error.textTooLong')}</p>`}
<textarea id="text" name="text" rows="10" maxlength="${MAX_TEXT_LENGTH}" dir="auto" aria-describedby="text-hint${textTooLong ? ' text-error' : ''}">${form.text}</textarea>
</div>
<details class="questions"${answered || invalid.size > 0 ? html` open` : ''}>
<summary>${text('check.questions.title')}</summary>
<p class="hint">${text('check.questions.hint')}</p>
${questions.map((q) => question(q, form.answers[q.id] ?? '', invalid.has(`answers.${q.id}`), text('check.noAnswer'), text('check.error.field')))}
</details>
<p><button type="submit">${text('check.submit')}</button></p>
</form>
<p class="privacy">${text('check.privacy')}</p>
${sosBox(lang, sos)}`;
  return renderPage({ lang, path: 'check', title: text('check.title'), main, extraHead: html`<link rel="stylesheet" href="${CHECK_STYLES}">
<script type="module" src="${CHECK_SCRIPT}"></script>` });
}
