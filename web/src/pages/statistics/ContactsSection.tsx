import { useId } from 'react';
import type { ReportSummary } from '../../api/reports.js';
import { useI18n } from '../../i18n/i18n.js';
import { CHANNELS, channelLabel, TOPICS, topicLabel, useNames } from '../contacts/vocabulary.js';
import { FigureTable, useFigures, type FigureRow } from './FigureTable.js';

type Counts = ReportSummary['contacts'];

/** Contacts by topic and by channel, each beside the same dates a year earlier. */
export function ContactsSection({ contacts, previous }: { contacts: Counts; previous: Omit<Counts, 'previousYear'> }) {
  const { t } = useI18n();
  const { day } = useNames();
  const { compared } = useFigures();
  const id = useId();
  const period = contacts.previousYear.period;
  const columns = [t('statistics.column.thisPeriod'), t('statistics.column.yearEarlier'), t('statistics.column.change'), t('statistics.column.changePercent')];
  const rowsOf = <K extends string>(keys: readonly K[], label: (k: K) => string, now: Record<string, number>, before: Record<string, number>): FigureRow[] =>
    keys.map((k) => ({ key: k, label: label(k), cells: compared(now[k] ?? 0, before[k] ?? 0), muted: !now[k] && !before[k] }));
  const all: FigureRow = { key: 'all', label: t('statistics.contacts.all'), cells: compared(contacts.total, contacts.previousYear.total) };
  const empty = contacts.total === 0 && contacts.previousYear.total === 0;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('statistics.contacts.title')}</h2>
      <p>
        {contacts.total === 0
          ? t('statistics.contacts.none')
          : t('statistics.contacts.summary', { count: contacts.total, previous: contacts.previousYear.total, previousFrom: day(period.from), previousTo: day(period.to) })}
      </p>
      {!empty && (
        <div className="figure-tables">
          <FigureTable
            caption={t('statistics.contacts.byTopic')}
            rowHeader={t('contacts.topic')}
            columns={columns}
            rows={rowsOf(TOPICS, (k) => t(topicLabel(k)), contacts.byTopic, previous.byTopic)}
            note={t('statistics.contacts.topicsNote')}
          />
          <FigureTable
            caption={t('statistics.contacts.byChannel')}
            rowHeader={t('contacts.channel')}
            columns={columns}
            rows={rowsOf(CHANNELS, (k) => t(channelLabel(k)), contacts.byChannel, previous.byChannel)}
            foot={[all]}
            note={t('statistics.contacts.changeNote')}
          />
        </div>
      )}
    </section>
  );
}
