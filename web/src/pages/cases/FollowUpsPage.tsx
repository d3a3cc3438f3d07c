import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { dueFollowUps, type FollowUp } from '../../api/cases.js';
import { CheckboxField, FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { DateField, useFormat } from './fields.js';
import { errorUnder, formErrorsOf, labels, noErrors } from './labels.js';

/** The caseworker's dashboard: open referrals whose follow-up day has come, the most overdue first. */
export default function FollowUpsPage({ title }: PageProps) {
  const { t } = useI18n();
  const f = useFormat();
  const [on, setOn] = useState('');
  const [mine, setMine] = useState(false);
  const [query, setQuery] = useState<{ on: string; mine: boolean }>({ on: '', mine: false });
  const list = usePagedList(useCallback((cursor?: string) => dueFollowUps({ on: query.on || undefined, mine: query.mine || undefined, limit: 100, cursor }), [query]));
  const errors = useMemo(() => (list.error ? formErrorsOf(t, list.error, ['on']) : noErrors), [list.error, t]);
  const dueBy = list.page?.on ?? null;
  const columns: Column<FollowUp>[] = [
    {
      label: t('cases.followUps.due'),
      cell: (x) => (
        <>
          <span className="cell-main">{f.day(x.followUpOn)}</span>
          <span className={x.daysOverdue > 0 ? 'badge badge-off' : 'badge badge-on'}>{t('cases.followUps.overdue', { days: x.daysOverdue })}</span>
        </>
      ),
    },
    { label: t('cases.field.reference'), rowHeader: true, cell: (x) => <Link to={`/cases/${x.caseId}`} className="reference">{x.reference}</Link> },
    { label: t('cases.referrals.partner'), cell: (x) => ('name' in x.partner ? x.partner.name : x.partner.id) },
    { label: t('cases.referrals.purpose'), cell: (x) => labels.purpose(t, x.purpose) },
    { label: t('cases.referrals.status'), cell: (x) => labels.referralStatus(t, x.status) },
    { label: t('cases.referrals.referredOn'), cell: (x) => f.day(x.referredOn) },
  ];

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ on, mine });
  };

  return (
    <>
      <Heading>{title}</Heading>
      <p className="lead">{t('cases.followUps.text')}</p>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('cases.followUps.filter')} noValidate>
        <DateField label={t('cases.followUps.on')} hint={t('cases.followUps.on.hint')} value={on} onChange={setOn} error={errorUnder(errors, 'on')} />
        <CheckboxField className="filter-checkbox" label={t('cases.followUps.mine')} checked={mine} onChange={setMine} />
        <div className="actions">
          <button type="submit" className="button">{t('cases.filter.apply')}</button>
        </div>
      </form>
      <FormError message={errors.form} />
      <Status message={list.loading ? t('common.loading') : dueBy && !errors.form ? t('cases.followUps.count', { n: list.items.length, day: f.day(dueBy) }) : ''} />
      <DataTable caption={title} columns={columns} rows={list.items} rowKey={(x) => x.referralId} rowClass={(x) => (x.daysOverdue > 0 ? 'overdue-row' : undefined)} />
      <LoadMore list={list} />
    </>
  );
}
