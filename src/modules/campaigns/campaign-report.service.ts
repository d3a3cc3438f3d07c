import { campaignNarrative } from './campaign-narrative.js';
import type { CampaignsService } from './campaigns.service.js';
import type { EventsService } from './events.service.js';
import type { MaterialsService } from './materials.service.js';
import type { RecommendationsService } from './recommendations.service.js';

/**
 * `GET /api/v1/campaigns/:id/report`: the campaign's outreach in figures and as a paragraph for
 * donors. It counts posts, visits, copies, events and recommendations, and nothing from the
 * helpline or case files.
 */
export class CampaignReportService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly materials: MaterialsService,
    private readonly events: EventsService,
    private readonly recommendations: RecommendationsService,
  ) {}

  async report(campaignId: string) {
    const { campaign, posts, visits } = await this.campaigns.postsAndVisits(campaignId);
    const [materials, events, publications] = await Promise.all([this.materials.figures(campaignId), this.events.figures(campaignId), this.recommendations.figures(campaignId)]);
    const { titles, ...recommendations } = publications;
    return {
      campaign,
      posts,
      pageViews: visits.pageViews,
      uniqueVisitors: visits.uniqueVisitors,
      visits: visits.days,
      materials,
      events,
      recommendations,
      narrative: campaignNarrative({
        posts, pageViews: visits.pageViews, materials, events,
        publication: { title: { 'sr-Latn': titles['sr-Latn'][0], en: titles.en[0] }, recommendations: recommendations.recommendations, fromTopics: recommendations.fromTopics },
      }),
    };
  }
}
