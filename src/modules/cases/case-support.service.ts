import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { invalidFields, notFound, parseOr400, type FieldProblem } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { daysBetweenInclusive } from '../../platform/time.js';
import { PartnersService } from '../partners/partners.service.js';
import type { CaseActor, FieldChanges } from './case-journal.js';
import { CaseSupportRepository, type ReferralRow, type ServiceRow } from './case-support.repository.js';
import { presentReferral, presentService } from './cases.presenter.js';
import { CasesRepository } from './cases.repository.js';
import { ZCreateReferralRequest, ZCreateServiceRequest, ZFollowUpQuery, ZUpdateReferralRequest, ZUpdateServiceRequest } from './cases.schemas.js';
import type { CasesService } from './cases.service.js';
import { OPEN_REFERRAL_STATUSES } from './case-vocabularies.js';

interface ServiceFacts {
  kind: string;
  startedOn: string;
  endedOn: string | null;
  partnerId: string | null;
  provider: string | null;
}

interface ReferralFacts {
  status: string;
  followUpOn: string | null;
}

const followUpPosition = ([followUpOn, id]: string[]) => ({ followUpOn: followUpOn!, id: id! });

const serviceFactsOf = (r: ServiceRow): ServiceFacts => ({ kind: r.kind, startedOn: r.started_on, endedOn: r.ended_on, partnerId: r.partner_id, provider: r.provider });

function changesOf<T extends object>(before: Partial<T>, after: T): { fields: string[]; changes: FieldChanges } {
  const fields = (Object.keys(after) as (keyof T & string)[]).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  return { fields, changes: Object.fromEntries(fields.map((k) => [k, { from: before[k] ?? null, to: after[k] }])) };
}

/**
 * Services delivered to a victim and referrals to partners. Both belong to a case file, so they
 * are written under the case's lock and recorded on its timeline; their free text (a service's
 * outcome, a referral's notes) is encrypted and shown to caseworkers only.
 */
export class CaseSupportService {
  private readonly cases: CasesRepository;
  private readonly support: CaseSupportRepository;
  private readonly partners: PartnersService;

  constructor(
    private readonly ctx: AppContext,
    private readonly caseFiles: CasesService,
  ) {
    this.cases = new CasesRepository(ctx.db);
    this.support = new CaseSupportRepository(ctx.db);
    this.partners = new PartnersService(ctx);
  }

