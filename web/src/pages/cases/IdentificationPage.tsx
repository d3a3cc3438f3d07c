import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { assess, clauseHolds, type AssessmentResult, type DimensionResult } from '../../../../src/modules/identification/identification.engine.js';
import { ILO_CATALOGUE, type Clause, type DimensionDef } from '../../../../src/modules/identification/ilo-catalogue.js';
import { LOCALES } from '../../../../src/platform/i18n/locales.js';
import { assessCase, getCase, type CaseFile, type IndicatorTick } from '../../api/cases.js';
import { newIdempotencyKey } from '../../api/client.js';
import { FormError, Status, SubmitButton } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { describeError } from '../../errors.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { dimensionLabel, indicatorLabel, VerdictText } from './Verdict.js';

/** Ticked indicators and their notes, in the order they were ticked. */
type Ticks = ReadonlyMap<string, string>;

const ticksOf = (file: CaseFile): Ticks => new Map((file.assessment?.indicators ?? []).map((i) => [i.id, i.note ?? '']));
const sameTicks = (a: Ticks, b: Ticks) => a.size === b.size && [...a].every(([id, note]) => b.get(id)?.trim() === note.trim());

/** The rule's words in the reader's language, built from the catalogue's own clauses. */
function useRuleWords() {
  const { t, lang } = useI18n();
  return useMemo(() => {
    const and = new Intl.ListFormat(LOCALES[lang].tag, { type: 'conjunction' });
    const or = new Intl.ListFormat(LOCALES[lang].tag, { type: 'disjunction' });
    const clause = (c: Clause) =>
      and.format([
        ...(c.strong ? [t('identification.count.strong', { n: c.strong })] : []),
        ...(c.mediumOrWeak ? [t('identification.count.mediumOrWeak', { n: c.mediumOrWeak })] : []),
        ...(c.medium ? [t('identification.count.medium', { n: c.medium })] : []),
        ...(c.weak ? [t('identification.count.weak', { n: c.weak })] : []),
      ]);
    const clauses = ILO_CATALOGUE.file.dimensionRule.anyOf;
    const counts = (d: DimensionResult) =>
      and.format([
        ...(d.strong ? [t('identification.count.strong', { n: d.strong })] : []),
        ...(d.medium ? [t('identification.count.medium', { n: d.medium })] : []),
        ...(d.weak ? [t('identification.count.weak', { n: d.weak })] : []),
      ]);
    return {
      rule: or.format(clauses.map(clause)),
      /** Why a dimension is or is not positive: what is ticked, and the clause it meets or the rule it misses. */
      reason: (d: DimensionResult) => {
        if (d.strong + d.medium + d.weak === 0) return t('identification.reason.none');
        const met = clauses.find((c) => clauseHolds(c, d));
        return met ? t('identification.reason.positive', { counts: counts(d), clause: clause(met) }) : t('identification.reason.notPositive', { counts: counts(d) });
      },
      and,
    };
  }, [t, lang]);
}

/** What an adult's result still lacks: the groups of the combination rule with no positive dimension. */
function missingGroups(t: Translate, result: AssessmentResult): string[] {
  const rule = ILO_CATALOGUE.file.combinationRule;
  const positive = (ids: readonly string[]) => result.dimensions.some((d) => d.positive && ids.includes(d.id));
  return [
    ...(positive(rule.recruitment) ? [] : [t('identification.missing.recruitment')]),
    ...(positive(rule.exploitation) ? [] : [t('identification.missing.exploitation')]),
    ...(positive(rule.destination) ? [] : [t('identification.missing.destination')]),
  ];
}

