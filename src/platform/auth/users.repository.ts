import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB, UsersTable } from '../../db/schema.js';
import { registerEncryptedColumns } from '../crypto.js';

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

  async count(ex: Executor = this.db): Promise<number> {
    const r = await ex.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
