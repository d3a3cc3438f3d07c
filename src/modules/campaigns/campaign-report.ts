import { PUBLIC_LANGS } from '../../platform/i18n/locales.js';
import { addDays, daysBetweenInclusive } from '../../platform/time.js';
import { CHANNELS, METRICS, type Channel, type Metric } from './campaigns.schemas.js';

export interface ChannelFigures {
  posts: number;
  reach: number;
  impressions: number;
  engagements: number;
  clicks: number;
  videoViews: number;
  /** Engagements per person reached, or per impression where a network reports no reach; null with neither. */
  engagementRate: number | null;
  /** The measures no post of the channel reported (X reports no reach, say): their 0 means "not known". */
  notReported: Metric[];
}

export interface PostFigures {
  total: number;
  byChannel: Partial<Record<Channel, ChannelFigures>>;
}

export interface DayVisits {
  date: string;
  lang: string;
  views: number;
  uniqueVisitors: number;
}

export interface VisitFigures {
  pageViews: Record<string, number>;
  uniqueVisitors: Record<string, number>;
  days: DayVisits[];
}

const rate = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 10_000;

export function postFigures(rows: readonly { channel: string; posts: number; reach: number | null; impressions: number | null; engagements: number | null; clicks: number | null; video_views: number | null }[]): PostFigures {
  const byChannel: Partial<Record<Channel, ChannelFigures>> = {};
  let total = 0;
  // Channels in the contract's order, so the report and its narrative read Facebook before Twitter.
  for (const channel of CHANNELS) {
    const r = rows.find((row) => row.channel === channel);
    if (!r || Number(r.posts) === 0) continue;
    const f = {
      posts: Number(r.posts),
      reach: Number(r.reach ?? 0),
      impressions: Number(r.impressions ?? 0),
      engagements: Number(r.engagements ?? 0),
      clicks: Number(r.clicks ?? 0),
      videoViews: Number(r.video_views ?? 0),
    };
    const base = f.reach > 0 ? f.reach : f.impressions;
    const sums: Record<Metric, number | null> = { reach: r.reach, impressions: r.impressions, engagements: r.engagements, clicks: r.clicks, videoViews: r.video_views };
    byChannel[channel] = { ...f, engagementRate: base > 0 ? rate(f.engagements, base) : null, notReported: METRICS.filter((m) => sums[m] === null) };
    total += f.posts;
  }
  return { total, byChannel };
}

/**
 * Views and unique visitors per page language, over the days counted. A visitor who came on two
 * days counts on each: visitors are only recognised within a day. Languages with a page but no
 * visit yet show 0; languages are in the language switcher's order.
 */
export function visitFigures(pageLangs: readonly string[], rows: readonly { lang: string; day: string; views: number; unique_visitors: number }[]): VisitFigures {
  const langs = PUBLIC_LANGS.filter((l) => pageLangs.includes(l) || rows.some((r) => r.lang === l));
  const pageViews: Record<string, number> = Object.fromEntries(langs.map((l) => [l, 0]));
  const uniqueVisitors: Record<string, number> = Object.fromEntries(langs.map((l) => [l, 0]));
  for (const r of rows) {
    pageViews[r.lang] = (pageViews[r.lang] ?? 0) + Number(r.views);
    uniqueVisitors[r.lang] = (uniqueVisitors[r.lang] ?? 0) + Number(r.unique_visitors);
  }
  return { pageViews, uniqueVisitors, days: rows.map((r) => ({ date: r.day, lang: r.lang, views: Number(r.views), uniqueVisitors: Number(r.unique_visitors) })) };
}

export interface MaterialFigures {
  items: number;
  printed: number;
  distributed: number;
  inStock: number;
  byLanguage: Record<string, { printed: number; distributed: number }>;
  byPartner: { partner: string; partnerKind: string; distributed: number }[];
  /** The places materials reached, such as construction sites, with how many copies each. */
  places: { place: string; placeKind: string; city: string | null; quantity: number }[];
}

