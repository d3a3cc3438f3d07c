import type { Kysely, Selectable, Updateable } from 'kysely';
import type { CampaignDistributionsTable, CampaignMaterialsTable, DB } from '../../db/schema.js';
import type { Dialect } from '../../db/database.js';
import type { Executor } from './campaigns.repository.js';

export type MaterialRow = Selectable<CampaignMaterialsTable>;
export type DistributionRow = Selectable<CampaignDistributionsTable>;

export class MaterialsRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  async insert(row: MaterialRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('campaign_materials').values(row).execute();
  }

  async update(id: string, changes: Updateable<CampaignMaterialsTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('campaign_materials').set(changes).where('id', '=', id).execute();
  }

  /**
   * The material; with `lock`, PostgreSQL holds the row until the transaction ends, so two
   * distributions at once cannot both take the last copies (SQLite runs one writer at a time).
   */
  find(campaignId: string, id: string, ex: Executor = this.db, lock = false): Promise<MaterialRow | undefined> {
    let q = ex.selectFrom('campaign_materials').selectAll().where('campaign_id', '=', campaignId).where('id', '=', id);
    if (lock && this.dialect === 'postgres') q = q.forUpdate();
    return q.executeTakeFirst();
  }

  list(campaignId: string): Promise<MaterialRow[]> {
    return this.db.selectFrom('campaign_materials').selectAll().where('campaign_id', '=', campaignId).orderBy('id').execute();
  }

  /** Copies distributed so far, per material. */
  async distributed(materialIds: readonly string[], ex: Executor = this.db): Promise<Map<string, number>> {
    if (materialIds.length === 0) return new Map();
    const rows = await ex
      .selectFrom('campaign_distributions')
      .select((eb) => ['material_id', eb.fn.sum<number>('quantity').as('n')])
      .where('material_id', 'in', [...materialIds])
      .groupBy('material_id')
      .execute();
    return new Map(rows.map((r) => [r.material_id, Number(r.n)]));
  }

  async insertDistribution(row: DistributionRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('campaign_distributions').values(row).execute();
  }

  async deleteDistribution(materialId: string, id: string, ex: Executor = this.db): Promise<boolean> {
    const r = await ex.deleteFrom('campaign_distributions').where('material_id', '=', materialId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  distributionsOfMaterial(materialId: string): Promise<DistributionRow[]> {
    return this.db.selectFrom('campaign_distributions').selectAll().where('material_id', '=', materialId).orderBy('distributed_on').orderBy('id').execute();
  }

  distributionsOfCampaign(campaignId: string): Promise<DistributionRow[]> {
    return this.db.selectFrom('campaign_distributions').selectAll().where('campaign_id', '=', campaignId).orderBy('distributed_on').orderBy('id').execute();
  }
}
