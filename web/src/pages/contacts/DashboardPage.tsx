import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { contactStats, type ContactStats } from '../../api/contacts.js';
import { BarTable } from '../../components/BarTable.js';
import { FormError, SelectField, Status, TextField } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { fieldErrors, type FieldErrors } from './contactErrors.js';
import { ContactsNav } from './ContactsNav.js';
import { CHANNELS, channelLabel, TOPICS, topicLabel, useNames } from './vocabulary.js';

type Grouping = 'day' | 'week';
type Breakdown = 'topic' | 'channel';
interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The last four weeks, today included. */
function lastFourWeeks(): Period {
  const today = new Date();
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 27);
  return { from: dayOf(start), to: dayOf(today) };
}

/** Columns for the contacts of each day or week; the table below gives the same figures to read. */
function ColumnChart({ values, label }: { values: { label: string; n: number }[]; label: string }) {
  const max = Math.max(1, ...values.map((v) => v.n));
  const width = values.length * 10;
  return (
    <figure className="column-chart">
      <svg viewBox={`0 0 ${width} 100`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {values.map((v, i) => {
          const h = (v.n / max) * 96;
          return <rect key={v.label} x={i * 10 + 1} y={100 - h} width="8" height={h} />;
        })}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** The operators' dashboard: contacts per day or week, by topic or channel, for a period. */
export default function DashboardPage({ title }: PageProps) {
  const { t } = useI18n();
  const names = useNames();
  const [form, setForm] = useState<Period>(lastFourWeeks);
  const [period, setPeriod] = useState<Period>(form);
  const [grouping, setGrouping] = useState<Grouping>('day');
  const [breakdown, setBreakdown] = useState<Breakdown>('topic');
  const [stats, setStats] = useState<ContactStats | null>(null);
  const [loading, setLoading] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});

  const load = useCallback(async () => {
    setLoading(true);
    setErrors({});
    try {
      setStats(await contactStats(period.from, period.to));
    } catch (e) {
      setErrors(fieldErrors(t, e, ['from', 'to']));
    } finally {
      setLoading(false);
    }
  }, [period, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const show = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(form);
  };

  const columns: { key: string; label: string }[] =
    breakdown === 'topic' ? TOPICS.map((k) => ({ key: k, label: t(topicLabel(k)) })) : CHANNELS.map((k) => ({ key: k, label: t(channelLabel(k)) }));
  const periods = !stats
    ? []
    : grouping === 'day'
      ? stats.days.map((d) => ({ label: names.day(d.date), counts: d }))
      : stats.weeks.map((w) => ({ label: t('contacts.dashboard.weekOf', { week: Number(w.week.slice(6)), start: names.day(w.start) }), counts: w }));
  const busiest = periods.reduce<(typeof periods)[number] | null>((best, p) => (!best || p.counts.total > best.counts.total ? p : best), null);
  const perLabel = t(grouping === 'day' ? 'contacts.dashboard.perDay' : 'contacts.dashboard.perWeek');

  return (
    <>
      <Heading>{title}</Heading>
      <ContactsNav />
      <form className="filters" onSubmit={show} aria-label={t('contacts.dashboard.period')}>
        <TextField label={t('contacts.filter.from')} type="date" required value={form.from} onChange={(from) => setForm((f) => ({ ...f, from }))} error={errors.from} />
        <TextField label={t('contacts.filter.to')} type="date" required value={form.to} onChange={(to) => setForm((f) => ({ ...f, to }))} error={errors.to} />
        <div className="actions">
          <button type="submit" className="button">{t('contacts.dashboard.show')}</button>
        </div>
      </form>
      <div className="filters">
        <SelectField label={t('contacts.dashboard.grouping')} value={grouping} onChange={(v) => setGrouping(v as Grouping)}
          options={[{ value: 'day', label: t('contacts.dashboard.day') }, { value: 'week', label: t('contacts.dashboard.week') }]} />
        <SelectField label={t('contacts.dashboard.breakdown')} value={breakdown} onChange={(v) => setBreakdown(v as Breakdown)}
          options={[{ value: 'topic', label: t('contacts.topic') }, { value: 'channel', label: t('contacts.channel') }]} />
      </div>
      <FormError message={errors.form} />
      <Status message={loading ? t('common.loading') : stats ? t('contacts.dashboard.total', { count: stats.total, from: names.day(stats.period.from), to: names.day(stats.period.to) }) : ''} />

      {stats && (
        <>
          <div className="dashboard-totals">
            <section className="panel">
              <BarTable caption={t('contacts.dashboard.byTopic')} valueLabel={t('contacts.dashboard.count')} rows={TOPICS.map((k) => ({ label: t(topicLabel(k)), n: stats.byTopic[k] ?? 0 }))} />
            </section>
            <section className="panel">
              <BarTable caption={t('contacts.dashboard.byChannel')} valueLabel={t('contacts.dashboard.count')} rows={CHANNELS.map((k) => ({ label: t(channelLabel(k)), n: stats.byChannel[k] ?? 0 }))} />
            </section>
          </div>

          <section className="panel" aria-labelledby="dashboard-periods">
            <h2 id="dashboard-periods">{perLabel}</h2>
            {busiest && busiest.counts.total > 0 && (
              <ColumnChart
                values={periods.map((p) => ({ label: p.label, n: p.counts.total }))}
                label={t('contacts.dashboard.busiest', { label: busiest.label, count: busiest.counts.total })}
              />
            )}
            <div className="table-scroll" role="region" aria-labelledby="dashboard-periods" tabIndex={0}>
              <table className="wide-table">
                <thead>
                  <tr>
                    <th scope="col">{t(grouping === 'day' ? 'contacts.dashboard.day' : 'contacts.dashboard.week')}</th>
                    <th scope="col">{t('contacts.dashboard.total.column')}</th>
                    {columns.map((c) => (
                      <th scope="col" key={c.key}>{c.label}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {periods.map((p) => {
                    const by = breakdown === 'topic' ? p.counts.byTopic : p.counts.byChannel;
                    return (
                      <tr key={p.label} className={p.counts.total === 0 ? 'muted-row' : undefined}>
                        <th scope="row">{p.label}</th>
                        <td>{p.counts.total}</td>
                        {columns.map((c) => (
                          <td key={c.key}>{by[c.key] ?? 0}</td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {breakdown === 'topic' && <p className="hint">{t('contacts.dashboard.topicsNote')}</p>}
          </section>
        </>
      )}
    </>
  );
}
