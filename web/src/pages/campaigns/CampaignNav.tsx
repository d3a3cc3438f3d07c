import { useCallback, useEffect, useState } from 'react';
import { getCampaign, type Campaign, type Channel } from '../../api/campaigns.js';
import { FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { describeError } from '../../errors.js';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n.js';
import { Link, usePath } from '../../router.js';
import { useFormat } from '../cases/fields.js';

/** A campaign's pages: each is a tab of the campaign, reached from its heading. */
const SECTION: readonly { path: string; title: MessageKey }[] = [
  { path: '', title: 'campaigns.tab.posts' },
  { path: '/import', title: 'campaigns.tab.import' },
  { path: '/report', title: 'campaigns.tab.report' },
  { path: '/pages', title: 'campaigns.tab.pages' },
  { path: '/materials', title: 'campaigns.tab.materials' },
  { path: '/events', title: 'campaigns.tab.events' },
  { path: '/recommendations', title: 'campaigns.tab.recommendations' },
  { path: '/edit', title: 'campaigns.tab.edit' },
];

export const channelLabel = (t: Translate, channel: string) => t(`campaign.channel.${channel as Channel}`);

/** The campaign a page is about, loaded once; `reload` after a change that alters it. */
export function useCampaign(id: string) {
  const { t } = useI18n();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    getCampaign(id).then(setCampaign, (e: unknown) => setError(describeError(t, e)));
  }, [id, t]);
  useEffect(reload, [reload]);
  return { campaign, error, reload };
}

/**
 * The heading every page of a campaign shares: its name, its dates, and the tabs. While the
 * campaign loads (or when it cannot be), the page shows only that.
 */
export function CampaignHeader({ campaign, error }: { campaign: Campaign | null; error: string | null }) {
  const { t } = useI18n();
  const { day } = useFormat();
  const path = usePath();
  if (!campaign) {
    return (
      <>
        <FormError message={error} />
        <Status message={error ? '' : t('common.loading')} />
      </>
    );
  }
  const base = `/campaigns/${encodeURIComponent(campaign.id)}`;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/campaigns">{t('nav.campaigns')}</Link>
      </p>
      <Heading>{campaign.name}</Heading>
      <p className="lead">{t('campaigns.period', { from: day(campaign.startsOn), to: day(campaign.endsOn) })}</p>
      <nav className="section-nav" aria-label={t('campaigns.nav', { name: campaign.name })}>
        <ul>
          {SECTION.map((s) => (
            <li key={s.path}>
              <Link to={base + s.path} aria-current={path === base + s.path ? 'page' : undefined}>{t(s.title)}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
