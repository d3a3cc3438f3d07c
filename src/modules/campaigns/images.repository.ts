import type { Kysely, Selectable } from 'kysely';
import type { CampaignImagesTable, DB } from '../../db/schema.js';
import type { Executor } from './campaigns.repository.js';

export type ImageRow = Selectable<CampaignImagesTable>;
/** An image without its bytes: what lists and answers need. */
export type ImageInfo = Omit<ImageRow, 'data'>;

const INFO = ['id', 'campaign_id', 'name', 'width', 'height', 'bytes', 'alt', 'created_by', 'created_at'] as const;

export class ImagesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Stores the image unless the campaign already has one with its name (the same bytes); true when stored. */
  async insert(row: ImageRow, ex: Executor = this.db): Promise<boolean> {
    const r = await ex.insertInto('campaign_images').values(row).onConflict((oc) => oc.columns(['campaign_id', 'name']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  find(campaignId: string, id: string, ex: Executor = this.db): Promise<ImageInfo | undefined> {
    return ex.selectFrom('campaign_images').select(INFO).where('campaign_id', '=', campaignId).where('id', '=', id).executeTakeFirst();
  }

  findByName(campaignId: string, name: string, ex: Executor = this.db): Promise<ImageInfo | undefined> {
    return ex.selectFrom('campaign_images').select(INFO).where('campaign_id', '=', campaignId).where('name', '=', name).executeTakeFirst();
  }

  /** Newest first. */
  list(campaignId: string): Promise<ImageInfo[]> {
    return this.db.selectFrom('campaign_images').select(INFO).where('campaign_id', '=', campaignId).orderBy('id', 'desc').execute();
  }

  async delete(id: string, ex: Executor = this.db): Promise<void> {
    await ex.deleteFrom('campaign_images').where('id', '=', id).execute();
  }

  /** The bytes behind a public address; any campaign's copy will do, they are the same bytes. */
  async data(name: string): Promise<Buffer | undefined> {
    const row = await this.db.selectFrom('campaign_images').select('data').where('name', '=', name).limit(1).executeTakeFirst();
    return row ? Buffer.from(row.data) : undefined;
  }
}
