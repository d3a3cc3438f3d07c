import type { Answers, JobCheckResult, JobCheckSignal, Risk } from '../../api/jobcheck.js';
import { useI18n } from '../../i18n/i18n.js';
import { useNames } from '../contacts/vocabulary.js';
import type { AgencyStatus } from './register.js';

/**
 * A check as a contact keeps it (its `jobCheck` field): the API's result, what was checked, in
 * which language the explanations are, when, and what the register said of the agency named.
 */
export interface AttachedJobCheck extends JobCheckResult {
  offer?: string;
  answers?: Answers;
  agency?: AgencyStatus;
  lang: string;
  checkedAt: string;
}

const RISKS: readonly Risk[] = ['high', 'medium', 'low'];
const isRisk = (v: unknown): v is Risk => RISKS.includes(v as Risk);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored check read back, or null when it is not one. Contacts imported from old spreadsheets or
 * logged by other programs may hold any object (often only `{risk}`): what is not a check's shape is
 * left out, never thrown on.
 */
export function readAttachedCheck(value: unknown): AttachedJobCheck | null {
  // Without its list of signals a check cannot say what raised its risk: the facts show the risk alone.
  if (!isObject(value) || !isRisk(value.risk) || !Array.isArray(value.signals)) return null;
  const signals = value.signals.filter((s): s is JobCheckSignal => isObject(s) && typeof s.title === 'string' && isRisk(s.severity));
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : []);
  const agency = isObject(value.agency) && typeof value.agency.name === 'string' && typeof value.agency.status === 'string' ? (value.agency as unknown as AgencyStatus) : undefined;
  return {
    risk: value.risk,
    signals,
    detectedLanguage: typeof value.detectedLanguage === 'string' ? (value.detectedLanguage as JobCheckResult['detectedLanguage']) : 'und',
    advice: strings(value.advice),
    disclaimer: typeof value.disclaimer === 'string' ? value.disclaimer : '',
    ...(typeof value.offer === 'string' ? { offer: value.offer } : {}),
    ...(agency ? { agency } : {}),
    lang: typeof value.lang === 'string' ? value.lang : 'en',
    checkedAt: typeof value.checkedAt === 'string' ? value.checkedAt : '',
  };
}

/** The register's answer about the agency the operator named. */
function AgencyLine({ agency }: { agency: AgencyStatus }) {
  const { t } = useI18n();
  const names = useNames();
  if (agency.status === 'registered') {
    const a = agency.agency;
    return (
      <p className="jobcheck-agency jobcheck-agency-registered">
        {t('jobCheck.agency.registered', { name: a.name, licence: a.licenceNumber, number: a.registrationNumber })}
        {a.licenceDate && ` ${t('jobCheck.agency.since', { date: names.day(a.licenceDate) })}`}
      </p>
    );
  }
  const key = agency.status === 'not_registered' ? 'jobCheck.agency.notRegistered' : agency.status === 'empty' ? 'jobCheck.agency.empty' : 'jobCheck.agency.unknown';
  return <p className={`jobcheck-agency jobcheck-agency-${agency.status}`}>{t(key, { name: agency.name })}</p>;
}

/**
 * The verdict in big words (its colour never alone), each concern in plain words with the offer's
 * own words that raised it, the register's answer, what to check next and the reminder that "low"
 * does not mean safe. `level` is the verdict's heading level where it is shown.
 */
export function JobCheckResultView({ check, level = 2 }: { check: AttachedJobCheck; level?: 2 | 3 }) {
  const { t } = useI18n();
  const Verdict = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  return (
    <div className="jobcheck-result">
      <div className={`jobcheck-verdict jobcheck-verdict-${check.risk}`}>
        <Verdict className="jobcheck-verdict-title">{t(`jobCheck.verdict.${check.risk}`)}</Verdict>
        <p>{t(`jobCheck.verdict.${check.risk}.text`)}</p>
      </div>
      {check.agency && <AgencyLine agency={check.agency} />}
      <Sub>{t('jobCheck.concerns')}</Sub>
      {check.signals.length === 0 ? (
        <p>{t('jobCheck.concerns.none')}</p>
      ) : (
        <ol className="jobcheck-signals">
          {check.signals.map((s, i) => (
            <li key={`${s.id}-${i}`} className={`jobcheck-signal jobcheck-signal-${s.severity}`}>
              <p className="jobcheck-signal-title">
                <strong>{s.title}</strong> <span className="jobcheck-severity">({t(`jobCheck.severity.${s.severity}`)})</span>
              </p>
              {s.explanation && <p>{s.explanation}</p>}
              {s.evidence !== undefined && (
                <p className="jobcheck-evidence">
                  {t('jobCheck.evidence')} <q dir="auto">{s.evidence}</q>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {check.advice.length > 0 && (
        <>
          <Sub>{t('jobCheck.next')}</Sub>
          <ul className="jobcheck-advice">
            {check.advice.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      <p className="jobcheck-disclaimer">{check.disclaimer || t('jobCheck.disclaimer')}</p>
    </div>
  );
}
