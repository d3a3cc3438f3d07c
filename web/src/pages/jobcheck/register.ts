import { buildAgencyRegister } from '../../../../src/modules/jobcheck/agency-register.js';
import { listAgencies, type Agency } from '../../api/jobcheck.js';

/** What the register says of the agency name an operator typed. */
export type AgencyStatus =
  | { name: string; status: 'registered'; agency: Agency }
  | { name: string; status: 'not_registered' | 'unknown' }
  /** Nothing has been imported yet, so nothing can be said. */
  | { name: string; status: 'empty' };

/** As long as a server keeps the register before reading it again. */
const KEEP_MS = 60_000;
let loaded: { at: number; agencies: Promise<Agency[]> } | null = null;

/** Every listed agency (the ministry's list has some sixty), page by page. */
async function allAgencies(): Promise<Agency[]> {
  const agencies: Agency[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAgencies({ limit: 200, cursor });
    agencies.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return agencies;
}

/**
 * Looks a name up the way the check does (the same word-set comparison, so "POSAO PLUS DOO" finds
 * "Posao Plus d.o.o."), over the register downloaded once a minute at most.
 */
export async function lookUpAgency(name: string): Promise<AgencyStatus> {
  if (!loaded || Date.now() - loaded.at > KEEP_MS) {
    const agencies = allAgencies();
    loaded = { at: Date.now(), agencies };
    // A failed download is not kept: the next check tries again.
    agencies.catch(() => (loaded = null));
  }
  const agencies = await loaded.agencies;
  if (agencies.length === 0) return { name, status: 'empty' };
  const found = buildAgencyRegister(agencies)(name);
  if (found.status !== 'registered') return { name, status: found.status };
  const agency = agencies.find((a) => a.name === found.officialName && a.licenceNumber === found.licence) ?? agencies.find((a) => a.name === found.officialName)!;
  return { name, status: 'registered', agency };
}

/** Called after an import, so the next check reads the new register. */
export function forgetRegister(): void {
  loaded = null;
}
