import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { parseOr400 } from '../../platform/errors.js';
import { buildAgencyRegister, foldName, nameWords } from './agency-register.js';
import { presentAgency } from './agencies.presenter.js';
import { AgenciesRepository, type AgencyRow } from './agencies.repository.js';
import type { AgencyRegister } from './engine/types.js';

/**
 * How long a server keeps the register it loaded before reading it again. An import refreshes the
 * server that ran it at once; other servers sharing the database follow within this time.
 */
export const REGISTER_REFRESH_MS = 60_000;

export const ZAgencyListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

interface Loaded {
  at: number;
  rows: AgencyRow[];
  register: AgencyRegister | undefined;
}

/** Does a search match an agency: every word of it begins a word of the name, or it is part of a number. */
function matches(row: AgencyRow, q: string): boolean {
  const digits = q.replace(/\D/g, '');
  if (digits.length >= 3 && (row.registration_number.includes(digits) || row.licence_number.replace(/\D/g, '').includes(digits))) return true;
  const words = foldName(row.name).split(/[^\p{L}\p{N}]+/u);
  const wanted = nameWords(q);
  return wanted.length > 0 && wanted.every((w) => words.some((n) => n.startsWith(w)));
}

/**
 * The register of licensed employment agencies. The check looks agencies up many times a minute,
 * so the listed agencies are kept in memory and read again after an import or after a minute.
 */
export class AgenciesService {
  readonly repo: AgenciesRepository;
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;

  constructor(
    ctx: AppContext,
    private readonly now: () => number = Date.now,
  ) {
    this.repo = new AgenciesRepository(ctx.db);
  }

  private async current(): Promise<Loaded> {
    if (this.loaded && this.now() - this.loaded.at < REGISTER_REFRESH_MS) return this.loaded;
    this.loading ??= this.repo
      .listed()
      .then((unsorted) => {
        // Sorted here, by code point, so list cursors compare names the same way on both databases.
        const rows = unsorted.sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
        // An empty register knows nothing: the check then says nothing about agencies.
        this.loaded = { at: this.now(), rows, register: rows.length > 0 ? buildAgencyRegister(rows.map((r) => ({ name: r.name, registrationNumber: r.registration_number, licenceNumber: r.licence_number }))) : undefined };
        return this.loaded;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** The engine's lookup over the listed agencies, or undefined while the register is empty. */
  async register(): Promise<AgencyRegister | undefined> {
    return (await this.current()).register;
  }

  /** Called once an import has committed. */
  forget(): void {
    this.loaded = null;
  }

  async list(query: unknown) {
    const { q, limit, cursor } = parseOr400(ZAgencyListQuery, query);
    const { rows } = await this.current();
    const after = cursor ? decodeCursor(cursor, 2) : null;
    const found = rows.filter((r) => (!q || matches(r, q)) && (!after || r.name > after[0]! || (r.name === after[0] && r.id > after[1]!)));
    const page = found.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(presentAgency), nextCursor: found.length > limit && last ? encodeCursor([last.name, last.id]) : null };
  }
}
