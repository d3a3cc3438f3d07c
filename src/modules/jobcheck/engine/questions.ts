/**
 * The questionnaire (knowledge/questions.json): its translated form for the pages, the validation of
 * answers, and the signals that answers raise.
 */
import questionsJson from '../knowledge/questions.json' with { type: 'json' };
import { SIGNAL_IDS } from './catalogue.js';
import type { MessagesSource } from './messages.js';
import { COUNTRIES, CURRENCIES } from './wages.js';

export type QuestionType = 'single' | 'number' | 'text';

interface QuestionDefinition {
  id: string;
  type: QuestionType;
  options: { value: string; signals: readonly string[] }[];
  /** Options whose labels are codes or country names rather than catalogue texts. */
  optionsFrom?: 'currencies' | 'countries';
  min?: number;
  max?: number;
  maxLength?: number;
  signalIf: { atLeast?: number; atMost?: number; signal: string }[];
}

/** A question as written in questions.json. */
interface QuestionSource {
  id: string;
  type: string;
  options?: { value: string; signals?: string[] }[];
  optionsFrom?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  signalIf?: { atLeast?: number; atMost?: number; signal: string }[];
}

function definition(q: QuestionSource): QuestionDefinition {
  const where = `questions.json ${q.id}`;
  if (q.type !== 'single' && q.type !== 'number' && q.type !== 'text') throw new Error(`${where}: unknown type ${q.type}`);
  const from = q.optionsFrom;
  if (from !== undefined && from !== 'currencies' && from !== 'countries') throw new Error(`${where}: unknown optionsFrom ${from}`);
  const generated = from === 'currencies' ? CURRENCIES : from === 'countries' ? [...COUNTRIES, 'other'] : [];
  const options = [
    ...(q.options ?? []).map((o) => ({ value: o.value, signals: o.signals ?? [] })),
    ...generated.map((value) => ({ value, signals: [] })),
  ];
  const signalIf = q.signalIf ?? [];
  for (const id of [...options.flatMap((o) => o.signals), ...signalIf.map((s) => s.signal)]) {
    if (!SIGNAL_IDS.has(id)) throw new Error(`${where}: unknown signal ${id}`);
  }
  return { id: q.id, type: q.type, options, optionsFrom: from, min: q.min, max: q.max, maxLength: q.maxLength, signalIf };
}

const SOURCES: readonly QuestionSource[] = questionsJson.questions;
const DEFINITIONS: readonly QuestionDefinition[] = SOURCES.map(definition);

/** HTML forms send numbers as strings. */
const formNumber = (value: unknown): unknown => (typeof value === 'string' ? Number(value) : value);

type FieldReading = { ok: true; value: string | number | undefined } | { ok: false; message: string };

/**
 * One answer read by its question's rules. Plain code rather than Zod, so the engine that runs in
 * the browser carries no schema library; the Zod schemas in schemas.ts wrap this function.
 */
function readField(q: QuestionDefinition, raw: unknown): FieldReading {
  // An empty form field, or null in JSON, is a question left unanswered.
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: undefined };
  if (q.type === 'single') {
    return typeof raw === 'string' && q.options.some((o) => o.value === raw)
      ? { ok: true, value: raw }
      : { ok: false, message: `must be one of: ${q.options.map((o) => o.value).join(', ')}` };
  }
  if (q.type === 'number') {
    const value = formNumber(raw);
    const min = q.min ?? 0;
    const max = q.max ?? Number.MAX_SAFE_INTEGER;
    return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
      ? { ok: true, value }
      : { ok: false, message: `must be a number from ${min} to ${max}` };
  }
  const maxLength = q.maxLength ?? 200;
  if (typeof raw !== 'string') return { ok: false, message: 'must be text' };
  const value = raw.trim();
  return value.length <= maxLength ? { ok: true, value } : { ok: false, message: `must be at most ${maxLength} characters` };
}

const DEFINITION_BY_ID: ReadonlyMap<string, QuestionDefinition> = new Map(DEFINITIONS.map((q) => [q.id, q]));

/** The questionnaire's ids, in order. */
export const QUESTION_IDS: readonly string[] = DEFINITIONS.map((q) => q.id);

export type TJobCheckAnswers = Record<string, string | number | undefined>;

export interface AnswerError {
  field: string;
  message: string;
}

/** Validates answers and names each bad field, for a 400 whose details list them. */
export function validateAnswers(raw: unknown): { ok: true; answers: TJobCheckAnswers } | { ok: false; errors: AnswerError[] } {
  if (raw === undefined || raw === null) return { ok: true, answers: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: [{ field: 'answers', message: 'must be an object of answers' }] };
  const answers: TJobCheckAnswers = {};
  const errors: AnswerError[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const q = DEFINITION_BY_ID.get(id);
    const reading: FieldReading = q ? readField(q, value) : { ok: false, message: 'unknown question' };
    if (!reading.ok) errors.push({ field: id, message: reading.message });
    else if (reading.value !== undefined) answers[id] = reading.value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/**
 * The engine never throws on answers: it keeps each field that is valid and drops the rest, so a
 * caller that skipped validation still gets a verdict.
 */
export function readAnswers(raw: unknown): TJobCheckAnswers {
  if (!raw || typeof raw !== 'object') return {};
  const out: TJobCheckAnswers = {};
  for (const [id, value] of Object.entries(raw)) {
    const q = DEFINITION_BY_ID.get(id);
    const reading = q ? readField(q, value) : undefined;
    if (reading?.ok && reading.value !== undefined) out[id] = reading.value;
  }
  return out;
}

/** Signals raised by the answers, by the options and thresholds of questions.json. */
export function answerSignals(answers: TJobCheckAnswers): Set<string> {
  const out = new Set<string>();
  for (const q of DEFINITIONS) {
    const value = answers[q.id];
    if (value === undefined) continue;
    for (const option of q.options) if (option.value === value) for (const s of option.signals) out.add(s);
    if (typeof value === 'number') {
      for (const rule of q.signalIf) {
        if ((rule.atLeast !== undefined && value >= rule.atLeast) || (rule.atMost !== undefined && value <= rule.atMost)) out.add(rule.signal);
      }
    }
  }
  return out;
}

export interface Question {
  id: string;
  type: QuestionType;
  label: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** Country names from the platform's own locale data; where a browser lacks the language, English. */
function countryName(code: string, lang: string): string {
  if (code === 'other') return code;
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang, 'en'], { type: 'region' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  return regionNames.get(lang)?.of(code) ?? code;
}

/** The questionnaire in one language; `messages` falls back to `fallback` (English) text by text. */
export function buildQuestions(lang: string, messages: MessagesSource | undefined, fallback: MessagesSource): Question[] {
  return DEFINITIONS.map((q) => {
    const text = messages?.questions?.[q.id];
    const base = fallback.questions?.[q.id];
    const label = (value: string) =>
      text?.options?.[value] ??
      base?.options?.[value] ??
      (q.optionsFrom === 'countries' ? countryName(value, lang) : value);
    return {
      id: q.id,
      type: q.type,
      label: text?.label ?? base?.label ?? q.id,
      ...(q.type === 'single' ? { options: q.options.map((o) => ({ value: o.value, label: label(o.value) })) } : {}),
      ...(q.min !== undefined ? { min: q.min } : {}),
      ...(q.max !== undefined ? { max: q.max } : {}),
      ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
    };
  });
}
