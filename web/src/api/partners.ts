import type { presentPartner } from '../../../src/modules/partners/partners.presenter.js';
import type { PARTNER_KINDS } from '../../../src/modules/partners/partners.schemas.js';
import type { PartnerContact } from '../../../src/modules/partners/partners.service.js';
import { request, type Page } from './client.js';

export type Partner = ReturnType<typeof presentPartner>;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type { PartnerContact };

// The server's list would bring its validation library into the bundle; the Record makes the compiler
// insist on exactly the server's kinds all the same. The values give the order on screen.
const ORDER: Record<PartnerKind, number> = {
  labour_inspection: 1, police: 2, prosecutor: 3, state_centre: 4, social_welfare: 5, employment_service: 6, union: 7, shelter: 8,
  embassy: 9, ngo: 10, international_organisation: 11, legal_aid: 12, health: 13, local_government: 14, employer: 15, other: 16,
};
export const PARTNER_KIND_IDS = (Object.keys(ORDER) as PartnerKind[]).sort((a, b) => ORDER[a] - ORDER[b]);

export interface PartnerFields {
  name?: string;
  kind?: PartnerKind;
  country?: string;
  city?: string | null;
  sectors?: string[];
  languages?: string[];
  website?: string | null;
  contacts?: PartnerContact[];
  active?: boolean;
}

export type PartnerQuery = {
  kind?: string;
  sector?: string;
  country?: string;
  q?: string;
  active?: 'true' | 'false' | 'all';
  limit?: number;
  cursor?: string;
};

export const listPartners = (query: PartnerQuery = {}) => request<Page<Partner>>('GET', '/partners', { query });

/** Every partner the query finds, page after page (the directory is a few hundred entries at most). */
export async function allPartners(query: Omit<PartnerQuery, 'cursor' | 'limit'> = {}): Promise<Partner[]> {
  const partners: Partner[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPartners({ ...query, limit: 200, cursor });
    partners.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return partners;
}

export const createPartner = (body: PartnerFields, idempotencyKey: string) => request<Partner>('POST', '/partners', { body, idempotencyKey });

export const updatePartner = (id: string, body: PartnerFields) => request<Partner>('PATCH', `/partners/${encodeURIComponent(id)}`, { body });
