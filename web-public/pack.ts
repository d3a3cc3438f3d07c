import type { ResultLabels } from '../src/modules/jobcheck/check-result.js';
import type { LexiconSource, MessagesSource } from '../src/modules/jobcheck/engine/index.js';

/** One language for the browser engine: built by scripts/build-public-js.ts into jobcheck-<lang>.js. */
export interface LanguagePack {
  lang: string;
  lexicon: LexiconSource;
  messages: MessagesSource;
  labels: ResultLabels;
  /** The organisation's name, as the SOS advice says it. */
  siteName: string;
}