function Dimension({ def, result, ticks, onTick, onNote }: {
  def: DimensionDef;
  result: DimensionResult;
  ticks: Ticks;
  onTick(id: string, on: boolean): void;
  onNote(id: string, note: string): void;
}) {
  const { t } = useI18n();
  const words = useRuleWords();
  const id = useId();
  return (
    <fieldset className={`panel dimension${result.positive ? ' dimension-positive' : ''}`} aria-describedby={`${id}-state`}>
      <legend>{dimensionLabel(t, def.id)}</legend>
      <p id={`${id}-state`} className="dimension-state">
        <span className={`badge ${result.positive ? 'badge-positive' : 'badge-neutral'}`}>{t(result.positive ? 'identification.positive' : 'identification.notPositive')}</span>{' '}
        {words.reason(result)}
      </p>
      <ul className="indicators">
        {def.indicators.map((i) => {
          const ticked = ticks.has(i.id);
          return (
            <li key={i.id} className={`indicator${ticked ? ' ticked' : ''}`}>
              <div className="checkbox">
                <input id={`${id}-${i.id}`} type="checkbox" checked={ticked} onChange={(e) => onTick(i.id, e.target.checked)} />
                <label htmlFor={`${id}-${i.id}`}>
                  {indicatorLabel(t, i.id)} <span className={`strength strength-${i.strength}`}>{t(`identification.strength.${i.strength}`)}</span>
                </label>
              </div>
              {ticked && (
                <div className="indicator-note">
                  <label htmlFor={`${id}-${i.id}-note`}>
                    {t('identification.note')}
                    <span className="visually-hidden">: {indicatorLabel(t, i.id)}</span>
                  </label>
                  <input id={`${id}-${i.id}-note`} type="text" maxLength={2000} value={ticks.get(i.id) ?? ''} onChange={(e) => onNote(i.id, e.target.value)} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function Result({ result, age }: { result: AssessmentResult; age: number | null }) {
  const { t } = useI18n();
  const words = useRuleWords();
  const missing = result.presumedVictim ? [] : missingGroups(t, result);
  return (
    // Focusable because on a wide screen it scrolls on its own, and keyboards must reach its end.
    <section className="panel result-panel" aria-labelledby="identification-result" tabIndex={0}>
      <h2 id="identification-result">{t('identification.result')}</h2>
      <VerdictText result={result} live />
      {!result.presumedVictim && missing.length > 0 && !result.child && <p>{t('identification.missing', { groups: words.and.format(missing) })}</p>}
      <p className="hint">{age === null ? t('identification.age.unknown') : t('identification.age.known', { age, child: result.child ? 'yes' : 'no' })}</p>
      <div className="dimension-summary">
        <h3>{t('identification.dimensions')}</h3>
        <ul className="dimension-results">
          {result.dimensions.map((d) => (
            <li key={d.id} className={d.positive ? 'positive' : undefined}>
              <span className="cell-main">
                {dimensionLabel(t, d.id)}: {t(d.positive ? 'identification.positive' : 'identification.notPositive')}
              </span>
              <span className="cell-sub">{words.reason(d)}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/**
 * The ILO identification screen: the 67 indicators in their six dimensions. The rule runs in the
 * browser on every tick, with the same engine the API runs again when the assessment is saved.
 */
export default function IdentificationPage({ params }: PageProps) {
  const { t } = useI18n();
  const words = useRuleWords();
  const [file, setFile] = useState<CaseFile | null>(null);
  const [saved, setSaved] = useState<Ticks>(new Map());
  const [ticks, setTicks] = useState<Ticks>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [version, setVersion] = useState(0);
  const id = params.id!;

  const load = useCallback(async () => {
    try {
      const f = await getCase(id);
      setFile(f);
      setSaved(ticksOf(f));
      setTicks(ticksOf(f));
      setVersion(f.assessment?.version ?? 0);
    } catch (e) {
      setError(describeError(t, e));
    }
  }, [id, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const age = file?.age ?? null;
  const result = useMemo(() => assess([...ticks.keys()], age ?? undefined), [ticks, age]);

  const tick = (indicator: string, on: boolean) =>
    setTicks((before) => {
      const next = new Map(before);
      if (on) next.set(indicator, '');
      else next.delete(indicator);
      return next;
    });
  const note = (indicator: string, text: string) => setTicks((before) => new Map(before).set(indicator, text));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const indicators: IndicatorTick[] = [...ticks].map(([indicator, text]) => (text.trim() ? { id: indicator, note: text.trim() } : { id: indicator }));
      const assessment = await assessCase(file.id, indicators, key);
      setKey(newIdempotencyKey());
      setSaved(new Map(ticks));
      setVersion(assessment.version);
      setNotice(t('identification.saved', { version: assessment.version }));
    } catch (x) {
      setError(describeError(t, x));
    } finally {
      setBusy(false);
    }
  };

  if (!file) {
    return (
      <>
        <Heading>{t('identification.title')}</Heading>
        <FormError message={error} />
        {!error && <Status message={t('common.loading')} />}
      </>
    );
  }

  const unsaved = !sameTicks(ticks, saved);
  return (
    <>
      <Heading>{t('identification.title')}</Heading>
      <p className="lead">
        <Link to={`/cases/${file.id}`} className="reference">{file.reference}</Link> · {t('identification.lead')}
      </p>
      <details className="rule">
        <summary>{t('identification.rule.title')}</summary>
        <p>{t('identification.rule.dimension', { rule: words.rule })}</p>
        <p>{t('identification.rule.combination')}</p>
        <p>{t('identification.rule.childText')}</p>
        <p>{t('identification.rule.aid')}</p>
      </details>
      <div className="identification-layout">
        <Result result={result} age={age} />
        <form onSubmit={save} noValidate className="indicator-form" aria-label={t('identification.indicators')}>
          {ILO_CATALOGUE.dimensions.map((def) => (
            <Dimension key={def.id} def={def} result={result.dimensions.find((d) => d.id === def.id)!} ticks={ticks} onTick={tick} onNote={note} />
          ))}
          <div className="save-bar">
            <p className="verdict-short" aria-hidden="true">
              {t(result.presumedVictim ? 'identification.verdict.presumedShort' : 'identification.verdict.notShort')}
              {unsaved && ` · ${t('identification.unsaved')}`}
            </p>
            <FormError message={error} />
            <Status message={notice} />
            <div className="actions">
              <SubmitButton busy={busy}>{t('identification.save', { version: version + 1 })}</SubmitButton>
              <Link to={`/cases/${file.id}`}>{t('identification.backToCase')}</Link>
            </div>
          </div>
        </form>
      </div>
    </>
  );
}
