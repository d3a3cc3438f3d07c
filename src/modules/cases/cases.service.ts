import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { conflict, forbidden, invalidFields, notFound, parseOr400, type FieldProblem } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { localDate } from '../../platform/time.js';
import { IdentificationService } from '../identification/identification.service.js';
import { ContactsService } from '../helpline/contacts.service.js';
import { PartnersService } from '../partners/partners.service.js';
import { ageOn, yearsBefore } from './case-dates.js';
import { CaseJournal, type CaseActor, type FieldChanges } from './case-journal.js';
import {
  changedFields, EDITABLE_FACTS, factColumns, factsOf, formatReference, SECRET_FIELDS, secretColumns, secretsOf, type CaseFacts, type CaseSecrets,
} from './case-record.js';
import { CaseSupportRepository } from './case-support.repository.js';
import { CasesRepository, type AssessmentRow, type CaseRow, type Executor } from './cases.repository.js';
import {
  caseViewOf, presentAssessment, presentCase, presentCaseSummary, presentEvent, presentReceipt, presentReferral, presentService, type CaseView,
} from './cases.presenter.js';
import {
  distinctTicks, ZCaseAssessmentRequest, ZCaseListQuery, ZCreateCaseRequest, ZPageQuery, ZUpdateCaseRequest, type TIndicatorTick,
} from './cases.schemas.js';
import type { CaseStatus } from './case-vocabularies.js';

/** A victim counted by statistics: the anonymous facts only. */
export interface IdentifiedVictim {
  status: CaseStatus;
  identifiedOn: string;
  sex: string;
  age: number | null;
  child: boolean | null;
  citizenship: string;
  exploitationTypes: string[];
  sector: string | null;
}

/** How many identified victims share one combination of the facts statistics count by. */
export interface IdentifiedVictimCount {
  sex: string;
  /** Under 18 at identification; false when the age is unknown. */
  child: boolean;
  citizenship: string;
  exploitationTypes: string[];
  sector: string | null;
  n: number;
}

/** How many identified victims share one combination of the facts data standards (HTCDS) share. */
export interface SharedVictimFactsCount {
  sex: string;
  age: number | null;
  citizenship: string;
  exploitationTypes: string[];
  sector: string | null;
  meansOfControl: string[];
  recruiterRelation: string | null;
  /** Of identification. */
  year: number;
  n: number;
}

function statusProblems(f: Pick<CaseFacts, 'status' | 'identifiedOn' | 'exploitationTypes'>, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (f.status === 'identified' && !f.identifiedOn) problems.push({ field: 'identifiedOn', message: 'required when the status is identified' });
  if ((f.status === 'potential' || f.status === 'presumed') && f.identifiedOn) {
    problems.push({ field: 'identifiedOn', message: 'only identified and closed cases have an identification date (send null to withdraw it)' });
  }
  if (f.identifiedOn && f.identifiedOn > today) problems.push({ field: 'identifiedOn', message: 'must not be in the future' });
  if (f.status === 'identified' && f.exploitationTypes.length === 0) problems.push({ field: 'exploitationTypes', message: 'an identified victim needs at least one exploitation type' });
  return problems;
}

/**
 * The age the file records is the age at identification (or, before that, at opening): from the
 * date of birth when there is one, which a stated age must then agree with. The child flag follows.
 */
function settleAge(facts: CaseFacts, dateOfBirth: string | null, statedAge: number | null | undefined, problems: FieldProblem[]): void {
  const on = facts.identifiedOn ?? facts.openedOn;
  if (dateOfBirth) {
    if (dateOfBirth > on) problems.push({ field: 'dateOfBirth', message: `must not be after ${on}` });
    const derived = ageOn(dateOfBirth, on);
    if (statedAge !== undefined && statedAge !== null && statedAge !== derived) problems.push({ field: 'age', message: `does not match dateOfBirth, which gives ${derived} on ${on}` });
    facts.age = derived;
  }
  facts.child = facts.age === null ? null : facts.age < 18;
}

function ticksProblems(ticks: readonly TIndicatorTick[] | undefined): FieldProblem[] {
  return ticks ? IdentificationService.indicatorProblems(ticks.map((t) => t.id)) : [];
}

/** The fields that hold something: what a new file was opened with. */
const filledFields = (o: object): string[] => Object.entries(o).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)).map(([k]) => k);

