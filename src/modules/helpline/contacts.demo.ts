import type { AppContext } from '../../context.js';
import { newId } from '../../platform/ids.js';
import { addDays, daysBetweenInclusive } from '../../platform/time.js';
import { DEMO_CAMPAIGN } from '../campaigns/campaigns.demo.js';
import { UsersService } from '../users/users.service.js';
import type { Channel, Status, Topic } from './contacts.schemas.js';
import { newReference, type ContactFields, ContactsService } from './contacts.service.js';

/** A small deterministic generator, so every demo database tells the same story. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weighted = <T>(table: readonly (readonly [T, number])[]): T => {
    let r = next() * table.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table.at(-1)![0];
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, weighted, pick };
}

// Close to what the organisation reports: almost a quarter of calls are job-offer checks.
const TOPIC_SHARE: readonly (readonly [Topic, number])[] = [
  ['job_offer_check', 25], ['labour_rights', 20], ['migration', 14], ['job_loss', 12], ['other', 13],
  ['trafficking_suspicion', 9], ['sexual_exploitation', 4], ['missing_person', 3],
];
const CHANNEL_SHARE: readonly (readonly [Channel, number])[] = [['phone', 58], ['social', 12], ['email', 10], ['web', 8], ['sms', 5], ['in_person', 5], ['other', 2]];
const CALLERS: readonly (readonly [{ nationality: string; language: string }, number])[] = [
  [{ nationality: 'RS', language: 'sr-Latn' }, 58], [{ nationality: 'IN', language: 'hi' }, 8], [{ nationality: 'NP', language: 'ne' }, 5],
  [{ nationality: 'TR', language: 'tr' }, 4], [{ nationality: 'CN', language: 'zh' }, 3], [{ nationality: 'VN', language: 'vi' }, 4],
  [{ nationality: 'BD', language: 'bn' }, 4], [{ nationality: 'PK', language: 'ur' }, 3], [{ nationality: 'AL', language: 'sq' }, 3],
  [{ nationality: 'BA', language: 'sr-Latn' }, 4], [{ nationality: 'MK', language: 'en' }, 2], [{ nationality: 'PH', language: 'en' }, 2],
];
const DESTINATIONS = ['DE', 'DE', 'AT', 'AT', 'SK', 'MT', 'HR', 'SI', 'NL', 'RU', 'RS', 'RS', 'CZ', 'IT'];
const HEARD_ABOUT = ['radio', 'facebook', DEMO_CAMPAIGN.slug, DEMO_CAMPAIGN.slug, 'union', 'A friend who called last year', 'Leaflet at the bus station', 'Police officer gave the number'];
const SUMMARIES: Readonly<Record<Topic, readonly string[]>> = {
  job_offer_check: [
    'Offer for fruit picking in the Netherlands via a Facebook group; agent asks 250 EUR for "visa processing". Explained that fees are a red flag; checked the agency with partners: not licensed.',
    'Waitress job in a bar in Austria, 2,000 EUR net, free accommodation, only a mobile number as contact. Partner organisation checked the address: a private house. Advised not to travel.',
    'Construction work in Germany through a licensed agency; contract sent in German only. Went through the contract terms together; advised to ask for a translation before signing.',
    'Caregiver job in Italy, contract offered on arrival. Explained that a written contract must come before departure.',
    'Welder in Slovakia, pay far above the usual, passport to be handed over "for registration". Explained document retention is illegal.',
  ],
  labour_rights: [
    'Works 12-hour shifts on a farm in Vojvodina, no overtime pay, no contract. Explained rights and the labour inspection complaint procedure.',
    'Employer deducts accommodation costs that were promised free. Advised to keep pay slips and photos of the rota.',
    'Asks whether the employer may keep the residence-and-work permit card. Explained: no.',
  ],
  migration: [
    'Asks how to apply for the single residence and work permit and whether the employer must apply. Sent the official information.',
    'Visa regime for Serbia from Nepal; asks which documents the employer must provide.',
    'Recognition of a nursing diploma in Germany; referred to the official recognition portal.',
  ],
  job_loss: [
    'Dismissed after asking for unpaid wages of three months. Referred to free legal aid.',
    'Factory closed, foreign workers told to leave their dormitory within two days; residence permit tied to the employer.',
  ],
  trafficking_suspicion: [
    'Sister says a group of workers on a construction site cannot leave the compound and their passports are held in the site office. Escalated to the Victim Support Team.',
    'Caller works in a car wash, paid nothing for two months, owes the recruiter "travel costs" that keep growing. Escalated.',
  ],
  sexual_exploitation: ['Young woman recruited as a dancer abroad; the "club" takes her documents. Escalated to the Victim Support Team and the shelter.'],
  missing_person: ['Mother has not heard from her son for three weeks since he left for seasonal work in Croatia. Referred to the police and the partner organisation there.'],
  other: ['Asks for the number of the labour inspection in Niš.', 'Journalist asking for statistics; referred to the coordinator.', 'Wrong number.'],
};
const REFERRALS = ['Labour inspection', 'Police', 'Centre for Protection of Victims of Trafficking', 'Union organiser', 'Free legal aid', 'Shelter'];

/** How many demo contacts, over how many days back from today. */
const CONTACTS = 420;
const DAYS = 730;

/**
 * The season of the demo campaign, whose report compares the contacts naming it in as many days
 * before, during and after it: a few calls in the summer before, clearly more while it ran, and a
 * tail through the winter as its leaflets kept circulating. `naming` is the share of callers who
 * say they heard of the helpline through the campaign.
 */
