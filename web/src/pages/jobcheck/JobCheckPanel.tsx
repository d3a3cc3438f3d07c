import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { checkJobOffer, jobCheckQuestions, type Answers, type Question } from '../../api/jobcheck.js';
import { FormError, SelectField, TextAreaField, TextField } from '../../components/forms.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import { JobCheckResultView, type AttachedJobCheck } from './JobCheckResult.js';
import { lookUpAgency, type AgencyStatus } from './register.js';

/** The question the panel shows beside the offer rather than in the questionnaire. */
const AGENCY = 'agency_name';
const MAX_TEXT = 20_000;

// The questionnaire changes only with a release: one request per language and page load.
const questionsByLang = new Map<string, Promise<Question[]>>();
function questionsIn(lang: string): Promise<Question[]> {
  let loading = questionsByLang.get(lang);
  if (!loading) {
    loading = jobCheckQuestions(lang).then((page) => page.items);
    loading.catch(() => questionsByLang.delete(lang));
    questionsByLang.set(lang, loading);
  }
  return loading;
}

type Errors = Partial<Record<string, string>>;

/** The API's 400 beside the fields it names: `text`, `answers` (nothing to check) or `answers.<question>`. */
function errorsOf(t: Translate, e: unknown, questions: readonly Question[]): { fields: Errors; form: string } {
  if (!(e instanceof ApiError) || e.code !== 'invalid_fields') return { fields: {}, form: describeError(t, e) };
  const fields: Errors = {};
  const other: string[] = [];
  const named = new Set(e.fieldErrors.map((f) => f.field));
  for (const { field, message } of e.fieldErrors) {
    if (field === 'answers' || (field === 'text' && named.has('answers'))) fields.text = t('jobCheck.error.empty');
    else if (field === 'text') fields.text = t('jobCheck.error.textTooLong', { max: MAX_TEXT });
    else if (field.startsWith('answers.')) {
      const id = field.slice('answers.'.length);
      const q = questions.find((x) => x.id === id);
      if (!q) other.push(`${field}: ${message}`);
      else if (q.type === 'number') fields[id] = t('jobCheck.error.number', { min: q.min ?? 0, max: q.max ?? 0 });
      else if (q.type === 'text') fields[id] = t('jobCheck.error.textTooLong', { max: q.maxLength ?? 0 });
      else fields[id] = t('jobCheck.error.choice');
    } else other.push(`${field}: ${message}`);
  }
  return { fields, form: [t('errors.invalidFields'), ...other].join(' ') };
}

/** The answers given, numbers as numbers; what is not a number goes as typed, for the API to name. */
function answersOf(values: Record<string, string>, questions: readonly Question[]): Answers {
  const answers: Answers = {};
  for (const [id, value] of Object.entries(values)) {
    const v = value.trim();
    if (v === '') continue;
    // "2.500" and "2,500" are thousands, as callers write sums; "12,5" is a decimal comma.
    const n = Number(/^\d{1,3}(?:[.,\s]\d{3})+$/.test(v) ? v.replace(/[.,\s]/g, '') : v.replace(',', '.'));
    answers[id] = questions.find((q) => q.id === id)?.type === 'number' && Number.isFinite(n) ? n : v;
  }
  return answers;
}

export interface JobCheckPanelProps {
  /** Each new result, with what was checked; null when the panel is cleared. */
  onResult?(check: AttachedJobCheck | null): void;
  /** The level of the verdict's heading where the panel sits. */
  level?: 2 | 3;
  /** Put the cursor in the offer's box at once (the page of its own; not inside another form). */
  autoFocus?: boolean;
}

/**
 * The job-offer check for an operator on a call: the offer's text, the agency's name and the
 * questionnaire (in the staff user's language), checked by the same API as the public page, with
 * the register's answer about the agency. Keyboard first: Ctrl+Enter in the offer, or Enter in
 * any other field, runs the check; Enter never reaches a form around the panel.
 */
