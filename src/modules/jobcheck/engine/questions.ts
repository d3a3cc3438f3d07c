/**
 * The questionnaire (knowledge/questions.json): its translated form for the pages, the Zod schema the
 * API validates answers with, and the signals that answers raise.
 */
import { z } from 'zod';
import questionsJson from '../knowledge/questions.json' with { type: 'json' };
import { SIGNAL_IDS } from './catalogue.js';
import type { MessagesSource } from './messages.js';
import { LANGUAGES } from './types.js';
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

/** HTML forms send numbers as strings and empty fields as "": both are accepted. */
const formNumber = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v);

function fieldSchema(q: QuestionDefinition): z.ZodType {
  if (q.type === 'single') {
    const values = q.options.map((o) => o.value);
    return z.enum(values as [string, ...string[]]).optional();
  }
  if (q.type === 'number') {
    return z.preprocess(formNumber, z.number().finite().min(q.min ?? 0).max(q.max ?? Number.MAX_SAFE_INTEGER).optional());
  }
  return z.string().trim().max(q.maxLength ?? 200).optional();
}

const FIELD_SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map(DEFINITIONS.map((q) => [q.id, fieldSchema(q)]));

/** Answers to the questionnaire: every field optional, unknown question ids and bad values rejected with their field name as path. */
export const ZJobCheckAnswers = z.strictObject(Object.fromEntries(FIELD_SCHEMAS));
export type TJobCheckAnswers = Record<string, string | number | undefined>;

/** The body of POST /api/v1/job-checks. */
export const ZJobCheckRequest = z.object({
  text: z.string().max(20_000).optional(),
  answers: ZJobCheckAnswers.optional(),
  lang: z.enum(LANGUAGES).optional(),
});
export type TJobCheckRequest = z.infer<typeof ZJobCheckRequest>;

export interface AnswerError {
  field: string;
  message: string;
}

/** Validates answers and names each bad field, for a 400 whose details list them. */
export function validateAnswers(raw: unknown): { ok: true; answers: TJobCheckAnswers } | { ok: false; errors: AnswerError[] } {
  const parsed = ZJobCheckAnswers.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, answers: parsed.data as TJobCheckAnswers };
  const errors = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: key, message: 'unknown question' }))
      : [{ field: issue.path.map(String).join('.') || 'answers', message: issue.message }],
  );
  return { ok: false, errors };
}

/**
 * The engine never throws on answers: it keeps each field that is valid and drops the rest, so a
 * caller that skipped validation still gets a verdict.
 */
export function readAnswers(raw: unknown): TJobCheckAnswers {
  if (!raw || typeof raw !== 'object') return {};
  const out: TJobCheckAnswers = {};
  for (const [id, value] of Object.entries(raw)) {
    const parsed = FIELD_SCHEMAS.get(id)?.safeParse(value);
    if (parsed?.success && (typeof parsed.data === 'string' || typeof parsed.data === 'number')) out[id] = parsed.data;
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
