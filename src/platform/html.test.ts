import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.js';

describe('html', () => {
  it('escapes the five characters that could start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes interpolated text but not the template itself', () => {
    expect(html`<p title="${'"><script>'}">${'<b>'}</p>`.markup).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;</p>');
  });

  it('inserts raw markup and nested templates as they are, without escaping twice', () => {
    const inner = html`<em>${'a & b'}</em>`;
    expect(html`<p>${inner}${raw('<br>')}</p>`.markup).toBe('<p><em>a &amp; b</em><br></p>');
  });

  it('concatenates arrays and renders nothing for null, undefined and false', () => {
    const items = ['<1>', 2].map((i) => html`<li>${i}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}`.markup).toBe('<ul><li>&lt;1&gt;</li><li>2</li></ul>');
  });
});
