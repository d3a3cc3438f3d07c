import { html, type SafeHtml } from '../../platform/html.js';
import type { PublicLang } from '../../platform/i18n/locales.js';
import { renderPage } from './layout.js';
import { publicText } from './text.js';

/** The SOS line as configured (SOS_PHONE, SOS_HOURS). */
export interface SosLine {
  phone: string;
  hours: string;
}

const RIGHTS = ['fees', 'contract', 'documents', 'leave', 'pay', 'help'] as const;

/** The call button and opening hours; the check and report pages show them too. */
export function sosBox(lang: PublicLang, sos: SosLine): SafeHtml {
  const text = publicText(lang);
  // A tel: URI takes only the digits and a leading +, whatever spacing the configuration uses.
  const tel = sos.phone.replace(/[^\d+]/g, '');
  return html`<section class="sos" aria-labelledby="sos-title">
<h2 id="sos-title">${text('sos.title')}</h2>
<a class="call" href="tel:${tel}">${text('sos.call', { phone: sos.phone })}</a>
<p>${text('sos.hours', { hours: sos.hours })}</p>
</section>`;
}

export function renderHome(lang: PublicLang, sos: SosLine): string {
  const text = publicText(lang);
  const action = (href: string, key: string) =>
    html`<li><a href="${href}"><strong>${text(`actions.${key}`)}</strong> <span>${text(`actions.${key}Hint`)}</span></a></li>`;
  const main = html`<h1>${text('home.title')}</h1>
<p>${text('home.intro')}</p>
<ul>
<li>${text('home.who.checking')}</li>
<li>${text('home.who.abused')}</li>
<li>${text('home.who.fear')}</li>
</ul>
<p>${text('home.anywhere')}</p>
${sosBox(lang, sos)}
<h2>${text('actions.title')}</h2>
<ul class="actions">
${action(`/${lang}/check`, 'check')}
${action(`/${lang}/report`, 'report')}
${action('#rights', 'rights')}
</ul>
<section id="rights" aria-labelledby="rights-title">
<h2 id="rights-title">${text('rights.title')}</h2>
<p>${text('rights.intro')}</p>
<ol class="rights">${RIGHTS.map((right) => html`<li>${text(`rights.${right}`)}</li>`)}</ol>
</section>`;
  return renderPage({ lang, path: '', title: text('home.title'), main });
}