const CAMPAIGN = DEMO_CAMPAIGN.slug;
const CAMPAIGN_SEASON = [
  { from: addDays(DEMO_CAMPAIGN.startsOn, -91), to: addDays(DEMO_CAMPAIGN.startsOn, -1), contacts: 24, naming: 0.1 },
  { from: DEMO_CAMPAIGN.startsOn, to: DEMO_CAMPAIGN.endsOn, contacts: 66, naming: 0.55 },
  { from: addDays(DEMO_CAMPAIGN.endsOn, 1), to: addDays(DEMO_CAMPAIGN.endsOn, 90), contacts: 30, naming: 0.3 },
] as const;
const OTHER_HEARD_ABOUT = HEARD_ABOUT.filter((h) => h !== CAMPAIGN);

type Generator = ReturnType<typeof generator>;

/** One caller's contact at `at`, in the proportions above; `heardAbout` draws the answer to "how did you hear of us", if any. */
function demoFields(g: Generator, at: Date, repeatCallers: readonly string[], heardAbout: () => string | undefined): ContactFields {
  const { next, weighted, pick } = g;
  const topic = weighted(TOPIC_SHARE);
  const topics: Topic[] = topic === 'job_offer_check' && next() < 0.3 ? [topic, 'migration'] : [topic];
  const channel = weighted(CHANNEL_SHARE);
  const caller = weighted(CALLERS);
  const phone = channel === 'phone' || channel === 'sms' ? (next() < 0.25 ? pick(repeatCallers) : `+3816${Math.floor(next() * 1e8).toString().padStart(8, '0')}`) : undefined;
  const callerRole = weighted([['self', 70], ['family_or_friend', 18], ['professional', 8], ['employer', 2], ['other', 2]] as const);
  const sex = weighted([['male', 55], ['female', 40], ['unknown', 5]] as const);
  const ageGroup = weighted([['18-24', 18], ['25-34', 34], ['35-49', 30], ['50+', 12], ['0-17', 2], ['unknown', 4]] as const);
  const summary = pick(SUMMARIES[topic]);
  const jobCheck = topic === 'job_offer_check' ? { destinationCountry: pick(DESTINATIONS), jobCheck: { risk: pick(['high', 'high', 'medium', 'low'] as const) } } : {};
  const heard = heardAbout();
  const referral = topic === 'trafficking_suspicion' || topic === 'sexual_exploitation' || next() < 0.15 ? { referralGiven: pick(REFERRALS) } : {};
  return {
    receivedAt: at.toISOString(), channel, topics, language: caller.language, nationality: caller.nationality, callerRole, sex, ageGroup, summary,
    ...jobCheck,
    ...(heard ? { heardAbout: heard } : {}),
    ...referral,
    ...(phone ? { callerPhone: phone } : {}),
  };
}

/**
 * Demo helpline contacts over the past two years: topics, channels and callers in realistic
 * proportions, growing over time as calls did, a few callers who call again, and a queue of
 * recent web reports still waiting; and the contacts of the demo campaign's season in 2020–2021.
 * Numbers and names are invented. Returns how many contacts it stored.
 */
export async function loadDemoContacts(ctx: AppContext): Promise<number> {
  const { items } = await new UsersService(ctx).list(200);
  const operator = items.find((u) => u.roles.includes('hotline'));
  const contacts = new ContactsService(ctx);
  const g = generator(20201001);
  const { next, pick } = g;
  const repeatCallers = Array.from({ length: 18 }, (_, i) => `+38160${String(7000000 + i * 1379).padStart(7, '0')}`);
  const rowOf = (fields: ContactFields, status: Status) => {
    const web = fields.channel === 'web';
    return contacts.rowOf(fields, {
      id: newId(Date.parse(fields.receivedAt)),
      reference: web ? newReference() : null,
      status,
      assigneeId: status === 'new' ? null : (operator?.id ?? null),
      source: web ? 'public' : 'staff',
      createdBy: web ? null : (operator?.id ?? null),
      at: fields.receivedAt,
    });
  };
  const now = Date.now();
  const rows = Array.from({ length: CONTACTS }, () => {
    // Later days are likelier: the helpline grows, as calls did during the pandemic.
    const daysAgo = Math.floor(DAYS * (1 - Math.sqrt(next())));
    const at = new Date(now - daysAgo * 86_400_000);
    at.setUTCHours(7 + Math.floor(next() * 10), Math.floor(next() * 60), Math.floor(next() * 60), 0);
    if (at.getTime() > now) at.setTime(now - Math.floor(next() * 3_600_000));
    const fields = demoFields(g, at, repeatCallers, () => (next() < 0.4 ? pick(HEARD_ABOUT) : undefined));
    const recent = daysAgo < 10;
    return rowOf(fields, !recent ? 'done' : operator && next() < 0.5 ? 'assigned' : 'new');
  });
  // A generator of its own, so the two years above stay as they were.
  const season = generator(20200914);
  for (const phase of CAMPAIGN_SEASON) {
    const days = daysBetweenInclusive(phase.from, phase.to);
    for (let i = 0; i < phase.contacts; i++) {
      const at = new Date(`${addDays(phase.from, Math.floor(season.next() * days))}T00:00:00Z`);
      // 07:00–16:59 UTC: office hours, on the same day in Belgrade.
      at.setUTCHours(7 + Math.floor(season.next() * 10), Math.floor(season.next() * 60), Math.floor(season.next() * 60), 0);
      const heardAbout = () => (season.next() < phase.naming ? CAMPAIGN : season.next() < 0.3 ? season.pick(OTHER_HEARD_ABOUT) : undefined);
      rows.push(rowOf(demoFields(season, at, repeatCallers, heardAbout), 'done'));
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await contacts.insertRows(rows, trx);
    await ctx.audit.record({ actorId: null, action: 'demo.contacts_loaded', details: { contacts: rows.length } }, trx);
  });
  return rows.length;
}
