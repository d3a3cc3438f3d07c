import { useCallback } from 'react';
import { listCampaigns, type Campaign } from '../../api/campaigns.js';
import { FormError, Status } from '../../components/forms.js';
import { DataTable, LoadMore, usePagedList, type Column } from '../../components/lists.js';
import { Heading } from '../../components/Heading.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useFormat } from '../cases/fields.js';

/** The organisation's campaigns, the newest first, each opening on its posts. */
export default function CampaignsPage({ title }: PageProps) {
  const { t } = useI18n();
  const f = useFormat();
  const fetchPage = useCallback((cursor?: string) => listCampaigns({ limit: 50, cursor }), []);
  const list = usePagedList(fetchPage);
  const { items: campaigns, loading } = list;
  const error = list.error ? describeError(t, list.error) : null;
  const columns: Column<Campaign>[] = [
    {
      label: t('campaigns.field.name'),
      rowHeader: true,
      cell: (c) => (
        <>
          <Link to={`/campaigns/${encodeURIComponent(c.id)}`} className="cell-main">{c.name}</Link>
          <span className="cell-sub">{c.slug}</span>
        </>
      ),
    },
    { label: t('campaigns.field.dates'), cell: (c) => t('campaigns.period', { from: f.day(c.startsOn), to: f.day(c.endsOn) }) },
    { label: t('campaigns.field.languages'), cell: (c) => c.languages.map(f.language).join(', ') },
    { label: t('campaigns.field.pages'), cell: (c) => c.pages.map(f.language).join(', ') || '–' },
  ];

  return (
    <>
      <Heading>{title}</Heading>
      <p className="page-actions">
        <Link className="button" to="/campaigns/new">{t('campaigns.new.title')}</Link>
        <Link className="button secondary" to="/campaigns/stakeholders">{t('campaigns.stakeholders.manage')}</Link>
      </p>
      <Status message={loading ? t('common.loading') : error ? '' : t('campaigns.count', { n: campaigns.length })} />
      <FormError message={error} />
      <DataTable caption={title} columns={columns} rows={campaigns} rowKey={(c) => c.id} />
      <LoadMore list={list} />
    </>
  );
}
