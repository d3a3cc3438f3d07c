import { useId } from 'react';
import type { ReportSummary } from '../../api/reports.js';
import { useI18n } from '../../i18n/i18n.js';
import { labels } from '../cases/labels.js';
import { useNames } from '../contacts/vocabulary.js';
import { FigureTable, useFigures, type FigureRow } from './FigureTable.js';

type Victims = ReportSummary['victims'];

/** Identified victims: how many, children or adults, by type and sex, citizenship and sector. */
export function VictimsSection({ victims }: { victims: Victims }) {
  const { t } = useI18n();
  const names = useNames();
  const { n } = useFigures();
  const id = useId();
  const count = [t('statistics.victims.count')];
  const single = (key: string, label: string, value: number): FigureRow => ({ key, label, cells: [n(value)], muted: value === 0 });
  const sexes = Object.keys(victims.bySex);
  const bySex = (key: string, label: string, of: Record<string, number>, total: number): FigureRow => ({
    key,
    label,
    cells: [...sexes.map((s) => n(of[s] ?? 0)), n(total)],
    muted: total === 0,
  });

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('statistics.victims.title')}</h2>
      {victims.identified === 0 ? (
        <p>{t('statistics.victims.none')}</p>
      ) : (
        <div className="figure-tables">
          <FigureTable
            caption={t('statistics.victims.overview')}
            rowHeader={t('statistics.victims.figure')}
            columns={count}
            rows={[
              single('identified', t('statistics.victims.identified'), victims.identified),
              single('children', t('statistics.victims.children'), victims.children),
              single('adults', t('statistics.victims.adults'), victims.identified - victims.children),
              single('foreign', t('statistics.victims.foreign'), victims.foreignNationals),
              single('nationals', t('statistics.victims.nationals'), victims.identified - victims.foreignNationals),
            ]}
          />
          <FigureTable
            caption={t('statistics.victims.byTypeAndSex')}
            rowHeader={t('statistics.victims.type')}
            columns={[...sexes.map((s) => labels.sex(t, s)), t('statistics.victims.total')]}
            rows={Object.entries(victims.byExploitation).map(([type, total]) => bySex(type, labels.exploitation(t, type), victims.byExploitationAndSex[type] ?? {}, total))}
            foot={[bySex('all', t('statistics.victims.all'), victims.bySex, victims.identified)]}
            note={t('statistics.victims.typesNote')}
          />
          <FigureTable
            caption={t('statistics.victims.byCitizenship')}
            rowHeader={t('statistics.victims.citizenship')}
            columns={count}
            rows={Object.entries(victims.byCitizenship).map(([code, value]) => single(code, names.country(code), value))}
          />
          <FigureTable
            caption={t('statistics.victims.bySector')}
            rowHeader={t('statistics.victims.sector')}
            columns={count}
            rows={Object.entries(victims.bySector).map(([sector, value]) => single(sector, sector === 'unknown' ? t('statistics.victims.sectorUnknown') : labels.sector(t, sector), value))}
          />
        </div>
      )}
    </section>
  );
}
