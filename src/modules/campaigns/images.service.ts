import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { invalidFields, notFound, parseOr400 } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Actor } from './access.js';
import type { CampaignsService } from './campaigns.service.js';
import { ImagesRepository, type ImageInfo } from './images.repository.js';

/** The largest upload: a phone's photo is 2–8 MB. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
/** Wider than the page's text column on any screen; larger images are scaled down, never up. */
export const IMAGE_MAX_WIDTH = 1200;
/** A 64-megapixel photo is larger than phones take; a small file that claims more is a decompression bomb. */
const IMAGE_MAX_PIXELS = 64 * 1024 * 1024;
/** The public address of the images, under the public site. */
export const MEDIA_PREFIX = '/media/campaigns/';
/** A stored image's name: the first 128 bits of the SHA-256 of its bytes, in hex, and the extension. */
export const IMAGE_NAME = /^[0-9a-f]{32}\.webp$/;

export const NOT_AN_IMAGE = 'must be a JPEG, PNG, WebP or GIF image';
export const TOO_LARGE = `must be at most ${IMAGE_MAX_BYTES / 1024 / 1024} MB`;

export const ZImageQuery = z.object({
  alt: z
    .string()
    .trim()
    .max(300, { message: 'must be at most 300 characters' })
    .regex(/^[^\r\n]*$/, { message: 'must be one line' })
    .optional(),
});
export const ZImageParams = z.object({ id: z.string().min(1).max(64), imageId: z.string().min(1).max(64) });

/**
 * The formats accepted, recognised by their first bytes rather than the type the browser names,
 * so that nothing else (SVG above all, which may carry script) ever reaches the decoder.
 */
function isAcceptedFormat(b: Buffer): boolean {
  const ascii = (from: number, to: number) => b.subarray(from, to).toString('latin1');
  return (
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || // JPEG
    ascii(0, 8) === '\x89PNG\r\n\x1a\n' ||
    ascii(0, 6) === 'GIF87a' ||
    ascii(0, 6) === 'GIF89a' ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
  );
}

export interface EncodedImage {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes an upload, turns it upright, scales it to at most IMAGE_MAX_WIDTH pixels wide and
 * re-encodes it as WebP. The output carries no metadata at all: no EXIF, no GPS position, no
 * camera or owner, so a photo never tells where or by whom it was taken. An animated GIF or WebP
 * keeps its first frame.
 */
export async function reencodeImage(input: Buffer): Promise<EncodedImage> {
  if (!isAcceptedFormat(input)) throw invalidFields([{ field: 'file', message: NOT_AN_IMAGE }]);
  try {
    // 'error' refuses broken pixel data but not the harmless warnings many phones' JPEGs raise.
    const { data, info } = await sharp(input, { failOn: 'error', limitInputPixels: IMAGE_MAX_PIXELS, autoOrient: true })
      .resize({ width: IMAGE_MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (err) {
    const tooMany = err instanceof Error && /pixel limit/i.test(err.message);
    throw invalidFields([{ field: 'file', message: tooMany ? 'has too many pixels (at most 64 megapixels)' : NOT_AN_IMAGE }]);
  }
}

/** `![alt](url)`, the alt text escaped so that it cannot end the image early. */
export function imageMarkdown(alt: string | null, url: string): string {
  return `![${(alt ?? '').replace(/[\\[\]]/g, (c) => `\\${c}`)}](${url})`;
}

export function presentImage(row: ImageInfo) {
  const url = MEDIA_PREFIX + row.name;
  return { id: row.id, name: row.name, url, width: row.width, height: row.height, bytes: row.bytes, alt: row.alt, markdown: imageMarkdown(row.alt, url), createdAt: row.created_at };
}

/** Images for a campaign's public pages, stored in the database so a backup holds them. */
export class ImagesService {
  readonly repo: ImagesRepository;

  constructor(
    private readonly ctx: AppContext,
    private readonly campaigns: CampaignsService,
  ) {
    this.repo = new ImagesRepository(ctx.db);
  }

  /** Stores the upload re-encoded; the same image uploaded again is the one already stored (`created: false`). */
  async upload(campaignId: string, body: Buffer, query: unknown, actor: Actor) {
    const { alt } = parseOr400(ZImageQuery, query);
    await this.campaigns.campaignRow(campaignId);
    const image = await reencodeImage(body);
    const name = `${createHash('sha256').update(image.data).digest('hex').slice(0, 32)}.webp`;
    return this.ctx.db.transaction().execute(async (trx) => {
      await this.campaigns.campaignRow(campaignId, trx);
      const row = {
        id: newId(), campaign_id: campaignId, name, width: image.width, height: image.height, bytes: image.data.length,
        data: image.data, alt: alt || null, created_by: actor.userId, created_at: nowIso(),
      };
      // Uploaded before, or by someone else at the same moment: the image already stored.
      if (!(await this.repo.insert(row, trx))) {
        const existing = (await this.repo.findByName(campaignId, name, trx))!;
        return { created: false, image: { ...presentImage(existing), markdown: imageMarkdown(alt || existing.alt, MEDIA_PREFIX + name) } };
      }
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.image.uploaded', targetType: 'campaign_image', targetId: row.id, details: { campaignId, name, width: row.width, height: row.height, bytes: row.bytes } }, trx);
      return { created: true, image: presentImage(row) };
    });
  }

  async list(campaignId: string) {
    await this.campaigns.campaignRow(campaignId);
    return { items: (await this.repo.list(campaignId)).map(presentImage), nextCursor: null };
  }

  async delete(campaignId: string, imageId: string, actor: Actor): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const row = await this.repo.find(campaignId, imageId, trx);
      if (!row) throw notFound('Image');
      await this.repo.delete(imageId, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'campaign.image.deleted', targetType: 'campaign_image', targetId: imageId, details: { campaignId, name: row.name } }, trx);
    });
  }

  /** The bytes of a public address, or undefined for a name no campaign holds. */
  publicImage(name: string): Promise<Buffer | undefined> {
    return IMAGE_NAME.test(name) ? this.repo.data(name) : Promise.resolve(undefined);
  }
}
