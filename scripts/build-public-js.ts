/**
 * Builds the public site's scripts into public/js/ (served under /assets/js/, the worker at /sw.js):
 * check.js (the check page's enhancement), sw.js (the service worker), jobcheck.js (the engine for
 * offline checks) and one jobcheck-<lang>.js per language (its lexicon, explanations and page
 * texts). Serbian Cyrillic is derived here, so the browser never transliterates.
 *
 *   npx tsx scripts/build-public-js.ts
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { PUBLIC_LANGS } from '../src/platform/i18n/locales.js';
import { t } from '../src/platform/i18n/messages.js';
import { resultLabels } from '../src/modules/jobcheck/check-page.js';
import { derive } from '../src/modules/jobcheck/engine/derive.js';
import type { LanguagePack } from '../web-public/pack.js';

const root = new URL('../', import.meta.url);
export const PUBLIC_JS_DIR = fileURLToPath(new URL('public/js/', root));

async function readJson<T>(path: string): Promise<T> {
  return (await import(new URL(path, root).href, { with: { type: 'json' } })).default as T;
}

async function languagePack(lang: (typeof PUBLIC_LANGS)[number]): Promise<LanguagePack> {
  const source = async <T extends { lang: string; derivedFrom?: string }>(kind: 'lexicons' | 'messages'): Promise<T> => {
    const own = await readJson<T>(`src/modules/jobcheck/knowledge/${kind}/${lang}.json`);
    if (!own.derivedFrom) return own;
    const { derivedFrom: _base, ...derived } = derive(own, await readJson<T>(`src/modules/jobcheck/knowledge/${kind}/${own.derivedFrom}.json`));
    return derived as T;
  };
  return { lang, lexicon: await source('lexicons'), messages: await source('messages'), labels: resultLabels(lang), siteName: t(lang, 'public:site.name') };
}

/** Each language pack is a module of data, made here rather than written to disk first. */
const packsPlugin: Plugin = {
  name: 'language-packs',
  setup(b) {
    b.onResolve({ filter: /^pack:/ }, (args) => ({ path: args.path.slice('pack:'.length), namespace: 'pack' }));
    b.onLoad({ filter: /.*/, namespace: 'pack' }, async (args) => ({
      contents: `export default ${JSON.stringify(await languagePack(args.path as (typeof PUBLIC_LANGS)[number]))};`,
      loader: 'js',
    }));
  },
};

export async function buildPublicJs(): Promise<void> {
  // Built aside and moved in file by file: a server or a test reading public/js meanwhile sees
  // whole files, and two builds at once (test suites run in parallel) do not trip over each other.
  mkdirSync(PUBLIC_JS_DIR, { recursive: true });
  const outdir = mkdtempSync(join(PUBLIC_JS_DIR, '..', '.js-build-'));
  try {
    await build({
      entryPoints: [
        { in: 'web-public/check.ts', out: 'check' },
        { in: 'web-public/sw.ts', out: 'sw' },
        { in: 'web-public/jobcheck.ts', out: 'jobcheck' },
        ...PUBLIC_LANGS.map((lang) => ({ in: `pack:${lang}`, out: `jobcheck-${lang}` })),
      ],
      absWorkingDir: fileURLToPath(root),
      outdir,
      bundle: true,
      format: 'esm',
      minify: true,
      // What the engine needs anyway (module scripts, optional chaining, Unicode regular expressions).
      target: 'es2020',
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
      plugins: [packsPlugin],
    });
    const built = readdirSync(outdir);
    for (const file of built) renameSync(join(outdir, file), join(PUBLIC_JS_DIR, file));
    for (const file of readdirSync(PUBLIC_JS_DIR)) if (!built.includes(file)) rmSync(join(PUBLIC_JS_DIR, file));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildPublicJs();
