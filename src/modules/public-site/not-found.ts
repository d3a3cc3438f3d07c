import { html } from '../../platform/html.js';
import type { PublicLang } from '../../platform/i18n/locales.js';
import { renderPage } from './layout.js';
import { publicText } from './text.js';

/**
 * The 404 page. It never repeats the requested path, so nothing a link carries is reflected; its
 * language links go to each language's home page, since the missing page exists in none.
 */
export function renderNotFound(lang: PublicLang): string {
  const text = publicText(lang);
  const main = html`<h1>${text('notFound.title')}</h1>
<p>${text('notFound.text')}</p>
<p><a href="/${lang}/">${text('notFound.home')}</a></p>`;
  return renderPage({ lang, path: '', title: text('notFound.title'), main });
}
