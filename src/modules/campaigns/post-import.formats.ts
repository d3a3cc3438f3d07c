import type { Cell } from '../../platform/tabular.js';
import { isIsoDate, parseInstant, zonedInstant } from '../../platform/time.js';
import type { Channel } from './campaigns.schemas.js';

/** Where a post field comes from: the first of these columns the file has, or the sum of the parts it has. */
type Source = { column: readonly string[] } | { sum: readonly string[] };

export interface ExportFormat {
  id: 'meta_facebook' | 'meta_instagram' | 'twitter';
  channel: Channel;
  /** Header columns (lower case) that identify the export. */
  signature: readonly string[];
  postId: string;
  time: string;
  fields: Partial<Record<'url' | 'text' | 'reach' | 'impressions' | 'engagements' | 'clicks' | 'videoViews', readonly Source[]>>;
}

const col = (...names: string[]): Source => ({ column: names });
const sum = (...names: string[]): Source => ({ sum: names });

/**
 * The exports staff download: Meta Business Suite's post exports (Insights → Content → Export,
 * CSV or XLSX) for a Facebook page and an Instagram account, and X/Twitter analytics' tweet
 * activity export. Columns are matched without regard to case; the rest of the columns are ignored.
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'meta_facebook',
    channel: 'facebook',
    signature: ['post id', 'publish time', 'page id'],
    postId: 'post id',
    time: 'publish time',
    fields: {
      url: [col('permalink')],
      text: [col('description', 'title')],
      reach: [col('reach')],
      // Meta renamed impressions to views in 2025 exports.
      impressions: [col('impressions', 'views')],
      // Meta counts a post's engagement as its reactions, comments and shares plus its clicks.
      engagements: [col('engagements', 'post engagements'), sum('reactions, comments and shares', 'total clicks'), sum('reactions', 'comments', 'shares', 'total clicks')],
      clicks: [col('total clicks', 'link clicks')],
      videoViews: [col('3-second video views')],
    },
  },
  {
    id: 'meta_instagram',
    channel: 'instagram',
    signature: ['post id', 'publish time', 'account id'],
    postId: 'post id',
    time: 'publish time',
    fields: {
      url: [col('permalink')],
      text: [col('description')],
      reach: [col('reach')],
      impressions: [col('impressions', 'views')],
      engagements: [sum('likes', 'comments', 'shares', 'saves')],
      clicks: [col('link clicks')],
      videoViews: [col('plays')],
    },
  },
  {
    id: 'twitter',
    channel: 'twitter',
    signature: ['tweet id', 'time', 'impressions'],
    postId: 'tweet id',
    time: 'time',
    fields: {
      url: [col('tweet permalink')],
      text: [col('tweet text')],
      impressions: [col('impressions')],
      engagements: [col('engagements')],
      clicks: [col('url clicks')],
      videoViews: [col('media views')],
    },
  },
];

export const normaliseHeader = (cell: Cell) => String(cell ?? '').trim().toLowerCase();

export function detectFormat(header: readonly string[]): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.signature.every((c) => header.includes(c)));
}

/** The columns a field is read from in this file, or null when the file has none of them. */
export function columnsFor(source: readonly Source[], header: readonly string[]): { columns: string[]; sum: boolean } | null {
  for (const s of source) {
    if ('column' in s) {
      const found = s.column.find((c) => header.includes(c));
      if (found) return { columns: [found], sum: false };
    } else if (s.sum.every((c) => header.includes(c))) {
      return { columns: [...s.sum], sum: true };
    }
  }
  return null;
}

const DECIMAL = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;

/**
 * A count as exports write it: empty or a dash is "not reported"; X writes counts as decimals
 * (3412.0), spreadsheets group thousands (19,420). Anything else comes back as it is, for the
 * caller to refuse.
 */
export function countOf(cell: Cell): number | string | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  const s = String(cell).trim();
  if (s === '' || s === '-' || s === '--') return null;
  if (DECIMAL.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replaceAll(',', ''));
  return s;
}

const US_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i;

/**
 * When a post went out, as an ISO UTC timestamp, or null. X writes `2020-10-15 09:12 +0000`;
 * Meta writes `10/15/2020 10:30` in the time zone of the account, which for us is ORG_TIMEZONE;
 * a spreadsheet holds a date cell whose clock is read in that zone too.
 */
export function exportTime(cell: Cell, timeZone: string): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // Spreadsheets keep times as fractions of a day, a hair off the second: 10:30 reads as 10:29:59.999.
    const clock = new Date(Math.round(cell.getTime() / 1000) * 1000);
    const day = clock.toISOString().slice(0, 10);
    return new Date(zonedInstant(day, clock.getUTCHours() * 60 + clock.getUTCMinutes(), timeZone) + clock.getUTCSeconds() * 1000).toISOString();
  }
  const s = String(cell ?? '').trim();
  const iso = ISO_DATE_TIME.exec(s);
  if (iso) {
    const [, day, hh, mm, ss = '00', offset] = iso;
    if (offset) {
      const t = parseInstant(`${day}T${hh}:${mm}:${ss}${offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')}`);
      return t === null ? null : new Date(t).toISOString();
    }
    return local(day!, Number(hh), Number(mm), Number(ss), timeZone);
  }
  const us = US_DATE_TIME.exec(s);
  if (!us) return null;
  const [, month, date, year, hour, minute, second = '0', half] = us;
  let h = Number(hour);
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
  }
  return local(`${year}-${month!.padStart(2, '0')}-${date!.padStart(2, '0')}`, h, Number(minute), Number(second), timeZone);
}

function local(day: string, hour: number, minute: number, second: number, timeZone: string): string | null {
  if (!isIsoDate(day) || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(zonedInstant(day, hour * 60 + minute, timeZone) + second * 1000).toISOString();
}