/** Values of fact fields for the timeline: facts hold no secrets, so every reader may see them. */
function factChanges(fields: readonly string[], before: Partial<CaseFacts>, after: CaseFacts): FieldChanges {
  const changes: FieldChanges = {};
  for (const f of fields) if (f in after) changes[f] = { from: before[f as keyof CaseFacts] ?? null, to: after[f as keyof CaseFacts] };
  return changes;
}

export class CasesService {
  private readonly cases: CasesRepository;
  private readonly support: CaseSupportRepository;
  private readonly partners: PartnersService;
  private readonly contacts: ContactsService;
  readonly journal: CaseJournal;

  constructor(private readonly ctx: AppContext) {
    this.cases = new CasesRepository(ctx.db);
    this.support = new CaseSupportRepository(ctx.db);
    this.partners = new PartnersService(ctx);
    this.contacts = new ContactsService(ctx);
    this.journal = new CaseJournal(ctx, this.cases);
  }

  /** A case names the helpline contact it came from: an id that names no contact is a problem for `contactId`. */
  private async contactProblems(contactId: string | null | undefined, trx: Transaction<DB>): Promise<FieldProblem[]> {
    if (!contactId || (await this.contacts.exists(contactId, trx))) return [];
    return [{ field: 'contactId', message: `no helpline contact has the id ${contactId}` }];
  }

  /** Today in ORG_TIMEZONE: the day a decision taken now is dated. */
  today(): string {
    return localDate(Date.now(), this.ctx.config.orgTimezone);
  }

  viewFor(actor: CaseActor): CaseView {
    const view = caseViewOf(actor.roles);
    if (!view) throw forbidden();
    return view;
  }

  /**
   * Opens a case file inside the caller's transaction. The hotline may open a potential case (from
   * a contact, say) and gets back only its reference: it may not read case files.
   */
  async create(input: unknown, actor: CaseActor, trx: Transaction<DB>) {
    const req = parseOr400(ZCreateCaseRequest, input);
    const caseworker = actor.roles.includes('caseworker');
    if (!caseworker && req.status !== 'potential') throw forbidden('The hotline opens potential cases; a caseworker decides the status.', 'status_not_allowed');
    if (!caseworker && req.indicators) throw forbidden('The identification assessment is made by caseworkers.', 'assessment_not_allowed');
    const today = this.today();
    const facts: CaseFacts = {
      status: req.status, identifiedOn: req.identifiedOn ?? null, openedOn: req.openedOn ?? today, closedOn: null,
      sex: req.sex, age: req.age ?? null, child: null, citizenship: req.citizenship, languages: req.languages, exploitationTypes: req.exploitationTypes,
      sector: req.sector ?? null, countryOfRecruitment: req.countryOfRecruitment ?? null, placeOfRecruitment: req.placeOfRecruitment ?? null,
      countryOfExploitation: req.countryOfExploitation ?? null, placeOfExploitation: req.placeOfExploitation ?? null,
      recruitmentMethod: req.recruitmentMethod ?? null, recruiterRelation: req.recruiterRelation ?? null, meansOfControl: req.meansOfControl,
      referredBy: req.referredBy ?? null, contactId: req.contactId ?? null,
    };
    const secrets: CaseSecrets = { name: req.name ?? null, dateOfBirth: req.dateOfBirth ?? null, contact: req.contact ?? null, documentNumbers: req.documentNumbers, notes: req.notes ?? null };
    const problems = [...statusProblems(facts, today), ...ticksProblems(req.indicators), ...(await this.contactProblems(req.contactId, trx))];
    if (facts.openedOn > today) problems.push({ field: 'openedOn', message: 'must not be in the future' });
    const decidedOn = this.decisionDay(facts, req.statusDate, facts.openedOn, today, problems);
    settleAge(facts, secrets.dateOfBirth, req.age, problems);
    if (problems.length) throw invalidFields(problems);
    if (facts.status === 'closed') facts.closedOn = decidedOn;

    const at = nowIso();
    const year = Number(facts.openedOn.slice(0, 4));
    const row: CaseRow = {
      id: newId(), reference: formatReference(year, await this.cases.nextReferenceNumber(year, trx)),
      ...factColumns(facts), ...secretColumns(secrets, this.ctx.cipher),
      identity_erased_at: null, created_by: actor.userId, created_at: at, updated_at: at,
    };
    await this.cases.insert(row, trx);
    await this.recordStatus(row.id, facts.status, decidedOn, req.identifyingBody ?? null, actor, at, trx);
    const factFields = filledFields(facts);
    await this.journal.record(
      { caseId: row.id, actor, action: 'created', fields: [...factFields, ...filledFields(secrets)], changes: factChanges(factFields, {}, facts), details: { status: facts.status } },
      trx,
    );
    if (req.indicators) await this.saveAssessment(row.id, req.indicators, facts.age, actor, trx);
    if (!caseworker) return presentReceipt(row);
    return presentCase('full', await this.fileOf(row, 'full', trx));
  }

