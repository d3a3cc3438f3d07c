/** Texts shown to the person checking an offer, from knowledge/messages/<lang>.json. */
import { derive } from './derive.js';
import { isLanguage, type Language } from './types.js';

export type AdviceKey =
  | 'stopHighRisk' // only when the risk is high
  | 'agencyRegistered' // only when the register knows the agency named
  | 'checkLicence'
  | 'writtenContract'
  | 'keepPassport'
  | 'neverPayFee'
  | 'callSos';

export interface MessagesSource {
  lang: string;
  /** sr-Cyrl is written as "derivedFrom": "sr-Latn" and produced by transliteration. */
  derivedFrom?: string;
  signals?: Record<string, { title: string; explanation: string }>;
  advice?: Partial<Record<AdviceKey, string>>;
  disclaimer?: string;
  questions?: Record<string, { label: string; options?: Record<string, string> }>;
}

/** Resolves derived catalogues; throws at start-up on a catalogue that names no known language. */
export function compileMessages(sources: readonly MessagesSource[]): ReadonlyMap<Language, MessagesSource> {
  const out = new Map<Language, MessagesSource>();
  for (const source of sources) {
    if (!isLanguage(source.lang)) throw new Error(`messages: unknown language "${source.lang}"`);
    const base = source.derivedFrom ? sources.find((s) => s.lang === source.derivedFrom) : undefined;
    if (source.derivedFrom && !base) throw new Error(`messages ${source.lang}: needs ${source.derivedFrom} loaded`);
    out.set(source.lang, base ? derive(source, base) : source);
  }
  return out;
}

/** Replaces {name} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
