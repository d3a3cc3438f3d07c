/**
 * Server-rendered HTML: every interpolated value is escaped unless it is already SafeHtml, so a page
 * cannot be turned into markup by the text it shows. Values go into text or into double-quoted
 * attributes; never build a URL scheme or an event handler from untrusted text.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Markup that `html` inserts as it is: the result of `html` itself, or `raw` for trusted constants. */
export class SafeHtml {
  constructor(readonly markup: string) {}
}

export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/** `null`, `undefined` and `false` render nothing, so `${cond && html`...`}` works; arrays are concatenated. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value));
  if (value === null || value === undefined || value === false) return '';
  return value.map(render).join('');
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + render(values[i - 1]) + s));
}
