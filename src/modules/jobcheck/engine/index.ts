/**
 * The job-offer check engine, without any language loaded: for a browser bundle that ships one
 * language and fetches others. Servers and the CLI use all-languages.ts.
 */
export { createJobChecker, MAX_TEXT_LENGTH, type JobChecker, type JobCheckerConfig } from './checker.js';
export type { LexiconSource } from './lexicon.js';
export type { MessagesSource } from './messages.js';
export {
  validateAnswers,
  ZJobCheckAnswers,
  ZJobCheckRequest,
  type AnswerError,
  type Question,
  type QuestionType,
  type TJobCheckAnswers,
  type TJobCheckRequest,
} from './questions.js';
export * from './types.js';
