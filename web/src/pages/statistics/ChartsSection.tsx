import { useId } from 'react';
import { chartUrl, type ChartName, type ReportSummary } from '../../api/reports.js';
import { useI18n, type MessageKey } from '../../i18n/i18n.js';
import { useNames } from '../contacts/vocabulary.js';

const CAPTIONS: Record<ChartName, { title: MessageKey; alt: MessageKey }> = {
  'contacts-per-week': { title: 'statistics.chart.contactsPerWeek', alt: 'statistics.chart.contactsPerWeek.alt' },
  topics: { title: 'statistics.chart.topics', alt: 'statistics.chart.topics.alt' },
  'victims-by-type-and-sex': { title: 'statistics.chart.victims', alt: 'statistics.chart.victims.alt' },
  nationalities: { title: 'statistics.chart.nationalities', alt: 'statistics.chart.nationalities.alt' },
};

/**
 * The server's charts, as images from the same origin: no inline style or script comes into the
 * page. Each has a text alternative; the tables above hold the same figures to read.
 */
export function ChartsSection({ summary }: { summary: ReportSummary }) {
  const { t, lang } = useI18n();
  const { day } = useNames();
  const id = useId();
  const { period, contacts, victims } = summary;
  const charts: ChartName[] = [
    ...(contacts.total > 0 || contacts.previousYear.total > 0 ? (['contacts-per-week'] as const) : []),
    ...(contacts.total > 0 ? (['topics'] as const) : []),
    ...(victims.identified > 0 ? (['victims-by-type-and-sex', 'nationalities'] as const) : []),
  ];
  if (charts.length === 0) return null;
  const dates = { from: day(period.from), to: day(period.to) };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('statistics.charts.title')}</h2>
      <div className="charts">
        {charts.map((name) => (
          <figure key={name} className="chart">
            <img src={chartUrl(name, period, lang)} alt={t(CAPTIONS[name].alt, dates)} loading="lazy" />
            <figcaption>{t(CAPTIONS[name].title)}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}
