import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { readTable, UnreadableFile, type TabularRow } from '../../platform/tabular.js';
import { localDate } from '../../platform/time.js';
import type { PostRow } from './campaigns.repository.js';
import { ZCreatePostRequest, type TCreatePostRequest } from './campaigns.schemas.js';
import { postColumns, type CampaignsService } from './campaigns.service.js';
import { columnsFor, countOf, detectFormat, exportTime, normaliseHeader, type ExportFormat } from './post-import.formats.js';

export interface RejectedRow {
  /** The file's line (CSV) or the sheet's row (XLSX); the header is 1. */
  row: number;
  /** The column as the file names it, or (file) / (row). */
  field: string;
  message: string;
}

export interface ImportResult {
  format: ExportFormat['id'] | null;
  channel: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Posts published outside the campaign's dates: a page's export holds all its posts, and only the campaign's count. */
  outsidePeriod: number;
  /** Bad rows left out because the request said skipInvalid=true. */
  skipped: number;
  rejected: RejectedRow[];
}

export interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
}

interface PlannedPost {
  externalId: string;
  post: TCreatePostRequest;
}

const TEXT_MAX = 5000;
const FIELDS = ['url', 'text', 'reach', 'impressions', 'engagements', 'clicks', 'videoViews'] as const;

const rejectedFile = (result: ImportResult) =>
  new AppError(422, 'import_rejected', `Nothing was imported: ${new Set(result.rejected.map((r) => r.row)).size} row(s) need correcting, or send skipInvalid=true to leave them out.`, result);

const emptyResult = (format: ExportFormat | undefined, rows: number, rejected: RejectedRow[]): ImportResult => ({
  format: format?.id ?? null, channel: format?.channel ?? null, rows, created: 0, updated: 0, unchanged: 0, outsidePeriod: 0, skipped: 0, rejected,
});

/**
 * Imports post metrics from a network's export into a campaign. A post seen before (the same
 * network post id) is updated rather than added again, so a later export refreshes the figures.
 * A file with bad rows changes nothing, unless the request asks to skip them.
 */
