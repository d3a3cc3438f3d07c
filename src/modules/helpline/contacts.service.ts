import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/auth/auth.service.js';
import { UsersRepository } from '../../platform/auth/users.repository.js';
import { encodeCursor, decodeCursor } from '../../platform/cursor.js';
import { AppError, forbidden, invalidFields, notFound, parseOr400, type FieldProblem } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { parseRoles, type Role } from '../../platform/roles.js';
import { dayRange, daysBetweenInclusive } from '../../platform/time.js';
import { ContactPeriodCounts } from './contact-counts.js';
import { contactStats, type ContactStats, type Counts } from './contacts-stats.js';
import { presentContact, viewOf, type ContactOutline, type ContactPrivate, type ContactView, type EarlierContacts } from './contacts.presenter.js';
import { ContactsRepository, type ContactFilter, type ContactRow, type Position } from './contacts.repository.js';
import {
  CODE_LIKE,
  contactSchemas,
  OPTIONAL_FIELDS,
  ZListContactsQuery,
  ZStatsQuery,
  type Status,
  type TCreateContactRequest,
} from './contacts.schemas.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A contact's own content: what a duplicate must match, and what an import row may hold. */
export type ContactFields = Omit<TCreateContactRequest, 'status' | 'assigneeId'>;

export interface RowMeta {
  id: string;
  reference: string | null;
  status: Status;
  assigneeId: string | null;
  source: 'staff' | 'public' | 'import';
  createdBy: string | null;
  at: string;
  /** When the caller has it already (an import checks duplicates first). */
  fingerprint?: string;
}

