/** The job-offer check with every language loaded: what the server and the CLI use. */
import common from '../knowledge/lexicons/common.json' with { type: 'json' };
import srLatnLexicon from '../knowledge/lexicons/sr-Latn.json' with { type: 'json' };
import srCyrlLexicon from '../knowledge/lexicons/sr-Cyrl.json' with { type: 'json' };
import enLexicon from '../knowledge/lexicons/en.json' with { type: 'json' };
import hiLexicon from '../knowledge/lexicons/hi.json' with { type: 'json' };
import urLexicon from '../knowledge/lexicons/ur.json' with { type: 'json' };
import trLexicon from '../knowledge/lexicons/tr.json' with { type: 'json' };
import zhLexicon from '../knowledge/lexicons/zh.json' with { type: 'json' };
import sqLexicon from '../knowledge/lexicons/sq.json' with { type: 'json' };
import viLexicon from '../knowledge/lexicons/vi.json' with { type: 'json' };
import neLexicon from '../knowledge/lexicons/ne.json' with { type: 'json' };
import bnLexicon from '../knowledge/lexicons/bn.json' with { type: 'json' };
import srLatnMessages from '../knowledge/messages/sr-Latn.json' with { type: 'json' };
import srCyrlMessages from '../knowledge/messages/sr-Cyrl.json' with { type: 'json' };
import enMessages from '../knowledge/messages/en.json' with { type: 'json' };
import hiMessages from '../knowledge/messages/hi.json' with { type: 'json' };
import urMessages from '../knowledge/messages/ur.json' with { type: 'json' };
import trMessages from '../knowledge/messages/tr.json' with { type: 'json' };
import zhMessages from '../knowledge/messages/zh.json' with { type: 'json' };
import sqMessages from '../knowledge/messages/sq.json' with { type: 'json' };
import viMessages from '../knowledge/messages/vi.json' with { type: 'json' };
import neMessages from '../knowledge/messages/ne.json' with { type: 'json' };
import bnMessages from '../knowledge/messages/bn.json' with { type: 'json' };
import { createJobChecker, type JobChecker } from './checker.js';
import type { Question } from './questions.js';
import type { JobCheckInput, JobCheckOptions, JobCheckResult } from './types.js';

const jobChecker: JobChecker = createJobChecker({
  lexicons: [common, srLatnLexicon, srCyrlLexicon, enLexicon, hiLexicon, urLexicon, trLexicon, zhLexicon, sqLexicon, viLexicon, neLexicon, bnLexicon],
  messages: [srLatnMessages, srCyrlMessages, enMessages, hiMessages, urMessages, trMessages, zhMessages, sqMessages, viMessages, neMessages, bnMessages],
});

export default jobChecker;

export function checkJobOffer(input: JobCheckInput, opts?: JobCheckOptions): JobCheckResult {
  return jobChecker.check(input, opts);
}

export function questions(lang?: string): Question[] {
  return jobChecker.questions(lang);
}
