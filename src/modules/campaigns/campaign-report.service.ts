import { localDate } from '../../platform/time.js';
import type { ContactsService } from '../helpline/contacts.service.js';
import { campaignNarrative } from './campaign-narrative.js';
import { impactWindows, type ImpactFigures } from './campaign-report.js';
import type { CampaignsService } from './campaigns.service.js';
import type { EventsService } from './events.service.js';
import type { MaterialsService } from './materials.service.js';
import type { RecommendationsService } from './recommendations.service.js';

/**
 * `GET /api/v1/campaigns/:id/report`: the campaign's outreach in figures and as a paragraph for
 * donors. It counts posts, visits, copies, events and recommendations; from the helpline only
 * how many contacts named the campaign as how they heard of it, through the helpline's service.
 */
export class CampaignReportService {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly materials: MaterialsService,
    private readonly events: EventsService,
    private readonly recommendations: RecommendationsService,
    private readonly helpline: Pick<ContactsService, 'countHeardAboutBetween'>,
    private readonly timeZone: string,
  ) {}

  /** Helpline contacts that named the campaign, before, during and after it (see impactWindows). */
  async impact(campaign: { slug: string; startsOn: string; endsOn: string }): Promise<ImpactFigures> {
    const { days, ...windows } = impactWindows(campaign.startsOn, campaign.endsOn);
    const today = localDate(Date.now(), this.timeZone);
    const count = async (w: { from: string; to: string }) => ({ ...w, contacts: await this.helpline.countHeardAboutBetween(campaign.slug, w.from, w.to), ongoing: w.to >= today });
    const [before, during, after] = await Promise.all([count(windows.before), count(windows.during), count(windows.after)]);
    return { heardAbout: campaign.slug, days, before, during, after };
  }

  async report(campaignId: string) {
    const { campaign, posts, visits } = await this.campaigns.postsAndVisits(campaignId);
    const [materials, events, publications, impact] = await Promise.all([
      this.materials.figures(campaignId), this.events.figures(campaignId), this.recommendations.figures(campaignId), this.impact(campaign),
    ]);
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
      impact,
      narrative: campaignNarrative({
        posts, pageViews: visits.pageViews, materials, events, impact,
        publication: { title: { 'sr-Latn': titles['sr-Latn'][0], en: titles.en[0] }, recommendations: recommendations.recommendations, fromTopics: recommendations.fromTopics },
      }),
    };
  }
}
