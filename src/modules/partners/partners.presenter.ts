import type { PartnerContact } from './partners.service.js';
import type { PartnerRow } from './partners.repository.js';

/**
 * The one JSON shape of a partner. Everyone who may read the directory sees the whole entry:
 * its contacts are the organisation's working contacts, there to be used.
 */
export function presentPartner(row: PartnerRow, contacts: PartnerContact[]) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    sectors: JSON.parse(row.sectors) as string[],
    country: row.country,
    city: row.city,
    languages: JSON.parse(row.languages) as string[],
    website: row.website,
    contacts,
    active: Boolean(row.active),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** How a case file names a partner it refers to. */
export const partnerRef = (row: Pick<PartnerRow, 'id' | 'name' | 'kind'>) => ({ id: row.id, name: row.name, kind: row.kind });
