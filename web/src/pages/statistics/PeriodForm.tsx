import { useEffect, useState, type FormEvent } from 'react';
import type { Period, PeriodQuery } from '../../api/reports.js';
import { SelectField, TextField } from '../../components/forms.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { errorUnder, type FormErrors } from '../cases/labels.js';
import { ToggleGroup } from '../contacts/ToggleGroup.js';
import { choiceOf, PERIOD_KINDS, QUARTERS, queryOfChoice, withDates, type PeriodChoice, type PeriodKind } from './periodChoice.js';

const KIND_LABELS: Record<PeriodKind, MessageKey> = {
  'year-to-date': 'statistics.period.yearToDate',
  quarter: 'statistics.period.quarter',
  since: 'statistics.period.since',
  range: 'statistics.period.range',
};

interface PeriodFormProps {
  /** The period the address names. */
  query: PeriodQuery;
  /** The dates of the period on show, once known. */
  shown: Period | null;
  errors: FormErrors;
  onChoose(query: PeriodQuery): void;
}

/** This year so far, a quarter, since a date, or any two dates. */
export function PeriodForm({ query, shown, errors, onChoose }: PeriodFormProps) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<PeriodChoice>(() => choiceOf(query, new Date().getFullYear()));
  const set = (fields: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...fields }));

  // Back and forward in the browser change the address: the form follows it.
  useEffect(() => setChoice((c) => choiceOf(query, Number(c.year) || new Date().getFullYear())), [query]);
  useEffect(() => {
    if (shown) setChoice((c) => withDates(c, shown));
  }, [shown]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChoose(queryOfChoice(choice));
  };
  // The API names `period` for the named periods and `from`/`to` for two dates.
  const periodError = errorUnder(errors, 'period');

  return (
    <form className="panel period-form" onSubmit={submit} aria-label={t('statistics.period')}>
      <ToggleGroup<PeriodKind>
        legend={t('statistics.period')}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
        value={choice.kind}
        onChange={(kind) => set({ kind })}
        error={choice.kind === 'year-to-date' ? periodError : undefined}
      />
      <div className="filters">
        {choice.kind === 'quarter' && (
          <>
            <TextField label={t('statistics.period.year')} type="number" inputMode="numeric" min={1900} max={2999} required value={choice.year} onChange={(year) => set({ year })} error={periodError} />
            <SelectField
              label={t('statistics.period.whichQuarter')}
              value={choice.quarter}
              onChange={(quarter) => quarter && set({ quarter })}
              options={QUARTERS.map((q) => ({ value: q, label: t('statistics.period.quarterName', { quarter: q }) }))}
            />
          </>
        )}
        {choice.kind === 'since' && (
          <TextField label={t('statistics.period.sinceDate')} type="date" required value={choice.since} onChange={(since) => set({ since })} error={periodError} />
        )}
        {choice.kind === 'range' && (
          <>
            <TextField label={t('contacts.filter.from')} type="date" required value={choice.from} onChange={(from) => set({ from })} error={errorUnder(errors, 'from')} />
            <TextField label={t('contacts.filter.to')} type="date" required value={choice.to} onChange={(to) => set({ to })} error={errorUnder(errors, 'to')} />
          </>
        )}
        <div className="actions">
          <button type="submit" className="button">{t('statistics.show')}</button>
        </div>
      </div>
    </form>
  );
}
