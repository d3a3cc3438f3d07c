import { formatDate } from '../i18n/format.js';
import { LOCALES, type StaffLang } from '../i18n/locales.js';
import { text } from '../i18n/messages.js';
import type { PdfReport } from './report-pdf.js';

/**
 * What every report's pages carry in a language: the organisation and the day it was generated
 * (in ORG_TIMEZONE) in the footer, "Page 2 of 5", and the locale its numbers are written in.
 */
export function reportFrame(lang: StaffLang, timeZone: string, now = new Date()): Pick<PdfReport, 'locale' | 'author' | 'footer' | 'pageLabel'> {
  const organisation = text(lang, 'public:site.name');
  return {
    locale: LOCALES[lang].tag,
    author: organisation,
    footer: text(lang, 'staff:pdf.footer', { organisation, date: formatDate(lang, now, timeZone) }),
    pageLabel: (page, pages) => text(lang, 'staff:pdf.page', { page, pages }),
  };
}
