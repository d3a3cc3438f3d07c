import type { AppContext } from '../../context.js';
import { isPublicLang } from '../../platform/i18n/locales.js';
import { AgenciesService } from './agencies.service.js';
import { resultLabels } from './check-page.js';
import { formatCheckText } from './check-text.js';
import type { Language } from './engine/index.js';
import { JobCheckService, readJobCheck } from './jobcheck.service.js';

/**
 * `labour-justice check`: the same check as POST /api/v1/job-checks, so `--json` prints what the
 * API answers; without it, the result as text in `lang`, else in the offer's language.
 */
export async function checkFromCommandLine(ctx: AppContext, offer: string, opts: { lang?: Language; json?: boolean }): Promise<string> {
  const jobChecks = new JobCheckService(ctx, new AgenciesService(ctx));
  const result = await jobChecks.check(readJobCheck({ text: offer, ...(opts.lang ? { lang: opts.lang } : {}) }));
  if (opts.json) return JSON.stringify(result, null, 2);
  const lang = opts.lang ?? (isPublicLang(result.detectedLanguage) ? result.detectedLanguage : 'en');
  return formatCheckText(result, resultLabels(lang));
}
