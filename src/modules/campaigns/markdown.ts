import MarkdownIt from 'markdown-it';
import { escapeHtml, raw, type SafeHtml } from '../../platform/html.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const LINK_SCHEMES = /^(?:https?|mailto|tel):/i;
const OTHER_SITE = /^(?:https?:)?\/\//i;

/** Same origin: a path on this site. `//host/x` is another origin, and so is any scheme (data: included). */
function isSameOrigin(url: string): boolean {
  return !url.startsWith('//') && !SCHEME.test(url);
}

/** Links may leave the site for the web, an e-mail or a phone call; nothing else (no javascript:, no data:). */
function isAllowedLink(url: string): boolean {
  return !SCHEME.test(url) || LINK_SCHEMES.test(url);
}

/**
 * Markdown as staff write it for public pages. Raw HTML in the source is shown as text, links
 * are limited to http(s), mailto, tel and paths on this site, and images to paths on this site,
 * since the pages' Content-Security-Policy loads nothing from other origins (an image from
 * elsewhere is shown as its alt text). Headings move down a level, under the page's own title.
 */
function createRenderer() {
  // markdown-it trims and normalises the address (percent-encoding spaces and backslashes) before validateLink sees it.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isAllowedLink;

  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (!isSameOrigin(String(token.attrGet('src') ?? ''))) return escapeHtml(token.content);
    token.attrSet('loading', 'lazy');
    return renderImage(tokens, idx, options, env, self);
  };

  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    // Readers may be watched: the site a link leads to is not told where they came from.
    if (OTHER_SITE.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, idx, options);
  };

  md.core.ruler.push('headings_under_title', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(Number(token.tag.slice(1)) + 1, 6)}`;
    }
  });
  return md;
}

const renderer = createRenderer();

export function renderMarkdown(source: string): SafeHtml {
  return raw(renderer.render(source));
}