export function materialFigures(
  materials: readonly { id: string; language: string; print_run: number }[],
  distributions: readonly { material_id: string; partner: string; partner_kind: string; place: string; place_kind: string; city: string | null; quantity: number }[],
): MaterialFigures {
  const languageOf = new Map(materials.map((m) => [m.id, m.language]));
  const byLanguage: MaterialFigures['byLanguage'] = {};
  for (const m of materials) {
    const l = (byLanguage[m.language] ??= { printed: 0, distributed: 0 });
    l.printed += m.print_run;
  }
  const partners = new Map<string, MaterialFigures['byPartner'][number]>();
  const places = new Map<string, MaterialFigures['places'][number]>();
  let distributed = 0;
  for (const d of distributions) {
    distributed += d.quantity;
    const l = byLanguage[languageOf.get(d.material_id) ?? ''];
    if (l) l.distributed += d.quantity;
    const p = partners.get(d.partner) ?? { partner: d.partner, partnerKind: d.partner_kind, distributed: 0 };
    p.distributed += d.quantity;
    partners.set(d.partner, p);
    const key = JSON.stringify([d.place, d.place_kind, d.city]);
    const place = places.get(key) ?? { place: d.place, placeKind: d.place_kind, city: d.city, quantity: 0 };
    place.quantity += d.quantity;
    places.set(key, place);
  }
  const printed = materials.reduce((n, m) => n + m.print_run, 0);
  return {
    items: materials.length,
    printed,
    distributed,
    inStock: printed - distributed,
    byLanguage,
    byPartner: [...partners.values()].sort((a, b) => b.distributed - a.distributed || a.partner.localeCompare(b.partner)),
    places: [...places.values()].sort((a, b) => b.quantity - a.quantity || a.place.localeCompare(b.place)),
  };
}

export interface EventFigures {
  total: number;
  byFormat: Record<'online' | 'hybrid' | 'in_person', number>;
  invited: number;
  /** Invitations answered yes. */
  accepted: number;
  attendedOnline: number;
  attendedInPerson: number;
  participants: number;
  topicsRaised: number;
  followUps: { total: number; done: number };
}

export function eventFigures(
  events: readonly { format: string; attended_online: number | null; attended_in_person: number | null }[],
  invitations: readonly { rsvp: string }[],
  topics: number,
  followUps: readonly { done: number }[],
): EventFigures {
  const byFormat = { online: 0, hybrid: 0, in_person: 0 };
  let attendedOnline = 0;
  let attendedInPerson = 0;
  for (const e of events) {
    if (e.format in byFormat) byFormat[e.format as keyof typeof byFormat]++;
    attendedOnline += e.attended_online ?? 0;
    attendedInPerson += e.attended_in_person ?? 0;
  }
  return {
    total: events.length,
    byFormat,
    invited: invitations.length,
    accepted: invitations.filter((i) => i.rsvp === 'yes').length,
    attendedOnline,
    attendedInPerson,
    participants: attendedOnline + attendedInPerson,
    topicsRaised: topics,
    followUps: { total: followUps.length, done: followUps.filter((f) => f.done).length },
  };
}

export interface ImpactWindow {
  from: string;
  to: string;
  /** Helpline contacts that arrived in these days and named the campaign as how they heard of the helpline. */
  contacts: number;
  /** The window has not ended yet (today or later in ORG_TIMEZONE): its count may still grow. */
  ongoing: boolean;
}

export interface ImpactFigures {
  /** The answer to "how did you hear of us" that counts: the campaign's slug. */
  heardAbout: string;
  /** The campaign's length in days, and so the length of each window. */
  days: number;
  before: ImpactWindow;
  during: ImpactWindow;
  after: ImpactWindow;
}

/**
 * The three windows the helpline's contacts are counted in: the campaign's own days, and as many
 * days right before its start and right after its end, so the three counts compare like with like.
 */
export function impactWindows(startsOn: string, endsOn: string): { days: number; before: { from: string; to: string }; during: { from: string; to: string }; after: { from: string; to: string } } {
  const days = daysBetweenInclusive(startsOn, endsOn);
  return {
    days,
    before: { from: addDays(startsOn, -days), to: addDays(startsOn, -1) },
    during: { from: startsOn, to: endsOn },
    after: { from: addDays(endsOn, 1), to: addDays(endsOn, days) },
  };
}
