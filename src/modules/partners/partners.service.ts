import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/auth/auth.service.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { notFound, parseOr400 } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { partnerRef, presentPartner } from './partners.presenter.js';
import { PartnersRepository, type PartnerRow } from './partners.repository.js';
import { ZCreatePartnerRequest, ZPartnerListQuery, ZUpdatePartnerRequest, type ZPartnerContact } from './partners.schemas.js';

export type PartnerContact = z.infer<typeof ZPartnerContact>;
export type PartnerRef = ReturnType<typeof partnerRef>;
export type Partner = ReturnType<typeof presentPartner>;

const namePosition = ([name, id]: string[]) => ({ name: name!, id: id! });

/** The partner directory: labour inspection, police, the state Centre, unions, shelters, embassies... */
export class PartnersService {
  private readonly partners: PartnersRepository;

  constructor(private readonly ctx: AppContext) {
    this.partners = new PartnersRepository(ctx.db);
  }

  private present(row: PartnerRow) {
    return presentPartner(row, JSON.parse(this.ctx.cipher.decryptOptional(row.contacts) ?? '[]') as PartnerContact[]);
  }

  private encryptContacts(contacts: readonly PartnerContact[]): string | null {
    return contacts.length ? this.ctx.cipher.encrypt(JSON.stringify(contacts)) : null;
  }

  /** Creates a partner inside the caller's transaction (the one that also claims an Idempotency-Key). */
  async create(input: unknown, actor: Pick<Principal, 'userId'>, trx: Transaction<DB>) {
    const req = parseOr400(ZCreatePartnerRequest, input);
    const at = nowIso();
    const row: PartnerRow = {
      id: newId(), name: req.name, kind: req.kind, sectors: JSON.stringify(req.sectors), country: req.country, city: req.city ?? null,
      languages: JSON.stringify(req.languages), website: req.website ?? null, contacts: this.encryptContacts(req.contacts), active: Number(req.active),
      created_at: at, updated_at: at,
    };
    await this.partners.insert(row, trx);
    await this.ctx.audit.record({ actorId: actor.userId, action: 'partner.created', targetType: 'partner', targetId: row.id, details: { kind: req.kind } }, trx);
    return this.present(row);
  }

  async update(id: string, input: unknown, actor: Pick<Principal, 'userId'>) {
    const req = parseOr400(ZUpdatePartnerRequest, input);
    return this.ctx.db.transaction().execute(async (trx) => {
      const before = await this.partners.findById(id, trx);
      if (!before) throw notFound('Partner');
      await this.partners.update(id, {
        ...(req.name !== undefined ? { name: req.name } : {}),
        ...(req.kind !== undefined ? { kind: req.kind } : {}),
        ...(req.country !== undefined ? { country: req.country } : {}),
        ...(req.sectors !== undefined ? { sectors: JSON.stringify(req.sectors) } : {}),
        ...(req.languages !== undefined ? { languages: JSON.stringify(req.languages) } : {}),
        ...(req.contacts !== undefined ? { contacts: this.encryptContacts(req.contacts) } : {}),
        ...(req.city !== undefined ? { city: req.city } : {}),
        ...(req.website !== undefined ? { website: req.website } : {}),
        ...(req.active !== undefined ? { active: Number(req.active) } : {}),
        updated_at: nowIso(),
      }, trx);
      await this.ctx.audit.record({ actorId: actor.userId, action: 'partner.updated', targetType: 'partner', targetId: id, details: { fields: Object.keys(req) } }, trx);
      return this.present((await this.partners.findById(id, trx))!);
    });
  }

  async get(id: string) {
    const row = await this.partners.findById(id);
    if (!row) throw notFound('Partner');
    return this.present(row);
  }

  async list(query: unknown) {
    const q = parseOr400(ZPartnerListQuery, query);
    const rows = await this.partners.list({
      kind: q.kind, sector: q.sector, country: q.country, nameContains: q.q,
      active: q.active === 'all' ? undefined : q.active === 'true',
      after: q.cursor ? namePosition(decodeCursor(q.cursor, 2)) : undefined, limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    return { items: page.map((r) => this.present(r)), nextCursor: rows.length > q.limit ? encodeCursor([page.at(-1)!.name, page.at(-1)!.id]) : null };
  }

  /** How case files and stakeholders name the partners they refer to, by id; ids that name no partner are left out. */
  async refsOf(ids: readonly string[], ex?: Kysely<DB> | Transaction<DB>): Promise<Map<string, PartnerRef>> {
    return new Map((await this.byIds(ids, ex)).map((r) => [r.id, partnerRef(r)]));
  }

  /** Whole directory entries with their contacts, by id (events invite a partner's people); ids that name no partner are left out. */
  async entriesOf(ids: readonly string[], ex?: Kysely<DB> | Transaction<DB>): Promise<Map<string, Partner>> {
    return new Map((await this.byIds(ids, ex)).map((r) => [r.id, this.present(r)]));
  }

  /** Every active partner's name, for matching a contact list's organisations to the directory. */
  activeRefs(ex?: Kysely<DB> | Transaction<DB>): Promise<PartnerRef[]> {
    return this.partners.activeRefs(ex);
  }

  private byIds(ids: readonly string[], ex?: Kysely<DB> | Transaction<DB>): Promise<PartnerRow[]> {
    return this.partners.findByIds([...new Set(ids)], ex);
  }
}
