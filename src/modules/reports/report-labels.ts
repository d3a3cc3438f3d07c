import { LOCALES, type StaffLang } from '../../platform/i18n/locales.js';
import { text } from '../../platform/i18n/messages.js';

/** A label of the reports catalogue (locales/<lang>/reports.json). */
export const label = (lang: StaffLang, key: string, values?: Record<string, string>): string => text(lang, `reports:${key}`, values);

/** Country names in the language, from the ICU data Node carries ("Indija", "Индија", "India"). */
export function countryNames(lang: StaffLang): (code: string) => string {
  const names = new Intl.DisplayNames([LOCALES[lang].tag], { type: 'region', fallback: 'code' });
  return (code) => names.of(code) ?? code;
}