  async addService(caseId: string, input: unknown, actor: CaseActor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateServiceRequest, input);
    const facts: ServiceFacts = { kind: req.kind, startedOn: req.startedOn, endedOn: req.endedOn ?? null, partnerId: req.partnerId ?? null, provider: req.provider ?? null };
    await this.checkService(facts, trx);
    const at = nowIso();
    if (!(await this.cases.lockForChange(caseId, at, trx))) throw notFound('Case');
    const row: ServiceRow = {
      id: newId(), case_id: caseId, kind: facts.kind, started_on: facts.startedOn, ended_on: facts.endedOn, partner_id: facts.partnerId, provider: facts.provider,
      outcome: this.ctx.cipher.encryptOptional(req.outcome), created_by: actor.userId, created_at: at, updated_at: at,
    };
    await this.support.insertService(row, trx);
    const { fields, changes } = changesOf({}, facts);
    await this.caseFiles.journal.record(
      { caseId, actor: actor, action: 'service_added', fields: [...fields, ...(req.outcome ? ['outcome'] : [])], changes, details: { serviceId: row.id } },
      trx,
    );
    return presentService('full', row, req.outcome ?? null, await this.partners.refsOf(facts.partnerId ? [facts.partnerId] : [], trx));
  }

  async updateService(caseId: string, serviceId: string, input: unknown, actor: CaseActor) {
    const req = parseOr400(ZUpdateServiceRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const at = nowIso();
      if (!(await this.cases.lockForChange(caseId, at, trx))) throw notFound('Case');
      const row = await this.support.findService(caseId, serviceId, trx);
      if (!row) throw notFound('Service');
      const before = serviceFactsOf(row);
      const facts: ServiceFacts = { ...before };
      for (const k of ['kind', 'startedOn', 'endedOn', 'partnerId', 'provider'] as const) if (req[k] !== undefined) Object.assign(facts, { [k]: req[k] });
      await this.checkService(facts, trx);
      const beforeOutcome = this.ctx.cipher.decryptOptional(row.outcome);
      const outcome = req.outcome !== undefined ? req.outcome : beforeOutcome;
      await this.support.updateService(
        serviceId,
        { kind: facts.kind, started_on: facts.startedOn, ended_on: facts.endedOn, partner_id: facts.partnerId, provider: facts.provider, outcome: this.ctx.cipher.encryptOptional(outcome), updated_at: at },
        trx,
      );
      const { fields, changes } = changesOf(before, facts);
      if (outcome !== beforeOutcome) fields.push('outcome');
      if (fields.length) {
        await this.caseFiles.journal.record({ caseId, actor: actor, action: 'service_updated', fields, changes, details: { serviceId } }, trx);
      }
      const updated = (await this.support.findService(caseId, serviceId, trx))!;
      return presentService('full', updated, outcome, await this.partners.refsOf(facts.partnerId ? [facts.partnerId] : [], trx));
    });
  }

  async addReferral(caseId: string, input: unknown, actor: CaseActor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateReferralRequest, input);
    const today = this.caseFiles.today();
    const problems: FieldProblem[] = [];
    if (req.consent.on > today) problems.push({ field: 'consent.on', message: 'must not be in the future' });
    if (req.consent.on > req.referredOn) problems.push({ field: 'consent.on', message: 'consent comes before the referral: must not be after referredOn' });
    if (req.followUpOn && req.followUpOn < req.referredOn) problems.push({ field: 'followUpOn', message: 'must not be before referredOn' });
    const partners = await this.partners.refsOf([req.partnerId], trx);
    if (!partners.has(req.partnerId)) problems.push({ field: 'partnerId', message: 'no partner in the directory has this id' });
    if (problems.length) throw invalidFields(problems);
    const at = nowIso();
    if (!(await this.cases.lockForChange(caseId, at, trx))) throw notFound('Case');
    const row: ReferralRow = {
      id: newId(), case_id: caseId, partner_id: req.partnerId, purpose: req.purpose, consent_on: req.consent.on, referred_on: req.referredOn,
      status: req.status, follow_up_on: req.followUpOn ?? null, notes: this.ctx.cipher.encryptOptional(req.notes), created_by: actor.userId, created_at: at, updated_at: at,
    };
    await this.support.insertReferral(row, trx);
    const { fields, changes } = changesOf({}, { partnerId: req.partnerId, purpose: req.purpose, consentOn: req.consent.on, referredOn: req.referredOn, status: req.status, followUpOn: row.follow_up_on });
    await this.caseFiles.journal.record(
      { caseId, actor: actor, action: 'referral_added', fields: [...fields, ...(req.notes ? ['notes'] : [])], changes, details: { referralId: row.id } },
      trx,
    );
    return presentReferral('full', row, req.notes ?? null, partners);
  }

  async updateReferral(caseId: string, referralId: string, input: unknown, actor: CaseActor) {
    const req = parseOr400(ZUpdateReferralRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const at = nowIso();
      if (!(await this.cases.lockForChange(caseId, at, trx))) throw notFound('Case');
      const row = await this.support.findReferral(caseId, referralId, trx);
      if (!row) throw notFound('Referral');
      const before: ReferralFacts = { status: row.status, followUpOn: row.follow_up_on };
      const facts: ReferralFacts = { status: req.status ?? before.status, followUpOn: req.followUpOn !== undefined ? req.followUpOn : before.followUpOn };
      if (facts.followUpOn && facts.followUpOn < row.referred_on) throw invalidFields([{ field: 'followUpOn', message: 'must not be before referredOn' }]);
      const beforeNotes = this.ctx.cipher.decryptOptional(row.notes);
      const notes = req.notes !== undefined ? req.notes : beforeNotes;
      await this.support.updateReferral(referralId, { status: facts.status, follow_up_on: facts.followUpOn, notes: this.ctx.cipher.encryptOptional(notes), updated_at: at }, trx);
      const { fields, changes } = changesOf(before, facts);
      if (notes !== beforeNotes) fields.push('notes');
      if (fields.length) {
        await this.caseFiles.journal.record({ caseId, actor: actor, action: 'referral_updated', fields, changes, details: { referralId } }, trx);
      }
      const updated = (await this.support.findReferral(caseId, referralId, trx))!;
      return presentReferral('full', updated, notes, await this.partners.refsOf([updated.partner_id], trx));
    });
  }

  /** The caseworkers' dashboard: open referrals whose follow-up day has come, the most overdue first. */
  async followUps(query: unknown, actor: CaseActor) {
    const q = parseOr400(ZFollowUpQuery, query);
    const on = q.on ?? this.caseFiles.today();
    const rows = await this.support.dueFollowUps({
      on, openStatuses: OPEN_REFERRAL_STATUSES, createdBy: q.mine === 'true' ? actor.userId : undefined, after: q.cursor ? followUpPosition(decodeCursor(q.cursor, 2)) : undefined, limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const partners = await this.partners.refsOf(page.map((r) => r.partner_id));
    await this.ctx.audit.record({ actorId: actor.userId, action: 'case.follow_ups_listed', targetType: 'case', details: { count: page.length, on } });
    return {
      on,
      items: page.map((r) => ({
        caseId: r.case_id,
        reference: r.reference,
        referralId: r.id,
        partner: partners.get(r.partner_id) ?? { id: r.partner_id },
        purpose: r.purpose,
        status: r.status,
        referredOn: r.referred_on,
        followUpOn: r.follow_up_on!,
        daysOverdue: daysBetweenInclusive(r.follow_up_on!, on) - 1,
      })),
      nextCursor: rows.length > q.limit ? encodeCursor([page.at(-1)!.follow_up_on!, page.at(-1)!.id]) : null,
    };
  }

  private async checkService(f: ServiceFacts, trx: Transaction<DB>): Promise<void> {
    const problems: FieldProblem[] = [];
    if (f.startedOn > this.caseFiles.today()) problems.push({ field: 'startedOn', message: 'must not be in the future' });
    if (f.endedOn && f.endedOn < f.startedOn) problems.push({ field: 'endedOn', message: 'must not be before startedOn' });
    if (f.partnerId && !(await this.partners.refsOf([f.partnerId], trx)).has(f.partnerId)) problems.push({ field: 'partnerId', message: 'no partner in the directory has this id' });
    if (problems.length) throw invalidFields(problems);
  }
}
