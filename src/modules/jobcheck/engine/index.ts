/**
 * The job-offer check engine, without any language loaded: for a browser bundle that ships one
 * language and fetches others. Servers and the CLI use all-languages.ts, and schemas.ts for the
 * request's Zod schemas (kept out of here so a browser bundle carries no Zod).
 */
export { createJobChecker, MAX_TEXT_LENGTH, type JobChecker, type JobCheckerConfig } from './checker.js';
export type { LexiconSource } from './lexicon.js';
export type { MessagesSource } from './messages.js';
export { QUESTION_IDS, validateAnswers, type AnswerError, type Question, type QuestionType, type TJobCheckAnswers } from './questions.js';
export * from './types.js';
