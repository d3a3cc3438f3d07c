import type { CampaignRow, PageRow, PostRow } from './campaigns.repository.js';

/**
 * The JSON shapes of campaigns, posts and pages. Campaign and coordinator staff see all of them
 * alike: a campaign holds no personal data.
 */
export function presentCampaign(row: CampaignRow, pages: readonly string[]) {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    languages: JSON.parse(row.languages) as string[],
    goals: JSON.parse(row.goals) as string[],
    audiences: JSON.parse(row.audiences) as string[],
    pages,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentPost(row: PostRow) {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    channel: row.channel,
    publishedAt: row.published_at,
    language: row.language,
    url: row.url,
    topic: row.topic,
    text: row.text,
    reach: row.reach,
    impressions: row.impressions,
    engagements: row.engagements,
    clicks: row.clicks,
    videoViews: row.video_views,
    externalId: row.external_id,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const publicPagePath = (lang: string, slug: string) => `/${lang}/campaigns/${slug}`;

export function presentPage(row: PageRow, slug: string) {
  return { campaignId: row.campaign_id, lang: row.lang, title: row.title, body: row.body, path: publicPagePath(row.lang, slug), createdAt: row.created_at, updatedAt: row.updated_at };
}