  /** The whole file as the reader's role may see it; every read is audited. */
  async get(id: string, actor: CaseActor) {
    const view = this.viewFor(actor);
    return this.ctx.db.transaction().execute(async (trx) => {
      const row = await this.cases.find(id, trx);
      if (!row) throw notFound('Case');
      await this.journal.read(id, actor.userId, 'file', trx);
      return presentCase(view, await this.fileOf(row, view, trx));
    });
  }

  async list(query: unknown, actor: CaseActor) {
    this.viewFor(actor);
    const q = parseOr400(ZCaseListQuery, query);
    if (q.from && q.to && q.from > q.to) throw invalidFields([{ field: 'to', message: 'must not be before from' }]);
    const beforeId = q.cursor ? decodeCursor(q.cursor, 1)[0] : undefined;
    const rows = await this.cases.list({
      status: q.status, identifiedFrom: q.from, identifiedTo: q.to, referenceContains: q.q?.toUpperCase(), beforeId, limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'case.listed', targetType: 'case', details: { count: page.length, status: q.status ?? null, from: q.from ?? null, to: q.to ?? null } });
    return { items: page.map((r) => presentCaseSummary(r, factsOf(r))), nextCursor: rows.length > q.limit ? encodeCursor([page.at(-1)!.id]) : null };
  }

