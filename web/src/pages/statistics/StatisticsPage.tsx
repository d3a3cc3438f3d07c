import { useEffect, useMemo, useState } from 'react';
import { reportSummary, type PeriodQuery, type ReportSummary } from '../../api/reports.js';
import { FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { useI18n, type Lang } from '../../i18n/i18n.js';
import { navigate, useSearch } from '../../router.js';
import type { PageProps } from '../../routes.js';
import { formErrorsOf, noErrors, type FormErrors } from '../cases/labels.js';
import { useNames } from '../contacts/vocabulary.js';
import { ChartsSection } from './ChartsSection.js';
import { ContactsSection } from './ContactsSection.js';
import { NarrativeSection } from './NarrativeSection.js';
import { PeriodForm } from './PeriodForm.js';
import { periodQueryOf, searchOf } from './periodChoice.js';
import { SharingSection } from './SharingSection.js';
import { VictimsSection } from './VictimsSection.js';

interface Figures {
  summary: ReportSummary;
  /** The contacts of the same dates a year earlier, by topic and channel. */
  previous: ReportSummary['contacts'];
}

/**
 * The coordinator's figures for a period: contacts beside the same dates a year earlier, identified
 * victims, the narrative for a donor report, charts, downloads and the public statistics page. The
 * period lives in the address, so a bookmark or a shared link opens the same figures.
 */
export default function StatisticsPage({ title }: PageProps) {
  const { t, lang } = useI18n();
  const { day } = useNames();
  const search = useSearch();
  const query = useMemo(() => periodQueryOf(search), [search]);
  const [chosenLang, setChosenLang] = useState<Lang | null>(null);
  const narrativeLang = chosenLang ?? lang;
  const [figures, setFigures] = useState<Figures | null>(null);
  const [narrative, setNarrative] = useState<{ lang: Lang; text: string } | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<unknown>(null);
  const errors: FormErrors = useMemo(() => (failure ? formErrorsOf(t, failure, ['period', 'from', 'to']) : noErrors), [failure, t]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setFailure(null);
    setFigures(null);
    void (async () => {
      try {
        const summary = await reportSummary(query, 'en');
        // The summary compares totals only; the year before's topics and channels are its own summary.
        const previous = await reportSummary(summary.contacts.previousYear.period, 'en');
        if (current) setFigures({ summary, previous: previous.contacts });
      } catch (e) {
        if (current) setFailure(e);
      } finally {
        if (current) setLoading(false);
      }
    })();
    return () => {
      current = false;
    };
  }, [query]);

  const summary = figures?.summary ?? null;
  useEffect(() => {
    if (!summary) return;
    if (summary.narrativeLanguage === narrativeLang) {
      setNarrative({ lang: narrativeLang, text: summary.narrative });
      return;
    }
    let current = true;
    setNarrative(null);
    reportSummary(summary.period, narrativeLang).then(
      (s) => current && setNarrative({ lang: s.narrativeLanguage, text: s.narrative }),
      (e: unknown) => current && setFailure(e),
    );
    return () => {
      current = false;
    };
  }, [summary, narrativeLang]);

  const choose = (q: PeriodQuery) => navigate(`/statistics${searchOf(q)}`);

  return (
    <>
      <Heading>{title}</Heading>
      <PeriodForm query={query} shown={summary?.period ?? null} errors={errors} onChoose={choose} />
      <FormError message={errors.form} />
      <Status message={loading ? t('common.loading') : summary ? t('statistics.showing', { from: day(summary.period.from), to: day(summary.period.to) }) : ''} />
      {figures && summary && (
        <>
          <NarrativeSection narrative={narrative} lang={narrativeLang} onLangChange={setChosenLang} />
          <ContactsSection contacts={summary.contacts} previous={figures.previous} />
          <VictimsSection victims={summary.victims} />
          <ChartsSection summary={summary} />
          <SharingSection period={summary.period} lang={narrativeLang} />
        </>
      )}
    </>
  );
}
