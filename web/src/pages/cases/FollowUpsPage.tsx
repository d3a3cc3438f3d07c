import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { dueFollowUps, type FollowUp } from '../../api/cases.js';
import { FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { DateField, useFormat } from './fields.js';
import { errorUnder, formErrorsOf, labels, noErrors, type FormErrors } from './labels.js';

/** The caseworker's dashboard: open referrals whose follow-up day has come, the most overdue first. */
export default function FollowUpsPage({ title }: PageProps) {
  const { t } = useI18n();
  const f = useFormat();
  const mineId = useId();
  const [on, setOn] = useState('');
  const [mine, setMine] = useState(false);
  const [query, setQuery] = useState<{ on: string; mine: boolean }>({ on: '', mine: false });
  const [items, setItems] = useState<FollowUp[]>([]);
  const [dueBy, setDueBy] = useState<string | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      setErrors(noErrors);
      try {
        const page = await dueFollowUps({ on: query.on || undefined, mine: query.mine || undefined, limit: 100, cursor });
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setDueBy(page.on);
        setNextCursor(page.nextCursor);
      } catch (e) {
        setErrors(formErrorsOf(t, e, ['on']));
      } finally {
        setLoading(false);
      }
    },
    [query, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

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
        <div className="field checkbox filter-checkbox">
          <input id={mineId} type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          <label htmlFor={mineId}>{t('cases.followUps.mine')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="button">{t('cases.filter.apply')}</button>
        </div>
      </form>
      <FormError message={errors.form} />
      <Status message={loading ? t('common.loading') : dueBy && !errors.form ? t('cases.followUps.count', { n: items.length, day: f.day(dueBy) }) : ''} />
      {items.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.followUps.due')}</th>
              <th scope="col">{t('cases.field.reference')}</th>
              <th scope="col">{t('cases.referrals.partner')}</th>
              <th scope="col">{t('cases.referrals.purpose')}</th>
              <th scope="col">{t('cases.referrals.status')}</th>
              <th scope="col">{t('cases.referrals.referredOn')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.referralId} className={x.daysOverdue > 0 ? 'overdue-row' : undefined}>
                <td data-label={t('cases.followUps.due')}>
                  <span className="cell-main">{f.day(x.followUpOn)}</span>
                  <span className={x.daysOverdue > 0 ? 'badge badge-off' : 'badge badge-on'}>{t('cases.followUps.overdue', { days: x.daysOverdue })}</span>
                </td>
                <th scope="row" data-label={t('cases.field.reference')}>
                  <Link to={`/cases/${x.caseId}`} className="reference">{x.reference}</Link>
                </th>
                <td data-label={t('cases.referrals.partner')}>{'name' in x.partner ? x.partner.name : x.partner.id}</td>
                <td data-label={t('cases.referrals.purpose')}>{labels.purpose(t, x.purpose)}</td>
                <td data-label={t('cases.referrals.status')}>{labels.referralStatus(t, x.status)}</td>
                <td data-label={t('cases.referrals.referredOn')}>{f.day(x.referredOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <p>
          <button type="button" className="button secondary" disabled={loading} onClick={() => void load(nextCursor)}>
            {t('common.loadMore')}
          </button>
        </p>
      )}
    </>
  );
}
