/** Types shared by the job-offer check engine. The result shape is the public contract of POST /api/v1/job-checks. */

export const LANGUAGES = ['sr-Latn', 'sr-Cyrl', 'en', 'hi', 'ur', 'tr', 'zh', 'sq', 'vi', 'ne', 'bn'] as const;
export type Language = (typeof LANGUAGES)[number];
export type DetectedLanguage = Language | 'und';

export type Severity = 'high' | 'medium' | 'low';
export type Risk = Severity;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A sum of money found in the offer (or given in the answers). `text` is a verbatim slice of the offer when it came from the text. */
export interface Amount {
  amount: number;
  currency: string;
  text?: string;
}

export interface JobCheckSignal {
  id: string;
  severity: Severity;
  title: string;
  explanation: string;
  /** Verbatim words of the offer that raised the signal; absent when the signal came from the answers only. */
  evidence?: string;
  /** Sums of money the signal is about (fees, debts, pay), when the offer states them. */
  amounts?: Amount[];
}

export interface JobCheckResult {
  risk: Risk;
  signals: JobCheckSignal[];
  detectedLanguage: DetectedLanguage;
  advice: string[];
  disclaimer: string;
}

export interface JobCheckInput {
  text?: string;
  answers?: Record<string, unknown>;
  lang?: string;
}

/** The organisation's help line, as shown in the advice. Defaults come from knowledge/organisation.json. */
export interface SosContact {
  name: string;
  phone: string;
  hours: string;
}

/** What the register of licensed employment agencies says about a name. */
export type AgencyLookup =
  | { status: 'registered'; officialName?: string; licence?: string }
  | { status: 'not_registered' }
  | { status: 'unknown' };

/**
 * Synchronous on purpose: the engine stays pure, so the caller loads the register into memory
 * (the server from its database, the browser from a downloaded list) and passes a lookup.
 */
export type AgencyRegister = (name: string) => AgencyLookup;

export interface JobCheckOptions {
  sos?: Partial<SosContact>;
  agencyRegister?: AgencyRegister;
}
