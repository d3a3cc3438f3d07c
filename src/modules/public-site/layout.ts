import { html, raw, type SafeHtml } from '../../platform/html.js';
import { LOCALES, PUBLIC_LANGS, type PublicLang } from '../../platform/i18n/locales.js';
import { ASSETS_PREFIX } from './assets.js';
import { publicText } from './text.js';

/**
 * Where "Quick exit" goes: a page nobody would wonder about on a worker's screen. A plain link, so
 * it works without JavaScript; noreferrer so the search engine is not told where the visitor was.
 */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=weather';

export interface Page {
  lang: PublicLang;
  /** The page's path after `/<lang>/` ('' for the home page): the language switcher links to it in every language. */
  path: string;
  title: string;
  main: SafeHtml;
  /** Extra same-origin links or scripts in <head>, for pages that enhance themselves. */
  extraHead?: SafeHtml;
}

function languageSwitcher(current: PublicLang, path: string, label: string): SafeHtml {
  const links = PUBLIC_LANGS.map((lang) => {
    const { tag, nativeName } = LOCALES[lang];
    const currentMark = lang === current && raw(' aria-current="page"');
    return html`<li><a href="/${lang}/${path}" lang="${tag}" hreflang="${tag}"${currentMark}>${nativeName}</a></li>`;
  });
  return html`<nav class="langs" aria-label="${label}"><ul>${links}</ul></nav>`;
}

/**
 * A whole public page. It has no inline script or style, so it runs under a CSP of
 * `default-src 'self'`, and loads nothing from another origin.
 */
export function renderPage({ lang, path, title, main, extraHead }: Page): string {
  const text = publicText(lang);
  const { tag, dir } = LOCALES[lang];
  const page = html`<html lang="${tag}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${text('site.name')}</title>
<link rel="stylesheet" href="${ASSETS_PREFIX}site.css">
${extraHead}
</head>
<body>
<a class="skip" href="#main">${text('nav.skip')}</a>
<a class="exit" href="${QUICK_EXIT_URL}" rel="noreferrer">${text('nav.quickExit')}</a>
<header>
<a class="brand" href="/${lang}/">${text('site.name')}</a>
<p class="tagline">${text('site.tagline')}</p>
${languageSwitcher(lang, path, text('nav.languages'))}
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer>
<p>${text('footer.about')}</p>
<p>${text('footer.safety')}</p>
</footer>
</body>
</html>
`;
  return `<!doctype html>\n${page.markup}`;
}
