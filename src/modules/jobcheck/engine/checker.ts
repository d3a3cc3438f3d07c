/**
 * The job-offer check: createJobChecker compiles the lexicons and message catalogues it is given
 * (all of them on the server, one or two in a browser) and returns a pure, synchronous check.
 */
import organisation from '../knowledge/organisation.json' with { type: 'json' };
import { analyseText } from './analyse.js';
import { riskOf, SIGNAL_BY_ID, SIGNAL_ORDER } from './catalogue.js';
import { derive } from './derive.js';
import { detectionIndex, detectLanguage } from './detect.js';
import { compileLexicon, type CompiledLexicon, type LexiconSource } from './lexicon.js';
import { compileMessages, fill, type MessagesSource } from './messages.js';
import { buildQuestions, readAnswers, type Question } from './questions.js';
import { collectSignals } from './rules.js';
import { PreparedText } from './text.js';
import {
  isLanguage,
  type JobCheckInput,
  type JobCheckOptions,
  type JobCheckResult,
  type JobCheckSignal,
  type Language,
  type Severity,
  type SosContact,
} from './types.js';

/** The contract accepts offers up to this length; longer input is cut rather than refused, so the check stays fast. */
export const MAX_TEXT_LENGTH = 20_000;
const FALLBACK: Language = 'en';
const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export interface JobCheckerConfig {
  /** Lexicons to match with: "common" plus any language lexicons (sr-Cyrl needs sr-Latn). */
  lexicons: readonly LexiconSource[];
  /** Message catalogues: English is required, as the fallback for every missing text. */
  messages: readonly MessagesSource[];
}

export interface JobChecker {
  /** Languages whose lexicons are loaded. */
  readonly languages: readonly Language[];
  check(input: JobCheckInput, opts?: JobCheckOptions): JobCheckResult;
  questions(lang?: string): Question[];
}

function sosContact(override: JobCheckOptions['sos']): SosContact {
  const pick = (key: keyof SosContact) => {
    const value = override?.[key];
    return typeof value === 'string' && value.trim() !== '' ? value : organisation.sos[key];
  };
  return { name: pick('name'), phone: pick('phone'), hours: pick('hours') };
}

export function createJobChecker(config: JobCheckerConfig): JobChecker {
  const common = config.lexicons.find((l) => l.lang === 'common');
  const compiled = new Map<Language, CompiledLexicon>();
  for (const source of config.lexicons) {
    if (source.lang === 'common') continue;
    if (!isLanguage(source.lang)) throw new Error(`lexicon: unknown language "${source.lang}"`);
    const base = source.derivedFrom ? config.lexicons.find((l) => l.lang === source.derivedFrom) : undefined;
    if (source.derivedFrom && !base) throw new Error(`lexicon ${source.lang}: needs ${source.derivedFrom} loaded`);
    compiled.set(source.lang, compileLexicon(base ? derive(source, base) : source, common));
  }
  const commonCompiled = common ? compileLexicon(common) : undefined;
  const detection = detectionIndex([...compiled.values()]);
  const messages = compileMessages(config.messages);
  const fallback = messages.get(FALLBACK);
  if (!fallback) throw new Error('messages: English (en) is required as the fallback');

  const text = (lang: Language, pick: (m: MessagesSource) => string | undefined): string =>
    pick(messages.get(lang) ?? fallback) ?? pick(fallback) ?? '';

  function check(input: JobCheckInput, opts: JobCheckOptions = {}): JobCheckResult {
    const offer = typeof input.text === 'string' ? input.text.slice(0, MAX_TEXT_LENGTH) : '';
    const prepared = new PreparedText(offer);
    const detected = detectLanguage(offer, prepared.folded, detection);
    // An undetermined language is mostly a short text ("Provizija 500 din unapred."): all lexicons
    // are cheap on it, and any may be the right one. Otherwise the detected language and any other
    // that scores well (an English sentence inside a Serbian ad).
    const languages = detected.language === 'und' ? [...compiled.keys()] : [detected.language, ...detected.alsoPresent];
    const scan = [
      ...new Set(
        [commonCompiled, ...languages.map((l) => (isLanguage(l) ? compiled.get(l) : undefined))].filter((l): l is CompiledLexicon => l !== undefined),
      ),
    ];
    const answers = readAnswers(input.answers);
    const findings = analyseText(prepared, scan);
    const { found, registeredAgencies } = collectSignals(prepared, findings, detected.words, answers, opts.agencyRegister);

    const lang: Language = isLanguage(input.lang) ? input.lang : detected.language !== 'und' ? detected.language : FALLBACK;
    const signals: JobCheckSignal[] = [...found]
      .flatMap(([id, finding]) => {
        const def = SIGNAL_BY_ID.get(id);
        if (!def) return [];
        const signal: JobCheckSignal = {
          id,
          severity: def.severity,
          title: text(lang, (m) => m.signals?.[id]?.title),
          explanation: fill(text(lang, (m) => m.signals?.[id]?.explanation), finding.values),
        };
        if (finding.evidence) signal.evidence = finding.evidence;
        if (finding.amounts.length > 0) signal.amounts = finding.amounts;
        return [signal];
      })
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (SIGNAL_ORDER.get(a.id) ?? 0) - (SIGNAL_ORDER.get(b.id) ?? 0));
    const risk = riskOf(signals.map((s) => s.severity));

    const sos = sosContact(opts.sos);
    const advice = [
      ...(risk === 'high' ? [text(lang, (m) => m.advice?.stopHighRisk)] : []),
      ...registeredAgencies.map((agency) => fill(text(lang, (m) => m.advice?.agencyRegistered), { agency })),
      text(lang, (m) => m.advice?.checkLicence),
      text(lang, (m) => m.advice?.writtenContract),
      text(lang, (m) => m.advice?.keepPassport),
      text(lang, (m) => m.advice?.neverPayFee),
      fill(text(lang, (m) => m.advice?.callSos), { ...sos }),
    ];
    return { risk, signals, detectedLanguage: detected.language, advice, disclaimer: text(lang, (m) => m.disclaimer) };
  }

  return {
    languages: [...compiled.keys()],
    check,
    questions(lang?: string) {
      const chosen: Language = isLanguage(lang) ? lang : FALLBACK;
      return buildQuestions(chosen, messages.get(chosen), fallback);
    },
  };
}
