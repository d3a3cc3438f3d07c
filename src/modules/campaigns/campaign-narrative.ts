import { LOCALES, PUBLIC_LANGS, STAFF_LANGS, type StaffLang } from '../../platform/i18n/locales.js';
import { text } from '../../platform/i18n/messages.js';
import { latinToCyrillic } from '../../platform/i18n/transliterate.js';
import type { MessageValues } from '../../platform/i18n/translator.js';
import type { EventFigures, ImpactFigures, MaterialFigures, PostFigures } from './campaign-report.js';

export interface NarrativeFacts {
  posts: PostFigures;
  pageViews: Record<string, number>;
  materials?: MaterialFigures;
  events?: EventFigures;
  /** The campaign's publication of recommendations, its title in Serbian (Latin) and English. */
  publication?: { title: { 'sr-Latn'?: string; en?: string }; recommendations: number; fromTopics: number };
  /** Helpline contacts that named the campaign; the days after it are told once they are over. */
  impact?: ImpactFigures;
}

/**
 * A `staff:campaign.narrative.*` message, without isolation marks: narratives are pasted into
 * donors' reports. ICU formats the numbers with the language's Intl.NumberFormat, as
 * formatNumber does (204.660 in Serbian, 204,660 in English).
 */
const message = (lang: StaffLang, key: string, values: MessageValues) => text(lang, `staff:campaign.narrative.${key}`, values);

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function sentences(lang: StaffLang, facts: NarrativeFacts): string[] {
  const out: string[] = [];
  const channels = Object.entries(facts.posts.byChannel);
  if (facts.posts.total > 0) out.push(message(lang, 'posts', { posts: facts.posts.total, channels: channels.length }));
  for (const [channel, f] of channels) {
    // Each network is told by the figure it is known for: reach where it reports reach, else impressions.
    if (f.reach > 0) out.push(message(lang, 'reach', { channel, reach: f.reach, engagements: f.engagements }));
    else if (f.impressions > 0) out.push(message(lang, 'impressions', { channel, impressions: f.impressions, engagements: f.engagements }));
  }
  const pages = PUBLIC_LANGS.filter((l) => l in facts.pageViews).map((l) => message(lang, `page.${l}`, { views: facts.pageViews[l]! }));
  const list = (items: string[]) => new Intl.ListFormat(LOCALES[lang].tag, { type: 'conjunction' }).format(items);
  if (pages.length) out.push(`${capitalise(list(pages))}.`);

  const m = facts.materials;
  if (m && m.printed > 0) {
    const english = m.byLanguage.en?.printed ?? 0;
    out.push(message(lang, 'materials', { printed: m.printed, items: m.items, english, englishShare: english / m.printed }));
  }
  if (m && m.distributed > 0) {
    out.push(message(lang, 'distributed', {
      partnerCount: m.byPartner.length, partners: list(m.byPartner.map((p) => p.partner)), distributed: m.distributed,
      places: m.places.length, sites: m.places.filter((p) => p.placeKind === 'construction_site').length,
    }));
  }
  const e = facts.events;
  if (e && e.total > 0) {
    const formats = (['online', 'hybrid', 'in_person'] as const).filter((f) => e.byFormat[f] > 0).map((f) => message(lang, `format.${f}`, { n: e.byFormat[f] }));
    out.push(message(lang, 'events', { events: e.total, formats: list(formats), participants: e.participants }));
  }
  const p = facts.publication;
  // Partners' names stay as typed (often English), but the Serbian title is Serbian text, written in the narrative's script.
  const serbian = p?.title['sr-Latn'];
  const title = lang === 'en' ? (p?.title.en ?? serbian) : serbian ? (lang === 'sr-Cyrl' ? latinToCyrillic(serbian) : serbian) : p?.title.en;
  if (p && title && p.recommendations > 0) out.push(message(lang, 'publication', { title, recommendations: p.recommendations, fromTopics: p.fromTopics }));
  const i = facts.impact;
  const after = i && !i.after.ongoing ? i.after.contacts : 0;
  if (i && i.before.contacts + i.during.contacts + after > 0) {
    out.push(message(lang, 'impact', { during: i.during.contacts, before: i.before.contacts, after, afterOver: i.after.ongoing ? 'no' : 'yes' }));
  }
  return out;
}

/** The campaign told as a paragraph, like the donor report's, in each staff language. */
export function campaignNarrative(facts: NarrativeFacts): Record<StaffLang, string> {
  return Object.fromEntries(STAFF_LANGS.map((lang) => [lang, sentences(lang, facts).join(' ')])) as Record<StaffLang, string>;
}
