import type { Migration } from 'kysely';
import * as platform from './20261128_0001_platform.js';
import * as totpReplay from './20261128_0002_totp_replay.js';
import * as helpline from './20261128_0004_helpline.js';
import * as cases from './20261128_0005_cases.js';
import * as partners from './20261128_0006_partners.js';
import * as campaigns from './20261128_0007_campaigns.js';
import * as reports from './20261128_0008_reports.js';
import * as agencies from './20261128_0009_agencies.js';
import * as contactDayCounts from './20261129_0010_contact_day_counts.js';
import * as stakeholderPartners from './20261129_0011_stakeholder_partners.js';
import * as campaignImages from './20261129_0012_campaign_images.js';

// Every migration, in order; each runs on SQLite and PostgreSQL alike.
export const migrations: Record<string, Migration> = {
  '20261128_0001_platform': platform,
  '20261128_0002_totp_replay': totpReplay,
  '20261128_0004_helpline': helpline,
  '20261128_0005_cases': cases,
  '20261128_0006_partners': partners,
  '20261128_0007_campaigns': campaigns,
  '20261128_0008_reports': reports,
  '20261128_0009_agencies': agencies,
  '20261129_0010_contact_day_counts': contactDayCounts,
  '20261129_0011_stakeholder_partners': stakeholderPartners,
  '20261129_0012_campaign_images': campaignImages,
};
