import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.js';
import { registerEncryptedColumns } from '../crypto.js';
import { parseRoles, type Role } from '../roles.js';

export type UserRow = Selectable<UsersTable>;
type Executor = Kysely<DB> | Transaction<DB>;

registerEncryptedColumns({ table: 'users', key: 'id', columns: ['totp_secret'] });

export class UsersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findByEmail(email: string, ex: Executor = this.db): Promise<UserRow | undefined> {
    return ex.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  findById(id: string, ex: Executor = this.db): Promise<UserRow | undefined> {
    return ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: UserRow, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('users').values(row).execute();
  }

  async update(id: string, changes: Updateable<UsersTable>, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  list(opts: { limit: number; afterEmail?: string }): Promise<UserRow[]> {
    let q = this.db.selectFrom('users').selectAll().orderBy('email').limit(opts.limit);
    if (opts.afterEmail !== undefined) q = q.where('email', '>', opts.afterEmail);
    return q.execute();
  }

  /** Display names by id, of those of `ids` that are users (disabled ones included). */
  async namesOf(ids: readonly string[], ex: Executor = this.db): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await ex.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Active users holding any of `roles`, by name: their id and display name, nothing more. */
  async activeNamesWithRoles(roles: readonly Role[], ex: Executor = this.db): Promise<{ id: string; name: string }[]> {
    const rows = await ex.selectFrom('users').select(['id', 'name', 'roles']).where('disabled', '=', 0).orderBy('name').orderBy('id').execute();
    return rows.filter((r) => parseRoles(r.roles).some((role) => roles.includes(role))).map(({ id, name }) => ({ id, name }));
  }

  async count(ex: Executor = this.db): Promise<number> {
    const r = await ex.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