export function JobCheckPanel({ onResult, level = 2, autoFocus = false }: JobCheckPanelProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [questions, setQuestions] = useState<Question[]>([]);
  const [moreOpen, setMoreOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [check, setCheck] = useState<AttachedJobCheck | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    questionsIn(lang).then(setQuestions, (e: unknown) => setFormError(describeError(t, e)));
  }, [lang, t]);

  useEffect(() => {
    if (autoFocus) box.current?.querySelector('textarea')?.focus();
  }, [autoFocus]);

  const set = (q: string) => (v: string) => setValues((a) => ({ ...a, [q]: v }));

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFormError(null);
    const answers = answersOf(values, questions);
    const agencyName = typeof answers[AGENCY] === 'string' ? answers[AGENCY] : '';
    try {
      // The register is read while the check runs; a register that cannot be read only leaves its line out.
      const [result, agency] = await Promise.all([
        checkJobOffer({ ...(text.trim() ? { text } : {}), ...(Object.keys(answers).length ? { answers } : {}), lang }),
        agencyName ? lookUpAgency(agencyName).catch((): AgencyStatus | undefined => undefined) : undefined,
      ]);
      const next: AttachedJobCheck = {
        ...result,
        ...(text.trim() ? { offer: text } : {}),
        ...(Object.keys(answers).length ? { answers } : {}),
        ...(agency ? { agency } : {}),
        lang,
        checkedAt: new Date().toISOString(),
      };
      setCheck(next);
      onResult?.(next);
    } catch (e) {
      const found = errorsOf(t, e, questions);
      setErrors(found.fields);
      setFormError(found.form);
      if (Object.keys(found.fields).some((f) => f !== 'text' && f !== AGENCY)) setMoreOpen(true);
    } finally {
      setBusy(false);
    }
  };

  const clear = () => {
    setText('');
    setValues({});
    setErrors({});
    setFormError(null);
    setCheck(null);
    onResult?.(null);
    box.current?.querySelector('textarea')?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    const tag = (e.target as HTMLElement).tagName;
    // Enter in the panel is the panel's: a contact form around it must not save on it.
    e.stopPropagation();
    if (tag === 'TEXTAREA' ? e.ctrlKey || e.metaKey : tag === 'INPUT' || tag === 'SELECT') {
      e.preventDefault();
      void run();
    }
  };

  const agencyQuestion = questions.find((q) => q.id === AGENCY);
  const rest = questions.filter((q) => q.id !== AGENCY);
  const answered = rest.filter((q) => values[q.id]?.trim()).length;

  return (
    <div className="jobcheck-panel" ref={box} onKeyDown={onKeyDown} role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} className="visually-hidden">{t('jobCheck.panel')}</p>
      <FormError message={formError} />
      <TextAreaField label={t('jobCheck.offer')} hint={t('jobCheck.offer.hint')} rows={6} maxLength={MAX_TEXT} value={text} onChange={setText} error={errors.text} />
      <TextField
        label={agencyQuestion?.label ?? t('jobCheck.agencyName')}
        hint={t('jobCheck.agencyName.hint')}
        autoComplete="off"
        maxLength={agencyQuestion?.maxLength}
        value={values[AGENCY] ?? ''}
        onChange={set(AGENCY)}
        error={errors[AGENCY]}
      />
      <details className="jobcheck-questions" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary>{answered > 0 ? t('jobCheck.questions.answered', { count: answered }) : t('jobCheck.questions')}</summary>
        <div className="form-grid">
          {rest.map((q) => (
            <QuestionField key={q.id} question={q} value={values[q.id] ?? ''} onChange={set(q.id)} error={errors[q.id]} />
          ))}
        </div>
      </details>
      <div className="actions">
        <button type="button" className="button" disabled={busy} aria-busy={busy || undefined} onClick={() => void run()}>
          {t('jobCheck.run')}
        </button>
        <button type="button" className="button secondary" onClick={clear}>
          {t('jobCheck.clear')}
        </button>
        <span className="hint">{t('jobCheck.run.hint')}</span>
      </div>
      {/* Always in the page, so screen readers announce each new verdict. */}
      <p className="visually-hidden" role="status">{check && !busy ? t(`jobCheck.verdict.${check.risk}`) : ''}</p>
      {check && <JobCheckResultView check={check} level={level} />}
    </div>
  );
}

/** One question of the questionnaire as the API gives it in the reader's language. */
function QuestionField({ question: q, value, onChange, error }: { question: Question; value: string; onChange(v: string): void; error?: string }) {
  const { t } = useI18n();
  if (q.type === 'single') return <SelectField label={q.label} empty={t('jobCheck.noAnswer')} options={q.options ?? []} value={value} onChange={onChange} error={error} />;
  if (q.type === 'number') return <TextField label={q.label} inputMode="decimal" autoComplete="off" value={value} onChange={onChange} error={error} />;
  return <TextField label={q.label} autoComplete="off" maxLength={q.maxLength} value={value} onChange={onChange} error={error} />;
}
