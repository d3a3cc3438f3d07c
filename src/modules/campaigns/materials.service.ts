import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from './access.js';
import { invalidFields, notFound, parseOr400 } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { materialFigures } from './campaign-report.js';
import type { CampaignsService } from './campaigns.service.js';
import type { Executor } from './campaigns.repository.js';
import { MaterialsRepository, type DistributionRow, type MaterialRow } from './materials.repository.js';
import { ZCreateDistributionRequest, ZCreateMaterialRequest, ZUpdateMaterialRequest } from './outreach.schemas.js';
import { presentDistribution, presentMaterial } from './outreach.presenter.js';

/** Printed materials per language and print run, and the distributions that carry them to readers. */
export class MaterialsService {
  private readonly repo: MaterialsRepository;

  constructor(
    private readonly ctx: AppContext,
    private readonly campaigns: CampaignsService,
  ) {
    this.repo = new MaterialsRepository(ctx.db, ctx.dialect);
  }

  private async materialRow(campaignId: string, id: string, ex?: Executor, lock = false): Promise<MaterialRow> {
    const row = await this.repo.find(campaignId, id, ex, lock);
    if (!row) throw notFound('Material');
    return row;
  }

  private async present(row: MaterialRow, ex?: Executor) {
    return presentMaterial(row, (await this.repo.distributed([row.id], ex)).get(row.id) ?? 0);
  }

  async create(campaignId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateMaterialRequest, input);
    await this.campaigns.campaignRow(campaignId, trx);
    const at = nowIso();
    const row: MaterialRow = {
      id: newId(), campaign_id: campaignId, kind: req.kind, title: req.title, language: req.language, print_run: req.printRun,
      printed_on: req.printedOn ?? null, notes: req.notes ?? null, created_by: actor.userId, created_at: at, updated_at: at,
    };
    await this.repo.insert(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.material.created', targetType: 'campaign_material', targetId: row.id, details: { campaignId } }, trx);
    return presentMaterial(row, 0);
  }

  async list(campaignId: string) {
    await this.campaigns.campaignRow(campaignId);
    const rows = await this.repo.list(campaignId);
    const distributed = await this.repo.distributed(rows.map((r) => r.id));
    return { items: rows.map((r) => presentMaterial(r, distributed.get(r.id) ?? 0)), nextCursor: null };
  }

  async get(campaignId: string, id: string) {
    const row = await this.materialRow(campaignId, id);
    return { ...(await this.present(row)), distributions: (await this.repo.distributionsOfMaterial(id)).map(presentDistribution) };
  }

  /** A print run may grow or shrink, never below what has already gone out. */
  async update(campaignId: string, id: string, input: unknown, actor: Actor) {
    const req = parseOr400(ZUpdateMaterialRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      await this.materialRow(campaignId, id, trx, true);
      const distributed = (await this.repo.distributed([id], trx)).get(id) ?? 0;
      if (req.printRun !== undefined && req.printRun < distributed) throw invalidFields([{ field: 'printRun', message: `${distributed} copies have been distributed already` }]);
      await this.repo.update(id, {
        ...(req.kind !== undefined ? { kind: req.kind } : {}),
        ...(req.title !== undefined ? { title: req.title } : {}),
        ...(req.language !== undefined ? { language: req.language } : {}),
        ...(req.printRun !== undefined ? { print_run: req.printRun } : {}),
        ...(req.printedOn !== undefined ? { printed_on: req.printedOn } : {}),
        ...(req.notes !== undefined ? { notes: req.notes } : {}),
        updated_at: nowIso(),
      }, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.material.updated', targetType: 'campaign_material', targetId: id, details: { campaignId, fields: Object.keys(req) } }, trx);
      return this.present(await this.materialRow(campaignId, id, trx), trx);
    });
  }

  /** Records copies handed to a partner; more than are left in stock is refused. */
  async distribute(campaignId: string, materialId: string, input: unknown, actor: Actor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateDistributionRequest, input);
    const material = await this.materialRow(campaignId, materialId, trx, true);
    const inStock = material.print_run - ((await this.repo.distributed([materialId], trx)).get(materialId) ?? 0);
    if (req.quantity > inStock) throw invalidFields([{ field: 'quantity', message: `only ${inStock} copies are left in stock` }]);
    const row: DistributionRow = {
      id: newId(), material_id: materialId, campaign_id: campaignId, partner: req.partner, partner_kind: req.partnerKind, place: req.place, place_kind: req.placeKind,
      city: req.city ?? null, quantity: req.quantity, distributed_on: req.distributedOn, notes: req.notes ?? null, created_by: actor.userId, created_at: nowIso(),
    };
    await this.repo.insertDistribution(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.material.distributed', targetType: 'campaign_material', targetId: materialId, details: { campaignId, quantity: req.quantity } }, trx);
    return presentDistribution(row);
  }

  async deleteDistribution(campaignId: string, materialId: string, id: string, actor: Actor): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.materialRow(campaignId, materialId, trx);
      if (!(await this.repo.deleteDistribution(materialId, id, trx))) throw notFound('Distribution');
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.material.distribution_deleted', targetType: 'campaign_material', targetId: materialId, details: { campaignId, distributionId: id } }, trx);
    });
  }

  async figures(campaignId: string) {
    const [materials, distributions] = await Promise.all([this.repo.list(campaignId), this.repo.distributionsOfCampaign(campaignId)]);
    return materialFigures(materials, distributions);
  }
}
