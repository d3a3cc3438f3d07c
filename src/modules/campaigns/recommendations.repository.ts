import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB, RecommendationPublicationsTable, RecommendationsTable } from '../../db/schema.js';
import type { Executor } from './campaigns.repository.js';

export type PublicationRow = Selectable<RecommendationPublicationsTable>;
export type RecommendationRow = Selectable<RecommendationsTable>;

export class RecommendationsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertPublication(row: PublicationRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('recommendation_publications').values(row).execute();
  }

  async updatePublication(id: string, changes: Updateable<RecommendationPublicationsTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('recommendation_publications').set(changes).where('id', '=', id).execute();
  }

  findPublication(campaignId: string, id: string, ex: Executor = this.db): Promise<PublicationRow | undefined> {
    return ex.selectFrom('recommendation_publications').selectAll().where('campaign_id', '=', campaignId).where('id', '=', id).executeTakeFirst();
  }

  findPublicationBySlug(slug: string, ex: Executor = this.db): Promise<PublicationRow | undefined> {
    return ex.selectFrom('recommendation_publications').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  listPublications(campaignId: string, ex: Executor = this.db): Promise<PublicationRow[]> {
    return ex.selectFrom('recommendation_publications').selectAll().where('campaign_id', '=', campaignId).orderBy('created_at').orderBy('id').execute();
  }

  async insertRecommendation(row: RecommendationRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('recommendations').values(row).execute();
  }

  async updateRecommendation(id: string, changes: Updateable<RecommendationsTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('recommendations').set(changes).where('id', '=', id).execute();
  }

  async deleteRecommendation(publicationId: string, id: string, ex: Executor = this.db): Promise<boolean> {
    const r = await ex.deleteFrom('recommendations').where('publication_id', '=', publicationId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  findRecommendation(publicationId: string, id: string, ex: Executor = this.db): Promise<RecommendationRow | undefined> {
    return ex.selectFrom('recommendations').selectAll().where('publication_id', '=', publicationId).where('id', '=', id).executeTakeFirst();
  }

  /** In the publication's order. */
  recommendationsOf(publicationIds: readonly string[], ex: Executor = this.db): Promise<RecommendationRow[]> {
    if (publicationIds.length === 0) return Promise.resolve([]);
    return ex.selectFrom('recommendations').selectAll().where('publication_id', 'in', [...publicationIds]).orderBy('position').orderBy('created_at').orderBy('id').execute();
  }
}
