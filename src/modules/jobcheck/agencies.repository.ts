import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { AgenciesTable, DB } from '../../db/schema.js';

export type AgencyRow = Selectable<AgenciesTable>;
type Executor = Kysely<DB> | Transaction<DB>;

export class AgenciesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The whole register, delisted agencies included, for an import to compare a new list with. */
  all(ex: Executor = this.db): Promise<AgencyRow[]> {
    return ex.selectFrom('agencies').selectAll().execute();
  }

  listed(ex: Executor = this.db): Promise<AgencyRow[]> {
    return ex.selectFrom('agencies').selectAll().where('listed', '=', 1).execute();
  }

  async insert(rows: readonly AgencyRow[], ex: Executor): Promise<void> {
    // A few hundred rows at a time keeps each statement under both databases' parameter limits.
    for (let i = 0; i < rows.length; i += 500) await ex.insertInto('agencies').values(rows.slice(i, i + 500)).execute();
  }

  async update(id: string, changes: Updateable<AgenciesTable>, ex: Executor): Promise<void> {
    await ex.updateTable('agencies').set(changes).where('id', '=', id).execute();
  }

  async delist(ids: readonly string[], at: string, ex: Executor): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) await ex.updateTable('agencies').set({ listed: 0, updated_at: at }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}
