import { useCallback, useState } from 'react';
import { CHANNEL_IDS, createPost, listPosts, METRIC_IDS, type Channel, type Metric, type PostFields } from '../../api/campaigns.js';
import { FormActions, FormError, SelectField, Status, TextField } from '../../components/forms.js';
import { LoadMore, usePagedList } from '../../components/lists.js';
import { useApiForm } from '../../components/useApiForm.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useFigures } from '../statistics/FigureTable.js';
import { CampaignHeader, channelLabel, useCampaign } from './CampaignNav.js';
import { instantOf } from './useApiForm.js';

const METRIC_LABEL = { reach: 'campaign.export.reach', impressions: 'campaign.export.impressions', engagements: 'campaign.export.engagements', clicks: 'campaign.export.clicks', videoViews: 'campaign.export.videoViews' } as const;

/** The campaign's posts, the newest first, with their metrics; a post can be typed in by hand. */
export default function PostsPage({ params }: PageProps) {
  const { t, formatDateTimeShort } = useI18n();
  const { n: number } = useFigures();
  const { campaign, error: loadError } = useCampaign(params.id!);
  const fetchPage = useCallback((cursor?: string) => listPosts(params.id!, { limit: 100, cursor }), [params.id]);
  const list = usePagedList(fetchPage);
  const { items: posts, loading, reload } = list;
  const error = list.error ? describeError(t, list.error) : null;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');


  const added = () => {
    setAdding(false);
    setNotice(t('campaigns.posts.added'));
    void reload();
  };

  const metric = (n: number | null) => (n === null ? '–' : number(n));
  const base = `/campaigns/${encodeURIComponent(params.id!)}`;

  return (
    <>
      <CampaignHeader campaign={campaign} error={loadError} />
      {campaign && (
        <>
          <h2>{t('campaigns.posts.title')}</h2>
          <p className="page-actions">
            {!adding && <button type="button" className="button" onClick={() => setAdding(true)}>{t('campaigns.posts.add')}</button>}{' '}
            <Link className="button secondary" to={`${base}/import`}>{t('campaigns.tab.import')}</Link>
          </p>
          {adding && <PostForm campaignId={campaign.id} onSaved={added} onCancel={() => setAdding(false)} />}
          <Status message={loading ? t('common.loading') : notice || (error ? '' : t('campaigns.posts.count', { n: posts.length }))} />
          <FormError message={error} />
          {posts.length > 0 && (
            <table className="data-table">
              <caption className="visually-hidden">{t('campaigns.posts.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.post.publishedAt')}</th>
                  <th scope="col">{t('campaigns.post.channel')}</th>
                  <th scope="col">{t('campaigns.post.post')}</th>
                  {METRIC_IDS.map((m) => (
                    <th scope="col" key={m} className="numeric">{t(METRIC_LABEL[m])}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {posts.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label={t('campaigns.post.publishedAt')}>{formatDateTimeShort(p.publishedAt)}</th>
                    <td data-label={t('campaigns.post.channel')}>{channelLabel(t, p.channel)}</td>
                    <td data-label={t('campaigns.post.post')} className="details-cell">
                      {p.url ? (
                        <a href={p.url} rel="noopener noreferrer" target="_blank">{p.topic ?? p.text?.slice(0, 80) ?? p.url}</a>
                      ) : (
                        (p.topic ?? p.text?.slice(0, 80) ?? '–')
                      )}
                    </td>
                    {METRIC_IDS.map((m) => (
                      <td key={m} data-label={t(METRIC_LABEL[m])} className="numeric">{metric(p[m])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <LoadMore list={list} />
        </>
      )}
    </>
  );
}

const SHOWN = ['channel', 'publishedAt', 'url', 'topic', ...METRIC_IDS];

/** A post typed in by hand: where and when, and the figures the network showed (left empty: not reported). */
function PostForm({ campaignId, onSaved, onCancel }: { campaignId: string; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<Channel | ''>('');
  const [publishedAt, setPublishedAt] = useState('');
  const [url, setUrl] = useState('');
  const [topic, setTopic] = useState('');
  const [metrics, setMetrics] = useState<Record<Metric, string>>({ reach: '', impressions: '', engagements: '', clicks: '', videoViews: '' });
  const { errors, busy, submit } = useApiForm(SHOWN, { channel: t('cases.error.choose') });

  const save = (key: string) => {
    const fields: PostFields = {
      channel: channel || undefined,
      publishedAt: instantOf(publishedAt),
      ...(url.trim() ? { url: url.trim() } : {}),
      ...(topic.trim() ? { topic: topic.trim() } : {}),
      ...Object.fromEntries(METRIC_IDS.filter((m) => metrics[m].trim() !== '').map((m) => [m, Number(metrics[m])])),
    };
    return createPost(campaignId, fields, key).then(onSaved);
  };

  return (
    <form className="panel form-section" onSubmit={(e) => void submit(e, save)} noValidate aria-label={t('campaigns.posts.add')}>
      <FormError message={errors.form} />
      <div className="field-pair">
        <SelectField<Channel> label={t('campaigns.post.channel')} value={channel} onChange={setChannel} options={CHANNEL_IDS.map((c) => ({ value: c, label: channelLabel(t, c) }))} empty={t('cases.choose')} required error={errors.fields.channel} />
        <TextField label={t('campaigns.post.publishedAt')} type="datetime-local" required value={publishedAt} onChange={setPublishedAt} error={errors.fields.publishedAt} />
      </div>
      <TextField label={t('campaigns.post.url')} type="url" inputMode="url" spellCheck={false} value={url} onChange={setUrl} error={errors.fields.url} />
      <TextField label={t('campaigns.post.topic')} value={topic} onChange={setTopic} error={errors.fields.topic} />
      <fieldset className="metrics">
        <legend>{t('campaigns.post.metrics')}</legend>
        <p className="hint">{t('campaigns.post.metrics.hint')}</p>
        <div className="field-row">
          {METRIC_IDS.map((m) => (
            <TextField key={m} label={t(METRIC_LABEL[m])} type="number" min={0} step={1} inputMode="numeric" value={metrics[m]} onChange={(v) => setMetrics((all) => ({ ...all, [m]: v }))} error={errors.fields[m]} />
          ))}
        </div>
      </fieldset>
      <FormActions busy={busy} submitLabel={t('campaigns.posts.save')} onCancel={onCancel} />
    </form>
  );
}
