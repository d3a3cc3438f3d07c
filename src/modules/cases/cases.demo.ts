import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { addDays } from '../../platform/time.js';
import { PartnersService } from '../partners/partners.service.js';
import { UsersService } from '../users/users.service.js';
import type { CaseActor } from './case-journal.js';
import { CaseSupportService } from './case-support.service.js';
import { CasesService } from './cases.service.js';

/**
 * Demo case files modelled on the organisation's known cases: Indian workers on Belgrade
 * construction sites (2020), Vietnamese workers building a tyre factory near Zrenjanin (2021), a
 * Filipina domestic worker, and farm workers in Vojvodina, one of them a child. Names, numbers and
 * contacts are invented.
 */
export async function loadDemoCases(ctx: AppContext): Promise<void> {
  const { items } = await new UsersService(ctx).list(200);
  const caseworker = items.find((u) => u.roles.includes('caseworker'));
  if (!caseworker) return;
  const actor: CaseActor = { userId: caseworker.id, name: caseworker.name, roles: caseworker.roles };
  const cases = new CasesService(ctx);
  const support = new CaseSupportService(ctx, cases);
  const partners = new PartnersService(ctx);
  const write = <T>(fn: (trx: Transaction<DB>) => Promise<T>) => ctx.db.transaction().execute(fn);

  const partner = (body: object) => write((trx) => partners.create(body, actor, trx));
  const centre = await partner({
    name: 'Centre for Protection of Victims of Trafficking in Human Beings', kind: 'state_centre', country: 'RS', city: 'Belgrade',
    languages: ['sr-Latn', 'en'], contacts: [{ role: 'Duty officer', phone: '+381 11 000 0101' }],
  });
  const inspection = await partner({
    name: 'Labour Inspectorate, Zrenjanin unit', kind: 'labour_inspection', country: 'RS', city: 'Zrenjanin', sectors: ['construction', 'manufacturing', 'agriculture'],
    languages: ['sr-Latn'], contacts: [{ role: 'Inspector on duty', phone: '+381 23 000 0202' }],
  });
  const shelter = await partner({
    name: 'Safe House for Women, Belgrade', kind: 'shelter', country: 'RS', city: 'Belgrade', languages: ['sr-Latn', 'en'], contacts: [{ role: 'Coordinator', email: 'shelter@example.org' }],
  });
  const union = await partner({
    name: 'Construction and Industry Workers\' Union', kind: 'union', country: 'RS', city: 'Novi Sad', sectors: ['construction', 'manufacturing'],
    languages: ['sr-Latn', 'en'], contacts: [{ role: 'Organiser', phone: '+381 21 000 0303' }],
  });
  const embassy = await partner({ name: 'Embassy of India', kind: 'embassy', country: 'IN', city: 'Belgrade', languages: ['en', 'hi'], contacts: [{ role: 'Consular section', email: 'consular@example.org' }] });
  await partner({ name: 'Legal aid for workers (Novi Sad)', kind: 'legal_aid', country: 'RS', city: 'Novi Sad', sectors: ['agriculture'], languages: ['sr-Latn', 'hu'] });

  const open = (body: object) => write((trx) => cases.create(body, actor, trx));
  const consent = (on: string) => ({ given: true, on });

  const indian = await open({
    status: 'presumed', openedOn: '2020-03-09', statusDate: '2020-03-12', identifyingBody: 'ngo', sex: 'male', age: 29, citizenship: 'IN', languages: ['hi', 'pa'],
    exploitationTypes: ['labour'], sector: 'construction', countryOfRecruitment: 'IN', placeOfRecruitment: 'Jalandhar', countryOfExploitation: 'RS', placeOfExploitation: 'Belgrade',
    recruitmentMethod: 'recruitment_agency', recruiterRelation: 'recruitment_agency', meansOfControl: ['debt_bondage', 'withholds_documents', 'excessive_working_hours', 'takes_earnings'],
    referredBy: 'union', name: 'Gurpreet S.', contact: { phone: '+381 60 000 1111', messenger: 'WhatsApp' }, documentNumbers: [{ type: 'passport', number: 'Z0000001', country: 'IN' }],
    notes: 'Paid an agent the equivalent of 4,000 EUR for the job; the employer keeps the passports of the whole crew "for registration".',
    indicators: [
      { id: 'dr_wages', note: 'Promised 600 EUR a month, paid 250.' }, 'dr_conditions_of_work', 'dr_legal_status',
      'ec_excessive_hours', 'ec_low_or_no_salary', 'ec_bad_living_conditions',
      { id: 'cd_documents', note: 'Passports held in the site office.' }, 'cd_debt_bondage', 'cd_withholding_wages',
    ],
  });
  await cases.update(indian.id, { status: 'identified', identifiedOn: '2020-04-02', identifyingBody: 'state_centre' }, actor);
  await write((trx) => support.addReferral(indian.id, { partnerId: centre.id, purpose: 'formal_identification', referredOn: '2020-03-13', consent: consent('2020-03-12'), status: 'completed' }, actor, trx));
  await write((trx) => support.addReferral(indian.id, { partnerId: embassy.id, purpose: 'documents', referredOn: '2020-04-03', consent: consent('2020-04-02'), status: 'completed' }, actor, trx));
  await write((trx) => support.addService(indian.id, { kind: 'interpretation', startedOn: '2020-03-12', endedOn: '2020-04-02', provider: 'Punjabi interpreter' }, actor, trx));
  await write((trx) => support.addService(indian.id, { kind: 'return_assistance', startedOn: '2020-06-15', endedOn: '2020-06-30', outcome: 'Returned home with the wages the inspection recovered.' }, actor, trx));

  const vietnamese = await open({
    status: 'identified', openedOn: '2021-11-16', identifiedOn: '2021-12-03', identifyingBody: 'state_centre', sex: 'male', age: 38, citizenship: 'VN', languages: ['vi'],
    exploitationTypes: ['labour'], sector: 'construction', countryOfRecruitment: 'VN', countryOfExploitation: 'RS', placeOfExploitation: 'Zrenjanin',
    recruitmentMethod: 'recruitment_agency', recruiterRelation: 'recruitment_agency', meansOfControl: ['withholds_documents', 'restricts_movement', 'threats', 'excessive_working_hours'],
    referredBy: 'outreach', name: 'Tran Van H.', notes: 'Lives with about 400 co-workers in crowded barracks on the building site; passports taken on arrival.',
    indicators: ['dr_conditions_of_work', 'dr_housing', 'dr_wages', 'ec_excessive_hours', 'ec_bad_living_conditions', 'ec_hazardous_work', 'cd_documents', 'cd_isolation', 'cd_threat_denunciation'],
  });
  await write((trx) => support.addReferral(vietnamese.id, { partnerId: inspection.id, purpose: 'labour_inspection', referredOn: '2021-11-18', consent: consent('2021-11-17'), status: 'accepted' }, actor, trx));
  await write((trx) => support.addService(vietnamese.id, { kind: 'legal_aid', startedOn: '2021-11-20', partnerId: union.id }, actor, trx));

  const filipina = await open({
    status: 'presumed', openedOn: addDays(cases.today(), -40), sex: 'female', age: 36, citizenship: 'PH', languages: ['fil', 'en'],
    exploitationTypes: ['labour', 'domestic_servitude'], sector: 'domestic_work', countryOfRecruitment: 'PH', countryOfExploitation: 'RS', placeOfExploitation: 'Belgrade',
    recruitmentMethod: 'online_advert', recruiterRelation: 'employer', meansOfControl: ['withholds_documents', 'restricts_movement', 'takes_earnings', 'excessive_working_hours'],
    referredBy: 'hotline', name: 'Maria L.', contact: { phone: '+381 64 000 2222' }, notes: 'Calls only when the family is out; safe time to call back: weekday mornings.',
    indicators: ['dr_conditions_of_work', 'dr_wages', 'ec_excessive_hours', 'ec_low_or_no_salary', 'cd_documents', 'cd_isolation'],
  });
  await write((trx) => support.addReferral(filipina.id, { partnerId: shelter.id, purpose: 'accommodation', referredOn: addDays(cases.today(), -20), consent: consent(addDays(cases.today(), -21)), status: 'sent', followUpOn: addDays(cases.today(), -2) }, actor, trx));

  await open({
    status: 'identified', openedOn: '2020-07-06', identifiedOn: '2020-08-14', identifyingBody: 'state_centre', sex: 'male', age: 52, citizenship: 'RS', languages: ['sr-Latn', 'hu'],
    exploitationTypes: ['labour'], sector: 'agriculture', countryOfExploitation: 'RS', placeOfExploitation: 'Bačka Palanka', recruitmentMethod: 'personal_contact', recruiterRelation: 'acquaintance',
    meansOfControl: ['takes_earnings', 'withholds_necessities', 'debt_bondage'], referredBy: 'police', name: 'Dragan P.', notes: 'Worked two seasons for food and a bed in a barn.',
    indicators: ['rv_economic_reasons', 'rv_lack_of_information', 'rv_personal_situation', 'ec_low_or_no_salary', 'ec_bad_living_conditions', 'ec_no_social_protection', 'cd_debt_bondage', 'cd_withholding_wages'],
  });
  await open({
    status: 'identified', openedOn: '2020-08-20', identifiedOn: '2020-09-04', identifyingBody: 'state_centre', sex: 'male', dateOfBirth: '2003-05-11', citizenship: 'RS', languages: ['sr-Latn'],
    exploitationTypes: ['labour'], sector: 'agriculture', countryOfExploitation: 'RS', placeOfExploitation: 'Kikinda', recruitmentMethod: 'personal_contact', recruiterRelation: 'acquaintance',
    meansOfControl: ['takes_earnings', 'excessive_working_hours'], referredBy: 'outreach', name: 'Marko J.',
    indicators: ['ec_excessive_hours', 'ec_low_or_no_salary', 'ec_no_education_access'],
  });
  await open({
    status: 'potential', sex: 'male', age: 24, citizenship: 'NP', languages: ['ne', 'en'], exploitationTypes: ['labour'], sector: 'construction',
    countryOfExploitation: 'RS', referredBy: 'hotline', notes: 'Called the SOS line about unpaid wages; colleagues in the same situation.',
  });
}
