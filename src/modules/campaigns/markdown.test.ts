import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

const render = (source: string) => renderMarkdown(source).markup;

describe('campaign page Markdown', () => {
  it('shows raw HTML as text', () => {
    expect(render('Hello <img src=x onerror=alert(1)> <b>bold</b>')).toBe('<p>Hello &lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt;</p>\n');
    expect(render('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('links to the web, e-mail, phones and pages of the site, telling other sites nothing of the reader', () => {
    expect(render('[web](https://radnapravda.example.org/) [mail](mailto:sos@radnapravda.example.org) [call](tel:+381800100000) [home](/en/) [check](check)')).toBe(
      '<p><a href="https://radnapravda.example.org/" rel="noopener noreferrer">web</a> <a href="mailto:sos@radnapravda.example.org">mail</a> <a href="tel:+381800100000">call</a> <a href="/en/">home</a> <a href="check">check</a></p>\n',
    );
    expect(render('https://radnapravda.example.org/en and [there](//radnapravda.example.org/)')).toBe('<p><a href="https://radnapravda.example.org/en" rel="noopener noreferrer">https://radnapravda.example.org/en</a> and <a href="//radnapravda.example.org/" rel="noopener noreferrer">there</a></p>\n');
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'ftp://example.org/x'])('does not link %s', (href) => {
    expect(render(`[click](${href})`)).not.toContain('<a ');
  });

  it('keeps a backslash or a tab from turning a path into another origin or a scheme', () => {
    expect(render('[x](/\\evil.example)')).toBe('<p><a href="/%5Cevil.example">x</a></p>\n');
    expect(render('[x](<java\tscript:alert(1)>)')).not.toMatch(/href="java\s*script:/i);
  });

  it('shows images from this site, lazily, and only the alt text of images from elsewhere', () => {
    expect(render('![Leaflet in Hindi](/assets/campaigns/leaflet-hi.png "Leaflet")')).toBe('<p><img src="/assets/campaigns/leaflet-hi.png" alt="Leaflet in Hindi" title="Leaflet" loading="lazy"></p>\n');
    expect(render('![poster](poster.jpg)')).toBe('<p><img src="poster.jpg" alt="poster" loading="lazy"></p>\n');
    // An uploaded image, its alt text escaped as the upload's Markdown writes it.
    expect(render('![A \\[draft\\] leaflet](/media/campaigns/0123456789abcdef0123456789abcdef.webp)')).toBe('<p><img src="/media/campaigns/0123456789abcdef0123456789abcdef.webp" alt="A [draft] leaflet" loading="lazy"></p>\n');
    for (const src of ['https://tracker.example/p.gif', '//tracker.example/p.gif', 'http://x.example/a.png']) expect(render(`![seen <b>](${src})`)).toBe('<p>seen &lt;b&gt;</p>\n');
    expect(render('![x](data:image/png;base64,AAAA)')).not.toContain('<img');
  });

  it('puts headings under the page title, a level down', () => {
    expect(render('# One\n## Two\n###### Six')).toBe('<h2>One</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n');
  });
});
