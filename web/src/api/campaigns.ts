import type { CampaignReport } from '../../../src/modules/campaigns/campaign-export.js';
import type { presentCampaign, presentPage, presentPost } from '../../../src/modules/campaigns/campaigns.presenter.js';
import type { Channel } from '../../../src/modules/campaigns/campaigns.schemas.js';
import type { presentMaterial } from '../../../src/modules/campaigns/outreach.presenter.js';
import type { CARRIER_KINDS, MATERIAL_KINDS, PLACE_KINDS } from '../../../src/modules/campaigns/outreach.schemas.js';
import type { ImportResult as PostImportResult, RejectedRow } from '../../../src/modules/campaigns/post-import.service.js';
import { request, type Page, type Query } from './client.js';

export type Campaign = ReturnType<typeof presentCampaign>;
export type Post = ReturnType<typeof presentPost>;
export type CampaignPage = ReturnType<typeof presentPage>;
export type { CampaignReport, Channel, PostImportResult, RejectedRow };

/** A Record's keys in the order its numbers give. */
const ordered = <K extends string>(order: Record<K, number>) => (Object.keys(order) as K[]).sort((a, b) => order[a] - order[b]);

// The server's lists would bring its validation library into the bundle; the Records make the
// compiler insist on exactly the server's values all the same. The numbers give the order on screen.
const CHANNEL_ORDER: Record<Channel, number> = { facebook: 1, twitter: 2, instagram: 3, linkedin: 4, youtube: 5, tiktok: 6, website: 7, other: 8 };
export const CHANNEL_IDS = ordered(CHANNEL_ORDER);

export type Metric = 'reach' | 'impressions' | 'engagements' | 'clicks' | 'videoViews';
const METRIC_ORDER: Record<Metric, number> = { reach: 1, impressions: 2, engagements: 3, clicks: 4, videoViews: 5 };
export const METRIC_IDS = ordered(METRIC_ORDER);

export interface CampaignFields {
  name?: string;
  slug?: string;
  startsOn?: string;
  endsOn?: string;
  languages?: string[];
  goals?: string[];
  audiences?: string[];
}

export type PostFields = { channel?: Channel; publishedAt?: string; language?: string; url?: string; topic?: string; text?: string } & Partial<Record<Metric, number>>;

const base = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export const listCampaigns = (query: Query = {}) => request<Page<Campaign>>('GET', '/campaigns', { query });
export const getCampaign = (id: string) => request<Campaign>('GET', base(id));
export const createCampaign = (body: CampaignFields, idempotencyKey: string) => request<Campaign>('POST', '/campaigns', { body, idempotencyKey });
export const updateCampaign = (id: string, body: CampaignFields) => request<Campaign>('PATCH', base(id), { body });

export const listPosts = (id: string, query: Query = {}) => request<Page<Post>>('GET', `${base(id)}/posts`, { query });
export const createPost = (id: string, body: PostFields, idempotencyKey: string) => request<Post>('POST', `${base(id)}/posts`, { body, idempotencyKey });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A network's export as it is; the server recognises Meta Business Suite and X analytics files. */
export function importPosts(id: string, file: File, opts: { dryRun: boolean; skipInvalid: boolean; key?: string }) {
  const type = /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
  return request<PostImportResult>('POST', `${base(id)}/posts/imports`, {
    file: { data: file, type },
    query: { dryRun: opts.dryRun, skipInvalid: opts.skipInvalid },
    ...(opts.key ? { idempotencyKey: opts.key } : {}),
  });
}

export const getReport = (id: string) => request<CampaignReport>('GET', `${base(id)}/report`);
/** Downloads go through the browser, which sends the session cookie: a link, not a fetch. */
export const reportExportUrl = (id: string, format: 'csv' | 'xlsx' | 'pdf', lang: string) => `/api/v1${base(id)}/report/export?format=${format}&lang=${encodeURIComponent(lang)}`;

export const listPages = (id: string) => request<{ items: CampaignPage[] }>('GET', `${base(id)}/pages`);
export const getPage = (id: string, lang: string) => request<CampaignPage>('GET', `${base(id)}/pages/${encodeURIComponent(lang)}`);
export const putPage = (id: string, lang: string, body: { title: string; body: string }) => request<CampaignPage>('PUT', `${base(id)}/pages/${encodeURIComponent(lang)}`, { body });
/** The page as the public site will render it (the server's own Markdown rendering); nothing is stored. */
export const previewPage = (id: string, lang: string, body: { title: string; body: string }) =>
  request<{ title: string; html: string }>('POST', `${base(id)}/pages/${encodeURIComponent(lang)}/preview`, { body });

export type Material = ReturnType<typeof presentMaterial>;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export type CarrierKind = (typeof CARRIER_KINDS)[number];
export type PlaceKind = (typeof PLACE_KINDS)[number];
const MATERIAL_ORDER: Record<MaterialKind, number> = { leaflet: 1, poster: 2, booklet: 3, brochure: 4, card: 5, sticker: 6, other: 7 };
const CARRIER_ORDER: Record<CarrierKind, number> = { union: 1, school: 2, outreach_team: 3, ngo: 4, employer: 5, public_institution: 6, other: 7 };
const PLACE_ORDER: Record<PlaceKind, number> = { construction_site: 1, workplace: 2, workers_accommodation: 3, school: 4, event: 5, office: 6, public_space: 7, other: 8 };
export const MATERIAL_KIND_IDS = ordered(MATERIAL_ORDER);
export const CARRIER_KIND_IDS = ordered(CARRIER_ORDER);
export const PLACE_KIND_IDS = ordered(PLACE_ORDER);

export interface MaterialFields {
  kind?: MaterialKind;
  title?: string;
  language?: string;
  printRun?: number;
  printedOn?: string;
}
export interface DistributionFields {
  partner?: string;
  partnerKind?: CarrierKind;
  place?: string;
  placeKind?: PlaceKind;
  city?: string;
  quantity?: number;
  distributedOn?: string;
}

export const listMaterials = (id: string) => request<Page<Material>>('GET', `${base(id)}/materials`);
export const createMaterial = (id: string, body: MaterialFields, idempotencyKey: string) => request<Material>('POST', `${base(id)}/materials`, { body, idempotencyKey });
export const distributeMaterial = (id: string, materialId: string, body: DistributionFields, idempotencyKey: string) =>
  request<unknown>('POST', `${base(id)}/materials/${encodeURIComponent(materialId)}/distributions`, { body, idempotencyKey });