export class PostImportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly campaigns: CampaignsService,
  ) {}

  /** Reads the body as the type it was sent as; a file that is not what it claims is a 422 like any bad row. */
  async readFile(body: Buffer, type: 'csv' | 'xlsx'): Promise<TabularRow[]> {
    try {
      return await readTable(body, type);
    } catch (err) {
      if (err instanceof UnreadableFile) throw rejectedFile(emptyResult(undefined, 0, [{ row: err.line, field: '(file)', message: err.message }]));
      throw err;
    }
  }

  /** Plans the import and, unless it is a dry run, carries it out in the caller's transaction. */
  async run(campaignId: string, rows: readonly TabularRow[], opts: ImportOptions, actorId: string, trx: Transaction<DB>): Promise<ImportResult> {
    const campaign = await this.campaigns.campaignRow(campaignId, trx);
    const [header, ...data] = rows;
    if (!header) throw rejectedFile(emptyResult(undefined, 0, [{ row: 1, field: '(file)', message: 'the file is empty; the first row must name the columns' }]));
    const names = header.cells.map(normaliseHeader);
    const format = detectFormat(names);
    if (!format) {
      throw rejectedFile(emptyResult(undefined, data.length, [{
        row: header.line, field: '(file)',
        message: 'not a Meta Business Suite post export (Post ID, Publish time, Page ID or Account ID) or an X/Twitter analytics export (Tweet id, time, impressions)',
      }]));
    }

    const { planned, rejected } = this.read(format, header, data);
    const result = emptyResult(format, data.length, rejected);
    if (rejected.length && !opts.skipInvalid) throw rejectedFile(result);
    result.skipped = new Set(rejected.map((r) => r.row)).size;

    const zone = this.ctx.config.orgTimezone;
    const inPeriod = planned.filter(({ post }) => {
      const day = localDate(post.publishedAt, zone);
      return day >= campaign.starts_on && day <= campaign.ends_on;
    });
    result.outsidePeriod = planned.length - inPeriod.length;
    const existing = await this.campaigns.repo.postsByExternalId(campaignId, format.channel, inPeriod.map((p) => p.externalId), trx);
    const at = nowIso();
    const inserts: PostRow[] = [];
    const updates: { id: string; changes: Partial<PostRow> }[] = [];
    for (const { externalId, post } of inPeriod) {
      const columns = postColumns(post);
      const before = existing.get(externalId);
      if (!before) {
        inserts.push({
          id: newId(), campaign_id: campaignId, channel: format.channel, published_at: post.publishedAt, language: null, url: null, topic: null, text: null,
          reach: null, impressions: null, engagements: null, clicks: null, video_views: null, external_id: externalId, source: format.id,
          created_by: actorId, created_at: at, updated_at: at, ...columns,
        });
        continue;
      }
      const changes = Object.fromEntries(Object.entries(columns).filter(([k, v]) => before[k as keyof PostRow] !== v));
      if (Object.keys(changes).length) updates.push({ id: before.id, changes });
      else result.unchanged++;
    }
    result.created = inserts.length;
    result.updated = updates.length;
    if (opts.dryRun) return result;

    for (const row of inserts) await this.campaigns.repo.insertPost(row, trx);
    for (const { id, changes } of updates) await this.campaigns.repo.updatePost(id, { ...changes, updated_at: at }, trx);
    await this.ctx.audit.record({
      actorId, action: 'campaign.posts.imported', targetType: 'campaign', targetId: campaignId,
      details: { format: format.id, rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, outsidePeriod: result.outsidePeriod, skipped: result.skipped },
    }, trx);
    return result;
  }

  /** Maps every row to a post, or to the reasons it cannot be one, naming the file's own columns. */
  private read(format: ExportFormat, header: TabularRow, data: readonly TabularRow[]) {
    const names = header.cells.map(normaliseHeader);
    const index = (name: string) => names.indexOf(name);
    const label = (name: string) => String(header.cells[index(name)] ?? name).trim();
    const sources = Object.fromEntries(FIELDS.map((f) => [f, format.fields[f] ? columnsFor(format.fields[f], names) : null]));
    const labelOf: Record<string, string> = { channel: '(row)', publishedAt: label(format.time) };
    for (const f of FIELDS) labelOf[f] = sources[f] ? sources[f].columns.map(label).join(' + ') : f;

    const planned: PlannedPost[] = [];
    const rejected: RejectedRow[] = [];
    const firstRowOf = new Map<string, number>();
    for (const { line, cells } of data) {
      const cell = (name: string) => cells[index(name)] ?? null;
      const problems: RejectedRow[] = [];
      const problem = (field: string, message: string) => {
        // A column that feeds two fields (Total clicks: clicks and engagements) is named once.
        if (!problems.some((p) => p.field === field)) problems.push({ row: line, field, message });
      };

      const idCell = cell(format.postId);
      // Spreadsheets keep numbers to 15 digits: a 19-digit tweet id stored as a number has lost its last ones.
      if (typeof idCell === 'number' && !Number.isSafeInteger(idCell)) problem(label(format.postId), 'the id lost digits in the spreadsheet; export the file as CSV');
      const externalId = String(idCell ?? '').trim();
      if (externalId === '') problem(label(format.postId), 'must not be empty');
      const earlier = firstRowOf.get(externalId);
      if (externalId !== '' && earlier !== undefined) problem(label(format.postId), `the same post as row ${earlier}: export lifetime totals, one row per post`);
      else firstRowOf.set(externalId, line);

      const publishedAt = exportTime(cell(format.time), this.ctx.config.orgTimezone);
      const input: Record<string, unknown> = { channel: format.channel, publishedAt: publishedAt ?? undefined };
      if (publishedAt === null) problem(label(format.time), 'must be a date and time, such as 10/15/2020 10:30 or 2020-10-15 09:12 +0000');
      for (const f of FIELDS) {
        const source = sources[f];
        if (!source) continue;
        if (f === 'url' || f === 'text') {
          const value = String(cell(source.columns[0]!) ?? '').trim();
          if (value) input[f] = f === 'text' && value.length > TEXT_MAX ? `${value.slice(0, TEXT_MAX - 1)}…` : value;
          continue;
        }
        const parts = source.columns.map((c) => ({ column: c, value: countOf(cell(c)) }));
        const bad = parts.filter((p) => p.value !== null && (typeof p.value !== 'number' || !Number.isInteger(p.value) || p.value < 0));
        for (const b of bad) problem(label(b.column), 'must be a whole number, 0 or more');
        const present = parts.filter((p) => typeof p.value === 'number') as { value: number }[];
        if (!bad.length && present.length) input[f] = present.reduce((n, p) => n + p.value, 0);
      }
      const parsed = ZCreatePostRequest.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          if (field !== 'publishedAt' || publishedAt !== null) problem(labelOf[field] ?? '(row)', issue.message);
        }
      }
      if (problems.length || !parsed.success) rejected.push(...problems);
      else planned.push({ externalId, post: parsed.data });
    }
    return { planned, rejected };
  }
}