  /** Changes a case file; a change of status adds a step to its history, new indicators a new assessment version. */
  async update(id: string, input: unknown, actor: CaseActor) {
    const req = parseOr400(ZUpdateCaseRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const at = nowIso();
      const row = await this.cases.lockForChange(id, at, trx);
      if (!row) throw notFound('Case');
      if (row.identity_erased_at && SECRET_FIELDS.some((f) => req[f] !== undefined)) {
        throw conflict('The identity of this closed case was erased under the retention rule; it cannot be written again.', 'identity_erased');
      }
      const before = factsOf(row);
      const beforeSecrets = secretsOf(row, this.ctx.cipher);
      const facts: CaseFacts = { ...before };
      for (const f of EDITABLE_FACTS) if (req[f] !== undefined) Object.assign(facts, { [f]: req[f] });
      if (req.status !== undefined) facts.status = req.status;
      if (req.identifiedOn !== undefined) facts.identifiedOn = req.identifiedOn;
      const secrets: CaseSecrets = { ...beforeSecrets };
      for (const f of SECRET_FIELDS) if (req[f] !== undefined) Object.assign(secrets, { [f]: req[f] ?? (f === 'documentNumbers' ? [] : null) });

      const today = this.today();
      const statusChanged = facts.status !== before.status;
      const problems = [...statusProblems(facts, today), ...ticksProblems(req.indicators), ...(await this.contactProblems(req.contactId, trx))];
      for (const f of ['statusDate', 'identifyingBody'] as const) {
        if (req[f] !== undefined && !statusChanged) problems.push({ field: f, message: 'goes with a change of status' });
      }
      const decidedOn = statusChanged ? this.decisionDay(facts, req.statusDate, today, today, problems) : null;
      settleAge(facts, secrets.dateOfBirth, req.age, problems);
      if (problems.length) throw invalidFields(problems);
      if (decidedOn) facts.closedOn = facts.status === 'closed' ? decidedOn : null;

      const factFields = changedFields(before, facts);
      const secretFields = changedFields(beforeSecrets, secrets);
      if (factFields.length || secretFields.length) {
        await this.cases.update(id, { ...factColumns(facts), ...secretColumns(secrets, this.ctx.cipher) }, trx);
        if (decidedOn) await this.recordStatus(id, facts.status, decidedOn, req.identifyingBody ?? null, actor, at, trx);
        const fields = [...factFields, ...secretFields];
        await this.journal.record({ caseId: id, actor, action: 'updated', fields, changes: factChanges(factFields, before, facts) }, trx);
      }
      if (req.indicators) await this.saveAssessment(id, req.indicators, facts.age, actor, trx);
      return presentCase('full', await this.fileOf((await this.cases.find(id, trx))!, 'full', trx));
    });
  }

  /** A new version of the ILO assessment, with the engine's result as it stands today. */
  async assess(id: string, input: unknown, actor: CaseActor, trx: Transaction<DB>) {
    const req = parseOr400(ZCaseAssessmentRequest, input);
    const problems = ticksProblems(req.indicators);
    if (problems.length) throw invalidFields(problems);
    const row = await this.cases.lockForChange(id, nowIso(), trx);
    if (!row) throw notFound('Case');
    const saved = await this.saveAssessment(id, req.indicators, row.age, actor, trx);
    return presentAssessment('full', saved, this.notesOf(saved));
  }

  async assessments(id: string, actor: CaseActor) {
    const view = this.viewFor(actor);
    return this.ctx.db.transaction().execute(async (trx) => {
      if (!(await this.cases.find(id, trx))) throw notFound('Case');
      await this.journal.read(id, actor.userId, 'assessments', trx);
      const rows = await this.cases.assessments(id, trx);
      return { items: rows.map((r) => presentAssessment(view, r, view === 'full' ? this.notesOf(r) : null)), nextCursor: null };
    });
  }

  /** Who changed what and when, oldest first; values only for fields that hold no secret. */
  async timeline(id: string, query: unknown, actor: CaseActor) {
    this.viewFor(actor);
    const q = parseOr400(ZPageQuery, query);
    return this.ctx.db.transaction().execute(async (trx) => {
      if (!(await this.cases.find(id, trx))) throw notFound('Case');
      await this.journal.read(id, actor.userId, 'timeline', trx);
      const rows = await this.cases.events(id, { afterId: q.cursor ? decodeCursor(q.cursor, 1)[0] : undefined, limit: q.limit + 1 }, trx);
      const page = rows.slice(0, q.limit);
      return { items: page.map(presentEvent), nextCursor: rows.length > q.limit ? encodeCursor([page.at(-1)!.id]) : null };
    });
  }

  /**
   * Victims whose identification day falls in `from`..`to`, for statistics: anonymous facts only,
   * so the caller needs no case-read audit of its own.
   */
  async identifiedBetween(from: string, to: string): Promise<IdentifiedVictim[]> {
    const rows = await this.cases.identifiedBetween(from, to);
    return rows.map((r) => {
      const f = factsOf(r);
      return { status: f.status, identifiedOn: f.identifiedOn!, sex: f.sex, age: f.age, child: f.child, citizenship: f.citizenship, exploitationTypes: f.exploitationTypes, sector: f.sector };
    });
  }

  /**
   * Victims identified in from..to (status identified, as statistics count them), counted by the
   * database per combination of sex, child, citizenship, exploitation types and sector.
   */
  async identifiedVictimCounts(from: string, to: string): Promise<IdentifiedVictimCount[]> {
    const rows = await this.cases.identifiedCounts(from, to);
    return rows.map((r) => ({
      sex: r.sex, child: r.child === 1, citizenship: r.citizenship, exploitationTypes: JSON.parse(r.exploitation_types) as string[], sector: r.sector, n: Number(r.n),
    }));
  }

  /** The same victims per combination of the anonymous facts that data standards share, for anonymised exports. */
  async sharedVictimFactCounts(from: string, to: string): Promise<SharedVictimFactsCount[]> {
    const rows = await this.cases.identifiedFactCounts(from, to);
    return rows.map((r) => ({
      sex: r.sex, age: r.age, citizenship: r.citizenship, exploitationTypes: JSON.parse(r.exploitation_types) as string[], sector: r.sector,
      meansOfControl: JSON.parse(r.means_of_control) as string[], recruiterRelation: r.recruiter_relation, year: Number(r.year), n: Number(r.n),
    }));
  }

  /**
   * Retention: erases identity fields, notes and other free text of cases closed longer than
   * RETENTION_YEARS ago. What remains are anonymous facts for statistics. Each case is erased in
   * its own transaction with its audit entry; running it twice, or on two instances, erases once.
   */
  async purgeExpired(opts: { today?: string } = {}): Promise<{ cutoff: string; erased: number }> {
    const cutoff = yearsBefore(opts.today ?? this.today(), this.ctx.config.retentionYears);
    let erased = 0;
    for (const id of await this.cases.expiredIds(cutoff)) {
      const done = await this.ctx.db.transaction().execute(async (trx) => {
        if (!(await this.cases.eraseIdentity(id, nowIso(), trx))) return false;
        await this.support.eraseFreeText(id, trx);
        const fields = [...SECRET_FIELDS, 'contactId', 'indicatorNotes', 'serviceOutcomes', 'referralNotes'];
        await this.journal.record({ caseId: id, actor: null, action: 'identity_erased', fields, details: { retentionYears: this.ctx.config.retentionYears } }, trx);
        return true;
      });
      if (done) erased++;
    }
    await this.ctx.audit.record({ actorId: null, action: 'cases.retention_run', details: { cutoff, erased, retentionYears: this.ctx.config.retentionYears } });
    return { cutoff, erased };
  }

  /**
   * The day a status step is dated: an identification is dated identifiedOn; other steps the
   * statusDate given, else `fallback` (the opening day for a new file, today for a change).
   */
  private decisionDay(facts: CaseFacts, statusDate: string | undefined, fallback: string, today: string, problems: FieldProblem[]): string {
    if (facts.status === 'identified') {
      if (statusDate !== undefined) problems.push({ field: 'statusDate', message: 'an identification is dated by identifiedOn' });
      return facts.identifiedOn ?? fallback;
    }
    if (statusDate !== undefined && statusDate > today) problems.push({ field: 'statusDate', message: 'must not be in the future' });
    return statusDate ?? fallback;
  }

  private async recordStatus(caseId: string, status: CaseStatus, decidedOn: string, body: string | null, actor: CaseActor, at: string, trx: Transaction<DB>) {
    await this.cases.insertStatusChange(
      { id: newId(), case_id: caseId, status, decided_on: decidedOn, identifying_body: body, decided_by: actor.userId, decided_by_name: actor.name, recorded_at: at },
      trx,
    );
  }

  private async saveAssessment(caseId: string, ticks: readonly TIndicatorTick[], age: number | null, actor: CaseActor, trx: Transaction<DB>): Promise<AssessmentRow> {
    const distinct = distinctTicks(ticks);
    const ids = distinct.map((t) => t.id);
    const result = IdentificationService.assessIndicators(ids, age ?? undefined);
    const notes = Object.fromEntries(distinct.filter((t) => t.note).map((t) => [t.id, t.note!]));
    const previous = await this.cases.latestAssessment(caseId, trx);
    const previousResult = previous ? (JSON.parse(previous.result) as { presumedVictim: boolean }) : null;
    const row: AssessmentRow = {
      id: newId(), case_id: caseId, version: (previous?.version ?? 0) + 1, indicators: JSON.stringify(ids),
      indicator_notes: Object.keys(notes).length ? this.ctx.cipher.encrypt(JSON.stringify(notes)) : null, age,
      result: JSON.stringify(result), assessed_by: actor.userId, assessed_by_name: actor.name, assessed_at: nowIso(),
    };
    await this.cases.insertAssessment(row, trx);
    await this.journal.record(
      { caseId, actor, action: 'assessed', fields: ['indicators', ...(Object.keys(notes).length ? ['indicatorNotes'] : [])],
        changes: { assessmentVersion: { from: previous?.version ?? null, to: row.version }, presumedVictim: { from: previousResult?.presumedVictim ?? null, to: result.presumedVictim } },
        details: { version: row.version, presumedVictim: result.presumedVictim } },
      trx,
    );
    return row;
  }

  private notesOf(r: AssessmentRow): Record<string, string> | null {
    return r.indicator_notes ? (JSON.parse(this.ctx.cipher.decrypt(r.indicator_notes)) as Record<string, string>) : null;
  }

  /** Everything a case file shows; secrets are decrypted only for the full view. */
  private async fileOf(row: CaseRow, view: CaseView, ex: Executor) {
    const [history, latest, services, referrals] = await Promise.all([
      this.cases.statusHistory(row.id, ex), this.cases.latestAssessment(row.id, ex), this.support.servicesOf(row.id, ex), this.support.referralsOf(row.id, ex),
    ]);
    const partners = await this.partners.refsOf([...services.flatMap((s) => (s.partner_id ? [s.partner_id] : [])), ...referrals.map((r) => r.partner_id)], ex);
    const full = view === 'full';
    return {
      row,
      facts: factsOf(row),
      secrets: full ? secretsOf(row, this.ctx.cipher) : null,
      statusHistory: history,
      assessment: latest ? presentAssessment(view, latest, full ? this.notesOf(latest) : null) : null,
      services: services.map((s) => presentService(view, s, full ? this.ctx.cipher.decryptOptional(s.outcome) : null, partners)),
      referrals: referrals.map((r) => presentReferral(view, r, full ? this.ctx.cipher.decryptOptional(r.notes) : null, partners)),
    };
  }
}
