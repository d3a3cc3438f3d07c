import type { AgencyRow } from './agencies.repository.js';

/** The one JSON shape of an agency: the ministry's list is public, so everyone sees all of it. */
export function presentAgency(row: AgencyRow) {
  return {
    id: row.id,
    name: row.name,
    registrationNumber: row.registration_number,
    licenceNumber: row.licence_number,
    licenceDate: row.licence_date,
    address: row.address,
    listed: row.listed === 1,
    updatedAt: row.updated_at,
  };
}
