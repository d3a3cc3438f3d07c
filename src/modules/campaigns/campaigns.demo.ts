import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { addDays, daysBetweenInclusive } from '../../platform/time.js';
import { UsersService } from '../users/users.service.js';
import type { Actor } from './access.js';
import { CampaignsService } from './campaigns.service.js';
import { EventsService } from './events.service.js';
import { MaterialsService } from './materials.service.js';
import { PageVisits } from './page-visits.js';
import { RecommendationsService } from './recommendations.service.js';

/** The demo campaign's address and season; the demo helpline's callers name it (helpline/contacts.demo.ts). */
export const DEMO_CAMPAIGN = { slug: 'labour-rights-now', startsOn: '2020-09-14', endsOn: '2020-12-15' } as const;
const { startsOn: STARTS, endsOn: ENDS } = DEMO_CAMPAIGN;

/** Splits a total into whole parts in proportion to the weights, so the parts add up to it exactly. */
function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]!++;
  return parts;
}

/** Uneven but repeatable weights: some posts travel far, most do not. */
const weights = (n: number, seed: number) => Array.from({ length: n }, (_, i) => 1 + (((i + 1) * seed) % 23) / 3 + (i % 9 === 0 ? 6 : 0));

const TOPICS = ['recruitment fees', 'written contract', 'passports and documents', 'unpaid wages', 'SOS line', 'foreign workers', 'state of emergency'];

/**
 * The organisation's 2020 campaign "Labour Rights – Now!" as its report tells it: 105 posts,
 * Facebook reach 204,660 with 9,773 engagements, 25,100 Twitter impressions, a Serbian page
 * visited 600 times and an English one 91 times, printed leaflets half of them in English that
 * the Independent Road Workers' Union carried to construction sites, two events (one online, one
 * hybrid) and the publication "Recommendations for the Prevention of Labour Exploitation".
 * Post texts, people and places are invented.
 */
