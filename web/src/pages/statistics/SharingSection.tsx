import { useCallback, useEffect, useId, useState } from 'react';
import { exportUrl, listPublications, publishPeriod, withdrawPublication, type ExportFile, type Period, type Publication } from '../../api/reports.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { FormError, Status } from '../../components/forms.js';
import { describeError } from '../../errors.js';
import { useI18n, type Lang, type MessageKey } from '../../i18n/i18n.js';
import { useNames } from '../contacts/vocabulary.js';

const OWN: readonly [ExportFile, MessageKey][] = [
  ['summary.pdf', 'statistics.exports.summaryPdf'],
  ['summary.csv', 'statistics.exports.summaryCsv'],
  ['summary.xlsx', 'statistics.exports.summaryXlsx'],
];
const ANONYMISED: readonly [ExportFile, MessageKey][] = [
  ['anonymised.xlsx', 'statistics.exports.anonymisedXlsx'],
  ['anonymised.csv', 'statistics.exports.anonymisedCsv'],
  ['anonymised.json', 'statistics.exports.anonymisedJson'],
];

function Downloads({ files, period, lang }: { files: readonly [ExportFile, MessageKey][]; period: Period; lang: Lang }) {
  const { t } = useI18n();
  return (
    <ul className="downloads">
      {files.map(([file, label]) => (
        <li key={file}>
          <a href={exportUrl(file, period, lang)} download>{t(label)}</a>
        </li>
      ))}
    </ul>
  );
}

/** The period's files to download, and its place on the public statistics page. */
export function SharingSection({ period, lang }: { period: Period; lang: Lang }) {
  const { t, formatDateTime } = useI18n();
  const { day } = useNames();
  const id = useId();
  const [dialog, confirm] = useConfirm();
  const [published, setPublished] = useState<Publication[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState('');
  const [error, setError] = useState('');
  const dates = { from: day(period.from), to: day(period.to) };

  const load = useCallback(async () => {
    const all = await listPublications();
    setPublished(all.items.filter((p) => p.period.from === period.from && p.period.to === period.to));
  }, [period.from, period.to]);

  useEffect(() => {
    setNews('');
    setError('');
    load().catch((e: unknown) => setError(describeError(t, e)));
  }, [load, t]);

  const act = async (question: MessageKey, message: MessageKey, button: MessageKey, done: MessageKey, change: () => Promise<unknown>) => {
    if (!(await confirm({ title: t(question, dates), message: t(message), confirmLabel: t(button) }))) return;
    setBusy(true);
    setNews('');
    setError('');
    try {
      await change();
      await load();
      setNews(t(done));
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };
  const publish = () => act('statistics.publish.confirm.title', 'statistics.publish.confirm.message', 'statistics.publish.confirm.button', 'statistics.publish.done', () => publishPeriod(period));
  const withdraw = (p: Publication) =>
    act('statistics.withdraw.confirm.title', 'statistics.withdraw.confirm.message', 'statistics.withdraw.confirm.button', 'statistics.withdraw.done', () => withdrawPublication(p.id));

  return (
    <>
      <section className="panel" aria-labelledby={`${id}-exports`}>
        <h2 id={`${id}-exports`}>{t('statistics.exports.title')}</h2>
        <h3>{t('statistics.exports.own')}</h3>
        <Downloads files={OWN} period={period} lang={lang} />
        <h3>{t('statistics.exports.anonymised')}</h3>
        <Downloads files={ANONYMISED} period={period} lang={lang} />
        <p className="hint">{t('statistics.exports.hint')}</p>
      </section>

      <section className="panel" aria-labelledby={`${id}-public`}>
        <h2 id={`${id}-public`}>{t('statistics.publish.title')}</h2>
        <p>{t('statistics.publish.text')}</p>
        {published?.map((p) => (
          <div key={p.id} className="actions publication">
            <span>{t('statistics.publish.published', { date: formatDateTime(p.publishedAt) })}</span>
            <button type="button" className="button secondary" disabled={busy} onClick={() => void withdraw(p)}>
              {t('statistics.withdraw.button')}
            </button>
          </div>
        ))}
        <div className="actions">
          {published?.length === 0 && (
            <button type="button" className="button" disabled={busy} aria-busy={busy || undefined} onClick={() => void publish()}>
              {t('statistics.publish.button')}
            </button>
          )}
          <a href={`/${lang}/statistics`}>{t('statistics.publish.view')}</a>
        </div>
        <Status message={news} />
        <FormError message={error} />
      </section>
      {dialog}
    </>
  );
}
