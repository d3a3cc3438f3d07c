import { t } from '../../platform/i18n/messages.js';
import type { PublicLang } from '../../platform/i18n/locales.js';
import type { MessageValues } from '../../platform/i18n/translator.js';

export type PublicText = (key: string, values?: MessageValues) => string;

/** The `public` catalogue in one language: `publicText('hi')('home.title')`. */
export function publicText(lang: PublicLang): PublicText {
  return (key, values) => t(lang, `public:${key}`, values);
}
