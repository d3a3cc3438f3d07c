import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB, PartnersTable } from '../../db/schema.js';
import { registerEncryptedColumns } from '../../platform/crypto.js';

export type PartnerRow = Selectable<PartnersTable>;
type Executor = Kysely<DB> | Transaction<DB>;

registerEncryptedColumns({ table: 'partners', key: 'id', columns: ['contacts'] });

export interface PartnerFilter {
  kind?: string;
  sector?: string;
  country?: string;
  nameContains?: string;
  active?: boolean;
  after?: { name: string; id: string };
  limit: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export class PartnersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findById(id: string, ex: Executor = this.db): Promise<PartnerRow | undefined> {
    return ex.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIds(ids: readonly string[], ex: Executor = this.db): Promise<PartnerRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return ex.selectFrom('partners').selectAll().where('id', 'in', [...ids]).execute();
  }

  activeRefs(ex: Executor = this.db): Promise<Pick<PartnerRow, 'id' | 'name' | 'kind'>[]> {
    return ex.selectFrom('partners').select(['id', 'name', 'kind']).where('active', '=', 1).orderBy('name').orderBy('id').execute();
  }

  async insert(row: PartnerRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('partners').values(row).execute();
  }

  async update(id: string, changes: Updateable<PartnersTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('partners').set(changes).where('id', '=', id).execute();
  }

  list(f: PartnerFilter): Promise<PartnerRow[]> {
    let q = this.db.selectFrom('partners').selectAll().orderBy('name').orderBy('id').limit(f.limit);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.country) q = q.where('country', '=', f.country);
    // Sector ids are plain words, so their quoted form matches exactly one JSON array element.
    if (f.sector) q = q.where('sectors', 'like', `%"${f.sector}"%`);
    if (f.active !== undefined) q = q.where('active', '=', Number(f.active));
    if (f.nameContains) q = q.where(sql<boolean>`lower(name) like ${`%${likeEscape(f.nameContains.toLowerCase())}%`} escape '\\'`);
    if (f.after) {
      const { name, id } = f.after;
      q = q.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
    }
    return q.execute();
  }
}