export async function loadDemoCampaign(ctx: AppContext): Promise<void> {
  const { items } = await new UsersService(ctx).list(200);
  const user = items.find((u) => u.roles.includes('campaign'));
  if (!user) return;
  const actor: Actor = { userId: user.id };
  const campaigns = new CampaignsService(ctx);
  const materials = new MaterialsService(ctx, campaigns);
  const events = new EventsService(ctx, campaigns);
  const recommendations = new RecommendationsService(ctx, campaigns, events);
  const write = <T>(fn: (trx: Transaction<DB>) => Promise<T>) => ctx.db.transaction().execute(fn);

  const { id } = await write((trx) =>
    campaigns.create({
      name: 'Labour Rights – Now!', slug: DEMO_CAMPAIGN.slug, startsOn: STARTS, endsOn: ENDS, languages: ['sr-Latn', 'en'],
      goals: ['Workers check a job offer before they accept it', 'Foreign workers on construction sites know their rights and the SOS line', 'Stakeholders agree on recommendations to close gaps in the law'],
      audiences: ['Job seekers in Serbia considering work abroad', 'Foreign workers on construction sites in Serbia', 'Unions, teachers and the labour inspection'],
    }, actor, trx),
  );

  const days = daysBetweenInclusive(STARTS, ENDS);
  const facebook = 64;
  const twitter = 105 - facebook;
  const fbReach = spread(204_660, weights(facebook, 7));
  const fbEngagements = spread(9773, weights(facebook, 11));
  const twImpressions = spread(25_100, weights(twitter, 5));
  await write(async (trx) => {
    for (let i = 0; i < facebook; i++) {
      const day = addDays(STARTS, Math.floor((i * days) / facebook));
      const clicks = Math.round(fbEngagements[i]! * 0.45);
      await campaigns.createPost(id, {
        channel: 'facebook', publishedAt: `${day}T${String(9 + (i % 8)).padStart(2, '0')}:00:00+02:00`, language: i % 5 === 4 ? 'en' : 'sr-Latn',
        url: `https://www.facebook.com/radnapravda.demo/posts/${3_401_234_567_890_000 + i}`, topic: TOPICS[i % TOPICS.length],
        reach: fbReach[i], impressions: Math.round(fbReach[i]! * 1.27), engagements: fbEngagements[i], clicks, videoViews: i % 6 === 1 ? Math.round(fbReach[i]! * 0.3) : 0,
      }, actor, trx);
    }
    for (let i = 0; i < twitter; i++) {
      const day = addDays(STARTS, Math.floor((i * days) / twitter));
      await campaigns.createPost(id, {
        channel: 'twitter', publishedAt: `${day}T${String(8 + (i % 9)).padStart(2, '0')}:30:00+02:00`, language: i % 4 === 3 ? 'en' : 'sr-Latn',
        url: `https://twitter.com/RadnaPravdaDemo/status/${1_305_485_467_812_097_000n + BigInt(i)}`, topic: TOPICS[(i + 3) % TOPICS.length],
        impressions: twImpressions[i], engagements: Math.round(twImpressions[i]! * 0.025),
      }, actor, trx);
    }
  });

  const sr = [
    '# Pre nego što prihvatite posao',
    '',
    'Svake godine hiljade ljudi iz Srbije i iz drugih zemalja prihvati posao koji se pokaže kao zamka. Proverite ponudu **pre** nego što bilo šta platite ili potpišete.',
    '',
    '- Niko ne sme da vam naplati zapošljavanje.',
    '- Ugovor dobijate pisano, pre početka rada, na jeziku koji razumete.',
    '- Niko ne sme da vam uzme pasoš ili druga dokumenta.',
    '',
    'Pozovite besplatnu SOS liniju [0800 101 010](tel:0800101010) ili [proverite ponudu ovde](/sr-Latn/check).',
  ].join('\n');
  const en = [
    '# Before you accept a job',
    '',
    'Every year thousands of people from Serbia and from abroad accept a job that turns out to be a trap. Check the offer **before** you pay or sign anything.',
    '',
    '- Nobody may charge you for getting a job.',
    '- You get a written contract before you start, in a language you understand.',
    '- Nobody may take your passport or your other documents.',
    '',
    'Call the free SOS line [0800 101 010](tel:0800101010) or [check an offer here](/en/check).',
  ].join('\n');
  await campaigns.putPage(id, 'sr-Latn', { title: 'Radna prava – odmah!', body: sr }, actor);
  await campaigns.putPage(id, 'en', { title: 'Labour Rights – Now!', body: en }, actor);
  const visits = new PageVisits(ctx.db, ctx.cipher, ctx.config.orgTimezone);
  const srViews = spread(600, weights(days, 3));
  const enViews = spread(91, weights(days, 13));
  await write(async (trx) => {
    for (let d = 0; d < days; d++) {
      for (const [lang, views, uniqueShare] of [['sr-Latn', srViews[d] ?? 0, 0.8], ['en', enViews[d] ?? 0, 0.9]] as const) {
        if (views > 0) await visits.addCounts(id, lang, addDays(STARTS, d), views, Math.ceil(views * uniqueShare), trx);
      }
    }
  });

  const union = "Independent Road Workers' Union";
  await write(async (trx) => {
    const leafletEn = await materials.create(id, { kind: 'leaflet', title: 'Your rights at work in Serbia', language: 'en', printRun: 1500, printedOn: '2020-09-25' }, actor, trx);
    const leafletSr = await materials.create(id, { kind: 'leaflet', title: 'Radna prava – odmah!', language: 'sr-Latn', printRun: 1200, printedOn: '2020-09-25' }, actor, trx);
    const poster = await materials.create(id, { kind: 'poster', title: 'Proveri ponudu za posao', language: 'sr-Latn', printRun: 300, printedOn: '2020-09-25' }, actor, trx);
    for (const [material, body] of [
      [leafletEn, { partner: union, partnerKind: 'union', place: 'Belgrade bypass, Ostružnica section construction site', placeKind: 'construction_site', city: 'Belgrade', quantity: 450, distributedOn: '2020-10-06' }],
      [leafletEn, { partner: union, partnerKind: 'union', place: 'Morava Corridor motorway construction site, Pojate', placeKind: 'construction_site', city: 'Ćićevac', quantity: 380, distributedOn: '2020-10-15' }],
      [leafletEn, { partner: union, partnerKind: 'union', place: 'Workers’ hostel, Surčin', placeKind: 'workers_accommodation', city: 'Belgrade', quantity: 220, distributedOn: '2020-10-22' }],
      [leafletSr, { partner: 'Secondary Technical School Novi Sad', partnerKind: 'school', place: 'Secondary Technical School Novi Sad', placeKind: 'school', city: 'Novi Sad', quantity: 400, distributedOn: '2020-10-12' }],
      [leafletSr, { partner: 'Outreach team', partnerKind: 'outreach_team', place: 'Belgrade main bus station', placeKind: 'public_space', city: 'Belgrade', quantity: 350, distributedOn: '2020-11-03' }],
      [poster, { partner: union, partnerKind: 'union', place: 'Union office, Belgrade', placeKind: 'office', city: 'Belgrade', quantity: 120, distributedOn: '2020-10-06' }],
    ] as const) {
      await materials.distribute(id, material.id, body, actor, trx);
    }
  });

  const { publicationId, eventIds } = await write(async (trx) => {
    const people = [];
    for (const body of [
      { name: 'Milica Jovanović', organisation: 'Ministry of Labour, Employment, Veteran and Social Affairs', role: 'Adviser', kind: 'ministry', email: 'milica.jovanovic@ministry.example' },
      { name: 'Nenad Ilić', organisation: 'Labour Inspectorate', role: 'Chief inspector', kind: 'labour_inspection', phone: '+381 11 000 0404' },
      { name: 'Dragan Petrović', organisation: union, role: 'President', kind: 'union', email: 'dragan@union.example' },
      { name: 'Ana Nikolić', organisation: 'Centre for Protection of Victims of Trafficking in Human Beings', role: 'Case manager', kind: 'state_centre' },
      { name: 'Ivana Stojanović', organisation: 'Secondary Technical School Novi Sad', role: 'Teacher', kind: 'other' },
      { name: 'Marko Đorđević', organisation: 'IOM Serbia', role: 'Programme officer', kind: 'international_organisation' },
    ]) {
      people.push(await events.createStakeholder(body, actor, trx));
    }
    const launch = await events.createEvent(id, {
      title: 'Launch of the campaign “Labour Rights – Now!”', format: 'online', startsAt: '2020-09-14T11:00:00+02:00', endsAt: '2020-09-14T12:30:00+02:00',
      onlineUrl: 'https://meet.example/labour-rights-now', language: 'sr-Latn', attendedOnline: 64,
    }, actor, trx);
    const results = await events.createEvent(id, {
      title: 'Results of the campaign and the publication “Recommendations for the Prevention of Labour Exploitation”', format: 'hybrid',
      startsAt: '2020-12-10T11:00:00+01:00', endsAt: '2020-12-10T13:00:00+01:00', venue: 'Media Centre, Belgrade', onlineUrl: 'https://meet.example/results',
      language: 'sr-Latn', attendedOnline: 41, attendedInPerson: 18,
    }, actor, trx);
    for (const event of [launch, results]) await events.invite(id, event.id, { stakeholderIds: people.map((p) => p.id), invitedOn: addDays(event.startsAt.slice(0, 10), -14) }, actor, trx);
    const permits = await events.addTopic(id, launch.id, { text: 'Foreign workers hired through intermediaries work on construction sites without residence and work permits', raisedBy: union }, actor, trx);
    const emergency = await events.addTopic(id, results.id, { text: 'Medical and emergency workers lost rights during the state of emergency', raisedBy: 'Participants online' }, actor, trx);
    const inspection = await events.addTopic(id, results.id, { text: 'The labour inspection has too few inspectors to visit construction sites', raisedBy: 'Labour Inspectorate' }, actor, trx);
    await events.addFollowUp(id, launch.id, { action: 'Send the English leaflet to the union for its site visits', owner: 'Campaign team', dueOn: '2020-10-01', done: true }, actor, trx);
    await events.addFollowUp(id, results.id, { action: 'Send the recommendations to the ministry and the labour inspection', owner: 'Director', dueOn: '2020-12-20' }, actor, trx);

    const pub = await recommendations.createPublication(id, {
      slug: 'preventing-labour-exploitation',
      title: { 'sr-Latn': 'Preporuke za prevenciju radne eksploatacije', en: 'Recommendations for the Prevention of Labour Exploitation' },
      intro: {
        'sr-Latn': 'Preporuke su nastale iz javnih rasprava kampanje „Radna prava – odmah!“ i ukazuju na praznine u pravnom okviru koji uređuje rad i prava radnika.',
        en: 'These recommendations come from the public discussions of the campaign “Labour Rights – Now!” and point to gaps in the legal framework governing labour and workers’ rights.',
      },
    }, actor, trx);
    for (const body of [
      {
        addresseeKind: 'ministry_labour', topicIds: [permits.id],
        addressee: { 'sr-Latn': 'Ministarstvo za rad, zapošljavanje, boračka i socijalna pitanja', en: 'Ministry of Labour, Employment, Veteran and Social Affairs' },
        gap: { 'sr-Latn': 'Posrednici koji dovode strane radnike ne odgovaraju za to da li radnici imaju dozvolu za boravak i rad.', en: 'Intermediaries who bring in foreign workers bear no responsibility for whether the workers hold residence and work permits.' },
        text: { 'sr-Latn': 'Propisati solidarnu odgovornost poslodavca i posrednika za zakonit boravak, rad i zarade stranih radnika.', en: 'Make employers and intermediaries jointly liable for foreign workers’ lawful residence, work and wages.' },
      },
      {
        addresseeKind: 'national_assembly', topicIds: [emergency.id],
        addressee: { 'sr-Latn': 'Narodna skupština Republike Srbije', en: 'National Assembly of the Republic of Serbia' },
        gap: { 'sr-Latn': 'Zakon ne određuje koja prava radnika ostaju zaštićena tokom vanrednog stanja.', en: 'The law does not say which workers’ rights stay protected during a state of emergency.' },
        text: { 'sr-Latn': 'Zakonom utvrditi prava radnika koja se ne mogu ograničiti tokom i posle vanrednog stanja, posebno za zdravstvene radnike i hitne službe.', en: 'Set out in law the workers’ rights that may not be restricted during and after a state of emergency, in particular for health and emergency workers.' },
      },
      {
        addresseeKind: 'labour_inspection', topicIds: [inspection.id],
        addressee: { 'sr-Latn': 'Inspektorat za rad', en: 'Labour Inspectorate' },
        gap: { 'sr-Latn': 'Inspekcija nema dovoljno inspektora ni prevodilaca da proveri uslove rada stranih radnika.', en: 'The inspection has too few inspectors and no interpreters to check foreign workers’ working conditions.' },
        text: { 'sr-Latn': 'Povećati broj inspektora i obezbediti prevodioce za nadzor gradilišta na kojima rade strani radnici.', en: 'Increase the number of inspectors and provide interpreters for visits to construction sites employing foreign workers.' },
      },
    ]) {
      await recommendations.addRecommendation(id, pub.id, body, actor, trx);
    }
    return { publicationId: pub.id, eventIds: [launch.id, results.id] };
  });
  await recommendations.updatePublication(id, publicationId, { published: true }, actor);
  // Most stakeholders said yes; at the hybrid event some came in person.
  for (const [e, eventId] of eventIds.entries()) {
    for (const [i, invitation] of (await events.listInvitations(id, eventId)).items.entries()) {
      const came = i < 5;
      await events.updateInvitation(id, eventId, invitation.id, { rsvp: came ? 'yes' : 'no', attendance: came ? (e === 1 && i < 3 ? 'in_person' : 'online') : 'absent' }, actor);
    }
  }
  // Stakeholders whose organisation is in the partner directory (the demo cases' partners) are linked to it.
  await events.linkToDirectory(actor);
}
