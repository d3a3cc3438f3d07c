/**
 * Zod schemas of the job-check request, for the API and other server code. Kept apart from the
 * engine so the browser bundle, which imports the engine only, carries no schema library.
 */
import { z } from 'zod';
import { MAX_TEXT_LENGTH } from './checker.js';
import { validateAnswers, type TJobCheckAnswers } from './questions.js';
import { LANGUAGES } from './types.js';

/** Answers to the questionnaire: every field optional, unknown question ids and bad values rejected with their field name as path. */
export const ZJobCheckAnswers = z.unknown().transform((raw, ctx): TJobCheckAnswers => {
  const result = validateAnswers(raw);
  if (result.ok) return result.answers;
  for (const error of result.errors) ctx.addIssue({ code: 'custom', path: error.field === 'answers' ? [] : [error.field], message: error.message });
  return z.NEVER;
});

/** The body of POST /api/v1/job-checks. */
export const ZJobCheckRequest = z.object({
  text: z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH.toLocaleString('en')} characters`).optional(),
  answers: ZJobCheckAnswers.optional(),
  lang: z.enum(LANGUAGES).optional(),
});
export type TJobCheckRequest = z.infer<typeof ZJobCheckRequest>;