interface CallerDetails {
  name?: string;
  phone?: string;
  email?: string;
  method?: string;
  safeTime?: string;
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE = /^R-[2-9A-Z]{4}-[2-9A-Z]{2}$/;
const EARLIER_SHOWN = 10;
/** Rows a free-text search decrypts per request; the cursor lets the client search on. */
const SEARCH_SCAN_LIMIT = 5000;
const SEARCH_BATCH = 500;
const MAX_STATS_DAYS = 3700;
const QUEUE_ROLES: readonly Role[] = ['hotline', 'caseworker'];

/** Case, accents and Serbian đ folded, so `pasos` finds `pasoš` and `djordje` finds `Đorđe`. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'dj');

/** A reference a reporter can read out on the phone: R-7K3M-9Q, with no 0, O, 1, I or L to mistake for one another. */
export function newReference(): string {
  const chars = Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `R-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

const cursorOf = (p: Position) => encodeCursor([p.receivedAt, p.id]);

function positionIn(cursor: string): Position {
  const [receivedAt, id] = decodeCursor(cursor, 2) as [string, string];
  return { receivedAt, id };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Where a contact stands in the hotline queue after a change. A new contact has no assignee;
 * giving it one makes it assigned; an assigned contact needs one; a done contact keeps who did it.
 */
function queueState(current: { status: Status; assigneeId: string | null }, change: { status?: Status; assigneeId?: string | null }): { status: Status; assigneeId: string | null } {
  let assigneeId = change.assigneeId === undefined ? current.assigneeId : change.assigneeId;
  let status = change.status ?? current.status;
  if (change.status === 'new') {
    if (change.assigneeId) throw invalidFields([{ field: 'status', message: 'a new contact has no assignee; use assigned' }]);
    assigneeId = null;
  } else if (status === 'new' && assigneeId) {
    status = 'assigned';
  }
  if (status === 'assigned' && !assigneeId) throw invalidFields([{ field: 'assigneeId', message: 'required when the status is assigned' }]);
  return { status, assigneeId };
}

/** The private part of a contact from its plain fields: what `privateOf` reads back once they are stored. */
function privateFrom(fields: ContactFields): ContactPrivate {
  return {
    heardAbout: fields.heardAbout || null,
    summary: fields.summary || null,
    referralGiven: fields.referralGiven || null,
    jobCheck: fields.jobCheck ? (JSON.parse(JSON.stringify(fields.jobCheck)) as Record<string, unknown>) : null,
    callerName: fields.callerName || null,
    callerPhone: fields.callerPhone || null,
    callerEmail: fields.callerEmail || null,
    contactMethod: fields.contactMethod || null,
    safeTime: fields.safeTime || null,
  };
}

export class ContactsService {
  readonly schemas: ReturnType<typeof contactSchemas>;
  private readonly repo: ContactsRepository;
  private readonly users: UsersRepository;
  private readonly counts: ContactPeriodCounts;

  constructor(private readonly ctx: AppContext) {
    this.schemas = contactSchemas(ctx.config.orgCountry);
    this.repo = new ContactsRepository(ctx.db);
    this.counts = new ContactPeriodCounts(ctx.db);
    this.users = new UsersRepository(ctx.db);
  }

  /** Whether a contact exists: a case file names the contact it came from. Nothing of the contact is read, so nothing is audited. */
  exists(id: string, ex?: Executor): Promise<boolean> {
    return this.repo.exists(id, ex);
  }

  /** A keyed hash of the contact's content: the same contact imported twice has the same one. */
  fingerprintOf(fields: ContactFields): string {
    const content = [fields.receivedAt, fields.channel, [...fields.topics].sort(), ...OPTIONAL_FIELDS.map((f) => fields[f] ?? null)];
    return this.ctx.cipher.keyedHash('contact', canonicalJson(content));
  }

  /** The stored form: free text and contact details encrypted, the phone also as a keyed hash. */
  rowOf(fields: ContactFields, meta: RowMeta): ContactRow {
    const c = this.ctx.cipher;
    const caller: CallerDetails = {
      ...(fields.callerName ? { name: fields.callerName } : {}),
      ...(fields.callerPhone ? { phone: fields.callerPhone } : {}),
      ...(fields.callerEmail ? { email: fields.callerEmail } : {}),
      ...(fields.contactMethod ? { method: fields.contactMethod } : {}),
      ...(fields.safeTime ? { safeTime: fields.safeTime } : {}),
    };
    const heardAboutIsCode = fields.heardAbout ? CODE_LIKE.test(fields.heardAbout) : false;
    const risk = fields.jobCheck?.risk;
    return {
      id: meta.id,
      reference: meta.reference,
      received_at: fields.receivedAt,
      channel: fields.channel,
      topics: JSON.stringify(fields.topics),
      language: fields.language ?? null,
      caller_role: fields.callerRole ?? null,
      sex: fields.sex ?? null,
      age_group: fields.ageGroup ?? null,
      nationality: fields.nationality ?? null,
      destination_country: fields.destinationCountry ?? null,
      heard_about_code: heardAboutIsCode ? fields.heardAbout! : null,
      heard_about: heardAboutIsCode ? null : c.encryptOptional(fields.heardAbout),
      summary: c.encryptOptional(fields.summary),
      referral_given: c.encryptOptional(fields.referralGiven),
      caller: Object.keys(caller).length ? c.encrypt(JSON.stringify(caller)) : null,
      phone_hash: fields.callerPhone ? c.keyedHash('phone', fields.callerPhone) : null,
      job_check: fields.jobCheck ? c.encrypt(JSON.stringify(fields.jobCheck)) : null,
      job_check_risk: risk === 'high' || risk === 'medium' || risk === 'low' ? risk : null,
      status: meta.status,
      assignee_id: meta.assigneeId,
      source: meta.source,
      fingerprint: meta.fingerprint ?? this.fingerprintOf(fields),
      created_by: meta.createdBy,
      created_at: meta.at,
      updated_at: meta.at,
    };
  }

  /** Logs a contact from a hotline operator or caseworker; answers it whole, with earlier contacts from the same number. */
  async create(input: unknown, actor: Principal, trx: Transaction<DB>): Promise<Record<string, unknown>> {
    const { status, assigneeId, ...fields } = parseOr400(this.schemas.ZCreateContactRequest, input);
    const queue = queueState({ status: 'done', assigneeId: null }, { status, assigneeId });
    if (queue.assigneeId) await this.checkAssignee(queue.assigneeId, trx);
    const row = this.rowOf(fields, { id: newId(), reference: null, ...queue, source: 'staff', createdBy: actor.userId, at: nowIso() });
    await this.repo.insert([row], trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'contact.created', targetType: 'contact', targetId: row.id, details: { channel: row.channel, topics: fields.topics } }, trx);
    return this.present(row, 'full', trx, fields);
  }

  /** An anonymous report or call-back request from the public site: a new item in the queue, with a reference to quote. */
  async report(input: unknown, trx: Transaction<DB>): Promise<{ reference: string }> {
    const req = parseOr400(this.schemas.ZPublicReportRequest, input);
    const fields: ContactFields = {
      receivedAt: nowIso(),
      channel: 'web',
      topics: [req.topic ?? 'other'],
      language: req.language,
      summary: req.message,
      ...req.contact,
    };
    const reference = await this.uniqueReference(trx);
    const row = this.rowOf(fields, { id: newId(), reference, status: 'new', assigneeId: null, source: 'public', createdBy: null, at: fields.receivedAt });
    await this.repo.insert([row], trx);
    await this.ctx.audit.record({ actorId: null, action: 'contact.reported', targetType: 'contact', targetId: row.id, details: { channel: 'web', callBack: Boolean(req.contact) } }, trx);
    return { reference };
  }

  /** One contact in the reader's view; reading its free text is audited. */
  async get(id: string, actor: Principal): Promise<Record<string, unknown>> {
    const view = this.viewFor(actor);
    return this.ctx.db.transaction().execute(async (trx) => {
      const row = await this.repo.findById(id, trx);
      if (!row) throw notFound('Contact');
      if (view === 'full') await this.ctx.audit.record({ actorId: actor.userId, action: 'contact.read', targetType: 'contact', targetId: id }, trx);
      return this.present(row, view, trx);
    });
  }

  async list(query: unknown, actor: Principal): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
    const view = this.viewFor(actor);
    const q = parseOr400(ZListContactsQuery, query);
    const range = q.from || q.to ? dayRange(q.from ?? '1900-01-01', q.to ?? '9999-12-30', this.ctx.config.orgTimezone) : undefined;
    const filter: ContactFilter = {
      start: q.from ? range!.start : undefined,
      end: q.to ? range!.end : undefined,
      topics: q.topic,
      channels: q.channel,
      statuses: q.status,
      language: q.language,
      nationality: q.nationality,
      assigneeId: q.assigneeId,
      after: q.cursor ? positionIn(q.cursor) : undefined,
    };
    let text: string | undefined;
    const phoneQuery = q.phone ?? (q.q && /^[+\d][\d\s().\-/]{5,}$/.test(q.q) ? q.q : undefined);
    if (phoneQuery !== undefined) {
      if (view !== 'full') throw forbidden('Searching by phone number needs the hotline or caseworker role.');
      const phone = this.schemas.ZPhone.safeParse(phoneQuery);
      if (!phone.success) throw invalidFields([{ field: q.phone === undefined ? 'q' : 'phone', message: 'must be a phone number' }]);
      filter.phoneHash = this.ctx.cipher.keyedHash('phone', phone.data);
    } else if (q.q && REFERENCE.test(q.q.toUpperCase())) {
      filter.reference = q.q.toUpperCase();
    } else if (q.q) {
      if (view !== 'full') throw forbidden('Searching the text of contacts needs the hotline or caseworker role.');
      text = fold(q.q);
    }
    if (text === undefined) {
      const rows = await this.repo.list(filter, q.limit + 1);
      const page = rows.slice(0, q.limit);
      return { items: await this.presentList(page), nextCursor: rows.length > q.limit ? cursorOf(this.positionOf(page.at(-1)!)) : null };
    }
    return this.searchText(filter, text, q.limit, actor);
  }

  /**
   * Free text is encrypted, so the database cannot search it: rows are decrypted and matched
   * here, a bounded number per request. A page may hold fewer than `limit` matches while
   * `nextCursor` says there is more to search.
   */
  private async searchText(filter: ContactFilter, text: string, limit: number, actor: Principal) {
    const matches: ContactRow[] = [];
    let scanned = 0;
    let last: Position | undefined;
    let exhausted = false;
    while (matches.length < limit && scanned < SEARCH_SCAN_LIMIT) {
      const rows = await this.repo.list({ ...filter, after: last ?? filter.after }, Math.min(SEARCH_BATCH, SEARCH_SCAN_LIMIT - scanned));
      for (const row of rows) {
        scanned++;
        last = this.positionOf(row);
        const p = this.privateOf(row);
        const haystack = fold([p.summary, p.heardAbout, p.referralGiven, p.callerName, p.callerEmail, p.safeTime].filter(Boolean).join('\n'));
        if (haystack.includes(text)) matches.push(row);
        if (matches.length === limit) break;
      }
      if (rows.length < SEARCH_BATCH && matches.length < limit && scanned < SEARCH_SCAN_LIMIT) {
        exhausted = true;
        break;
      }
    }
    await this.ctx.audit.record({ actorId: actor.userId, action: 'contact.searched', details: { scanned, matched: matches.length } });
    return { items: await this.presentList(matches), nextCursor: exhausted || !last ? null : cursorOf(last) };
  }

  /** Changes a contact. The coordinator, who cannot read its content, may only move it along the queue. */
  async update(id: string, input: unknown, actor: Principal): Promise<Record<string, unknown>> {
    const view = this.viewFor(actor);
    const { status, assigneeId, ...changes } = parseOr400(this.schemas.ZUpdateContactRequest, input);
    const changed = Object.keys(changes);
    if (view !== 'full' && changed.length) {
      throw forbidden(`Only the hotline and caseworkers may change ${changed.join(', ')}; you may change status and assigneeId.`);
    }
    return this.ctx.db.transaction().execute(async (trx) => {
      const row = await this.repo.findById(id, trx);
      if (!row) throw notFound('Contact');
      const queue = queueState({ status: row.status as Status, assigneeId: row.assignee_id }, { status, assigneeId });
      if (queue.assigneeId && queue.assigneeId !== row.assignee_id) await this.checkAssignee(queue.assigneeId, trx);
      const current = this.fieldsOf(row);
      const merged = { ...current, ...changes } as ContactFields;
      for (const [k, v] of Object.entries(changes)) if (v === null) delete (merged as Record<string, unknown>)[k];
      const next: ContactRow = {
        ...this.rowOf(merged, { id, reference: row.reference, ...queue, source: row.source as RowMeta['source'], createdBy: row.created_by, at: nowIso() }),
        created_at: row.created_at,
      };
      await this.repo.replace(next, merged.topics, trx);
      const fields = [...changed, ...(status !== undefined ? ['status'] : []), ...(assigneeId !== undefined ? ['assigneeId'] : [])];
      await this.ctx.audit.record({ actorId: actor.userId, action: 'contact.updated', targetType: 'contact', targetId: id, details: { fields, status: queue.status } }, trx);
      return this.present(next, view, trx, merged);
    });
  }

  /** Contacts per day and per week, by topic and by channel, for the operators' dashboard and the statistics. */
  async stats(query: unknown): Promise<ContactStats> {
    const q = parseOr400(ZStatsQuery, query);
    if (daysBetweenInclusive(q.from, q.to) > MAX_STATS_DAYS) throw invalidFields([{ field: 'to', message: 'the period may be at most ten years' }]);
    const { start, end } = dayRange(q.from, q.to, this.ctx.config.orgTimezone);
    const [channels, topics] = await Promise.all([this.repo.channelsByMinute(start, end), this.repo.topicsByMinute(start, end)]);
    return contactStats(
      channels.map((r) => ({ minute: r.minute, key: r.channel, n: Number(r.n) })),
      topics.map((r) => ({ minute: r.minute, key: r.topic, n: Number(r.n) })),
      q.from,
      q.to,
      this.ctx.config.orgTimezone,
    );
  }

  /**
   * Contacts in the whole days from..to of ORG_TIMEZONE, in total, by topic and by channel (every
   * topic and channel listed): the statistics' figures, mostly read from the per-day counts that
   * triggers keep (contact-counts.ts).
   */
  countsBetween(from: string, to: string): Promise<Counts> {
    const { start, end } = dayRange(from, to, this.ctx.config.orgTimezone);
    return this.counts.between(start, end);
  }

  /** How many contacts arrived in the whole days from..to of ORG_TIMEZONE. */
  countBetween(from: string, to: string): Promise<number> {
    const { start, end } = dayRange(from, to, this.ctx.config.orgTimezone);
    return this.counts.total(start, end);
  }

  /**
   * How many contacts that arrived in the whole days from..to of ORG_TIMEZONE said they heard of
   * the helpline through `code` (a campaign's slug, say). A count only: no contact leaves the module.
   */
  countHeardAboutBetween(code: string, from: string, to: string): Promise<number> {
    const { start, end } = dayRange(from, to, this.ctx.config.orgTimezone);
    return this.repo.countHeardAbout(code, start, end);
  }

  /** Of these fingerprints, those already stored. */
  storedFingerprints(fingerprints: readonly string[], ex?: Executor): Promise<Set<string>> {
    return this.repo.storedFingerprints(fingerprints, ex);
  }

  insertRows(rows: readonly ContactRow[], trx: Transaction<DB>): Promise<void> {
    return this.repo.insert(rows, trx);
  }

  /** Call after inserting many rows at once (an import), so later queries keep using the indexes. */
  refreshStatistics(trx: Transaction<DB>): Promise<void> {
    return this.repo.refreshStatistics(trx);
  }

  /** Who a contact may be assigned to: active hotline operators and caseworkers, by name (id and name only). */
  async assignees(): Promise<{ items: { id: string; name: string }[]; nextCursor: null }> {
    return { items: await this.users.activeNamesWithRoles(QUEUE_ROLES), nextCursor: null };
  }

  private viewFor(actor: Principal): ContactView {
    const view = viewOf(actor.roles);
    if (!view) throw forbidden();
    return view;
  }

  private async checkAssignee(userId: string, ex: Executor): Promise<void> {
    const user = await this.users.findById(userId, ex);
    const problem: FieldProblem | null = !user || user.disabled
      ? { field: 'assigneeId', message: 'no such active user' }
      : !parseRoles(user.roles).some((r) => QUEUE_ROLES.includes(r))
        ? { field: 'assigneeId', message: 'the assignee must hold the hotline or caseworker role' }
        : null;
    if (problem) throw invalidFields([problem]);
  }

  private async uniqueReference(ex: Executor): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const reference = newReference();
      if (!(await this.repo.referenceExists(reference, ex))) return reference;
    }
    throw new AppError(503, 'busy', 'Could not issue a reference; please send again.');
  }

  /** Contacts as lists show them to every reader, with their assignees' names. */
  private async presentList(rows: readonly ContactRow[]): Promise<Record<string, unknown>[]> {
    const names = await this.users.namesOf(rows.flatMap((r) => (r.assignee_id ? [r.assignee_id] : [])));
    return rows.map((r) => presentContact(this.outlineOf(r, names), 'restricted'));
  }

  private positionOf(row: ContactRow): Position {
    return { receivedAt: row.received_at, id: row.id };
  }

  /** `names`: assignees' display names by id; without them `assigneeName` is null. */
  private outlineOf(row: ContactRow, names?: ReadonlyMap<string, string>): ContactOutline {
    return {
      id: row.id,
      reference: row.reference,
      receivedAt: row.received_at,
      channel: row.channel,
      topics: JSON.parse(row.topics) as string[],
      language: row.language,
      callerRole: row.caller_role,
      sex: row.sex,
      ageGroup: row.age_group,
      nationality: row.nationality,
      destinationCountry: row.destination_country,
      heardAboutCode: row.heard_about_code,
      jobCheckRisk: row.job_check_risk,
      status: row.status,
      assigneeId: row.assignee_id,
      assigneeName: (row.assignee_id && names?.get(row.assignee_id)) ?? null,
      source: row.source,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private privateOf(row: ContactRow): ContactPrivate {
    const c = this.ctx.cipher;
    const caller = row.caller ? (JSON.parse(c.decrypt(row.caller)) as CallerDetails) : {};
    return {
      heardAbout: row.heard_about_code ?? c.decryptOptional(row.heard_about),
      summary: c.decryptOptional(row.summary),
      referralGiven: c.decryptOptional(row.referral_given),
      jobCheck: row.job_check ? (JSON.parse(c.decrypt(row.job_check)) as Record<string, unknown>) : null,
      callerName: caller.name ?? null,
      callerPhone: caller.phone ?? null,
      callerEmail: caller.email ?? null,
      contactMethod: caller.method ?? null,
      safeTime: caller.safeTime ?? null,
    };
  }

  /** The stored contact back as request fields, to merge an update into. */
  private fieldsOf(row: ContactRow): ContactFields {
    const o = this.outlineOf(row);
    const p = this.privateOf(row);
    const fields: Record<string, unknown> = {
      receivedAt: o.receivedAt,
      channel: o.channel,
      topics: o.topics,
      language: o.language,
      callerRole: o.callerRole,
      sex: o.sex,
      ageGroup: o.ageGroup,
      nationality: o.nationality,
      destinationCountry: o.destinationCountry,
      ...p,
    };
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as ContactFields;
  }

  /** `fields`, when the caller has the row's plain fields at hand (it just wrote them), spares decrypting the row. */
  private async present(row: ContactRow, view: ContactView, ex: Executor, fields?: ContactFields): Promise<Record<string, unknown>> {
    const names = await this.users.namesOf(row.assignee_id ? [row.assignee_id] : [], ex);
    if (view === 'restricted') return presentContact(this.outlineOf(row, names), 'restricted');
    const earlier: EarlierContacts = row.phone_hash
      ? await this.repo.earlierFromPhone(row.phone_hash, this.positionOf(row), EARLIER_SHOWN, ex).then((e) => ({
          count: e.count,
          items: e.items.map((i) => ({ id: i.id, receivedAt: i.received_at, channel: i.channel })),
        }))
      : { count: 0, items: [] };
    return presentContact(this.outlineOf(row, names), 'full', fields ? privateFrom(fields) : this.privateOf(row), earlier);
  }
}
