import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, PublishedStatisticsTable } from '../../db/schema.js';

export type PublicationRow = Selectable<PublishedStatisticsTable>;

export class ReportsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertPublication(row: PublicationRow, trx: Transaction<DB>): Promise<void> {
    await trx.insertInto('published_statistics').values(row).execute();
  }

  /** Newest period first. */
  publications(): Promise<PublicationRow[]> {
    return this.db.selectFrom('published_statistics').selectAll().orderBy('period_to', 'desc').orderBy('period_from', 'desc').orderBy('id', 'desc').execute();
  }

  async deletePublication(id: string, trx: Transaction<DB>): Promise<boolean> {
    const r = await trx.deleteFrom('published_statistics').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
