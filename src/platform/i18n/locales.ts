/** The public site's languages, in the order the language switcher shows them. */
export const PUBLIC_LANGS = ['sr-Latn', 'sr-Cyrl', 'en', 'hi', 'ur', 'tr', 'zh', 'sq', 'vi', 'ne', 'bn'] as const;
export type PublicLang = (typeof PUBLIC_LANGS)[number];

/** The staff app's languages. */
export const STAFF_LANGS = ['sr-Latn', 'sr-Cyrl', 'en'] as const satisfies readonly PublicLang[];
export type StaffLang = (typeof STAFF_LANGS)[number];

export interface LocaleInfo {
  /** The language's name in itself, as the language switcher shows it. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for `lang`/`hreflang` attributes and for Intl formatting. */
  tag: string;
}

export const LOCALES: Readonly<Record<PublicLang, LocaleInfo>> = {
  'sr-Latn': { nativeName: 'Srpski', dir: 'ltr', tag: 'sr-Latn-RS' },
  'sr-Cyrl': { nativeName: 'Српски', dir: 'ltr', tag: 'sr-Cyrl-RS' },
  // British English writes dates day first, as our readers from Serbia and South Asia do.
  en: { nativeName: 'English', dir: 'ltr', tag: 'en-GB' },
  hi: { nativeName: 'हिन्दी', dir: 'ltr', tag: 'hi' },
  ur: { nativeName: 'اردو', dir: 'rtl', tag: 'ur' },
  tr: { nativeName: 'Türkçe', dir: 'ltr', tag: 'tr' },
  // The script subtag makes browsers pick Simplified Chinese glyphs.
  zh: { nativeName: '简体中文', dir: 'ltr', tag: 'zh-Hans' },
  sq: { nativeName: 'Shqip', dir: 'ltr', tag: 'sq' },
  vi: { nativeName: 'Tiếng Việt', dir: 'ltr', tag: 'vi' },
  ne: { nativeName: 'नेपाली', dir: 'ltr', tag: 'ne' },
  bn: { nativeName: 'বাংলা', dir: 'ltr', tag: 'bn' },
};

export function isPublicLang(value: string): value is PublicLang {
  return (PUBLIC_LANGS as readonly string[]).includes(value);
}

// Bosnian, Croatian and Montenegrin readers understand Serbian far better than English.
const READS_SERBIAN = new Set(['sr', 'sh', 'bs', 'hr', 'cnr']);

function publicLangOf(range: string): PublicLang | undefined {
  const [primary = '', ...subtags] = range.toLowerCase().split(/[-_]/);
  if (READS_SERBIAN.has(primary)) return subtags.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
  // Any Chinese (zh-CN, zh-TW, zh-Hant...) gets our Simplified Chinese: closer than English.
  return PUBLIC_LANGS.find((lang) => lang === primary);
}

/** The best public language for an Accept-Language header; English when nothing matches. */
export function negotiate(acceptLanguage: string | undefined): PublicLang {
  const ranges = (acceptLanguage ?? '').split(',').map((part) => {
    const [range = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    return { lang: publicLangOf(range), q: q === undefined ? 1 : Number(q.slice(2)) };
  });
  // Array sort is stable: among equal q-values the header's order decides.
  const best = ranges.filter((r) => r.lang !== undefined && r.q > 0).sort((a, b) => b.q - a.q)[0];
  return best?.lang ?? 'en';
}
