import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { PUBLIC_LANGS, type PublicLang } from './locales.js';
import { createTranslator, type Catalogue, type CatalogueSources } from './translator.js';

// locales/ is three levels above this file both in src/ and in the built dist/.
const LOCALES_DIR = new URL('../../../locales/', import.meta.url);

const ZCatalogue = z.record(z.string(), z.string());

function readCatalogue(file: URL): Catalogue {
  try {
    return ZCatalogue.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new Error(`${file.pathname} is not a JSON object of strings`, { cause: e });
  }
}

/** Reads locales/<lang>/<namespace>.json; the namespaces are the files English has. */
export function loadCatalogueSources(): CatalogueSources {
  const namespaces = readdirSync(new URL('en/', LOCALES_DIR))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length));
  return Object.fromEntries(
    namespaces.map((namespace) => {
      const catalogues: Partial<Record<PublicLang, Catalogue>> = {};
      for (const lang of PUBLIC_LANGS) {
        const file = new URL(`${lang}/${namespace}.json`, LOCALES_DIR);
        if (existsSync(file)) catalogues[lang] = readCatalogue(file);
      }
      return [namespace, catalogues];
    }),
  );
}

/** The catalogues are read and checked once, when the server starts. */
export const { t, text, catalogue } = createTranslator(loadCatalogueSources());
