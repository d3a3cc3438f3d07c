import { useEffect, useId, useState, type ReactNode } from 'react';
import { getReport, reportExportUrl, type CampaignReport } from '../../api/campaigns.js';
import { BarTable } from '../../components/BarTable.js';
import { FormError, Status } from '../../components/forms.js';
import { CopyButton } from '../../components/OneTimeSecret.js';
import { describeError } from '../../errors.js';
import { useI18n, type Lang } from '../../i18n/i18n.js';
import { LOCALES, STAFF_LANGS } from '../../../../src/platform/i18n/locales.js';
import type { PageProps } from '../../routes.js';
import { useFormat } from '../cases/fields.js';
import { FigureTable, useFigures } from '../statistics/FigureTable.js';
import { CampaignHeader, channelLabel, useCampaign } from './CampaignNav.js';

const WINDOWS = ['before', 'during', 'after'] as const;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * The campaign's report for its donor: posts and engagement per channel, page views per language,
 * printed materials, events, the helpline contacts that heard of us through it, the same as a
 * paragraph in each staff language, and the exports.
 */
export default function ReportPage({ params }: PageProps) {
  const { t, lang } = useI18n();
  const f = useFormat();
  const { n } = useFigures();
  const { campaign, error: loadError } = useCampaign(params.id!);
  const [report, setReport] = useState<CampaignReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getReport(params.id!).then(setReport, (e: unknown) => setError(describeError(t, e)));
  }, [params.id, t]);

  const percent = new Intl.NumberFormat(LOCALES[lang].tag, { style: 'percent', maximumFractionDigits: 2 });
  const rate = (r: number | null) => (r === null ? '–' : percent.format(r));

  return (
    <>
      <CampaignHeader campaign={campaign} error={loadError} />
      {campaign && (
        <>
          <h2>{t('campaigns.report.title')}</h2>
          <FormError message={error} />
          <Status message={report || error ? '' : t('common.loading')} />
          {report && (
            <>
              <p className="page-actions">
                <a className="button secondary" href={reportExportUrl(campaign.id, 'csv', lang)} download>{t('campaigns.report.csv')}</a>{' '}
                <a className="button secondary" href={reportExportUrl(campaign.id, 'xlsx', lang)} download>{t('campaigns.report.xlsx')}</a>{' '}
                <a className="button secondary" href={reportExportUrl(campaign.id, 'pdf', lang)} download>{t('campaigns.report.pdf')}</a>
              </p>

              <Section title={t('campaigns.report.posts')}>
                <p>{t('campaigns.report.postsTotal', { n: report.posts.total })}</p>
                {Object.keys(report.posts.byChannel).length > 0 && (
                  <>
                    <FigureTable
                      caption={t('campaigns.report.byChannel')}
                      rowHeader={t('campaigns.post.channel')}
                      columns={[t('campaign.export.posts'), t('campaign.export.reach'), t('campaign.export.impressions'), t('campaign.export.engagements'), t('campaign.export.clicks'), t('campaign.export.engagementRate')]}
                      rows={Object.entries(report.posts.byChannel).map(([channel, c]) => ({
                        key: channel,
                        label: channelLabel(t, channel),
                        cells: [n(c.posts), ...(['reach', 'impressions', 'engagements', 'clicks'] as const).map((m) => (c.notReported.includes(m) ? '–' : n(c[m]))), rate(c.engagementRate)],
                      }))}
                      note={t('campaigns.report.rate.hint')}
                    />
                    <BarTable
                      caption={t('campaigns.report.rateChart')}
                      valueLabel={t('campaign.export.engagementRate')}
                      rows={Object.entries(report.posts.byChannel).map(([channel, c]) => ({ label: channelLabel(t, channel), n: c.engagementRate ?? 0 }))}
                      format={(r) => percent.format(r)}
                    />
                  </>
                )}
              </Section>

              <Section title={t('campaigns.report.pages')}>
                {Object.keys(report.pageViews).length === 0 ? (
                  <p>{t('campaigns.report.noPages')}</p>
                ) : (
                  <>
                    <FigureTable
                      caption={t('campaigns.report.byLanguage')}
                      rowHeader={t('campaign.export.language')}
                      columns={[t('campaign.export.pageViews'), t('campaign.export.uniqueVisitors')]}
                      rows={Object.entries(report.pageViews).map(([l, views]) => ({ key: l, label: f.language(l), cells: [n(views), n(report.uniqueVisitors[l] ?? 0)] }))}
                    />
                    <BarTable caption={t('campaigns.report.viewsChart')} valueLabel={t('campaign.export.pageViews')} rows={Object.entries(report.pageViews).map(([l, views]) => ({ label: f.language(l), n: views }))} format={n} />
                  </>
                )}
              </Section>

              <Section title={t('campaigns.report.impact')}>
                <p>{t('campaigns.report.impact.text', { code: report.impact.heardAbout, days: report.impact.days })}</p>
                <FigureTable
                  caption={t('campaigns.report.impactTable')}
                  rowHeader={t('campaigns.report.window')}
                  columns={[t('campaigns.report.days'), t('campaigns.report.contacts')]}
                  rows={WINDOWS.map((w) => ({
                    key: w,
                    label: t(`campaigns.report.window.${w}`),
                    cells: [t('campaigns.period', { from: f.day(report.impact[w].from), to: f.day(report.impact[w].to) }) + (report.impact[w].ongoing ? ` ${t('campaigns.report.ongoing')}` : ''), n(report.impact[w].contacts)],
                  }))}
                />
                <BarTable caption={t('campaigns.report.impactChart')} valueLabel={t('campaigns.report.contacts')} rows={WINDOWS.map((w) => ({ label: t(`campaigns.report.window.${w}`), n: report.impact[w].contacts }))} format={n} />
              </Section>

              <Section title={t('campaigns.report.materials')}>
                {report.materials.items === 0 ? (
                  <p>{t('campaigns.report.noMaterials')}</p>
                ) : (
                  <FigureTable
                    caption={t('campaigns.report.materialsByLanguage')}
                    rowHeader={t('campaign.export.language')}
                    columns={[t('campaign.export.printed'), t('campaign.export.distributed')]}
                    rows={Object.entries(report.materials.byLanguage).map(([l, m]) => ({ key: l, label: f.language(l), cells: [n(m.printed), n(m.distributed)] }))}
                    foot={[{ key: 'all', label: t('campaign.export.all'), cells: [n(report.materials.printed), n(report.materials.distributed)] }]}
                    note={t('campaigns.report.inStock', { n: report.materials.inStock, places: report.materials.places.length })}
                  />
                )}
              </Section>

              <Section title={t('campaigns.report.events')}>
                <p>{report.events.total === 0 && report.recommendations.recommendations === 0 ? t('campaigns.report.noEvents') : t('campaigns.report.eventsText', { events: report.events.total, participants: report.events.participants, invited: report.events.invited, accepted: report.events.accepted, topics: report.events.topicsRaised, recommendations: report.recommendations.recommendations })}</p>
              </Section>

              <Section title={t('campaigns.report.narrative')}>
                {STAFF_LANGS.map((l: Lang) => (
                  <div key={l} className="narrative-block">
                    <h4>{t(`campaigns.report.narrative.${l}`)}</h4>
                    {report.narrative[l] ? (
                      <>
                        <blockquote className="narrative" lang={LOCALES[l].tag}>
                          <p>{report.narrative[l]}</p>
                        </blockquote>
                        <CopyButton text={report.narrative[l]} label={t(`campaigns.report.copy.${l}`)} />
                      </>
                    ) : (
                      <p>{t('campaigns.report.narrative.empty')}</p>
                    )}
                  </div>
                ))}
              </Section>
            </>
          )}
        </>
      )}
    </>
  );
}
