import type { AppContext } from '../../context.js';
import { invalidFields, parseOr400 } from '../../platform/errors.js';
import { t } from '../../platform/i18n/messages.js';
import { checkJobOffer, questions } from './engine/all-languages.js';
import type { AgenciesService } from './agencies.service.js';
import type { JobCheckResult, Language, Question, TJobCheckAnswers } from './engine/index.js';
import { ZJobCheckRequest } from './engine/schemas.js';

/** A check as the engine takes it, once the request has been read and validated. */
export interface JobCheckQuery {
  text: string;
  answers: TJobCheckAnswers;
  lang?: Language;
}

const NOTHING_TO_CHECK = 'write or paste the job offer, or answer at least one question';

/** Reads a check from a request body (the API's JSON or the page's form); a 400 names every bad field. */
export function readJobCheck(body: unknown): JobCheckQuery {
  const { text = '', answers = {}, lang } = parseOr400(ZJobCheckRequest, body);
  if (text.trim() === '' && Object.keys(answers).length === 0) {
    throw invalidFields([
      { field: 'text', message: NOTHING_TO_CHECK },
      { field: 'answers', message: NOTHING_TO_CHECK },
    ]);
  }
  return { text, answers, ...(lang ? { lang } : {}) };
}

/**
 * The job-offer check for the API, the page and the command line: one engine, with the SOS line
 * from the configuration and the register of licensed agencies from the database.
 */
export class JobCheckService {
  constructor(
    private readonly ctx: AppContext,
    private readonly agencies: AgenciesService,
  ) {}

  async check(query: JobCheckQuery): Promise<JobCheckResult> {
    const { phone, hours } = this.ctx.config.sos;
    // The site's name is the organisation's public name, the same in every language.
    const sos = { name: t(query.lang ?? 'en', 'public:site.name'), phone, hours };
    return checkJobOffer(query, { sos, agencyRegister: await this.agencies.register() });
  }

  questions(lang: Language): Question[] {
    return questions(lang);
  }
}
