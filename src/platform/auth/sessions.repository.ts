import type { Kysely, Selectable, Transaction } from 'kysely';
import { firstRow } from '../../db/database.js';
import type { DB, SessionsTable, UsersTable } from '../../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;
export type SessionWithUser = Selectable<SessionsTable> & Pick<Selectable<UsersTable>, 'email' | 'name' | 'roles' | 'disabled' | 'must_change_password' | 'totp_enabled'>;

export class SessionsRepository {
  // Runs on every signed-in request: built and compiled once, then run with each hash.
  private readonly findWithUserSql: string;

  constructor(private readonly db: Kysely<DB>) {
    this.findWithUserSql = db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id_hash', 'sessions.user_id', 'sessions.csrf_token', 'sessions.mfa_verified', 'sessions.created_at', 'sessions.last_seen_at', 'sessions.expires_at'])
      .select(['users.email', 'users.name', 'users.roles', 'users.disabled', 'users.must_change_password', 'users.totp_enabled'])
      .where('sessions.id_hash', '=', '')
      .compile().sql;
  }

  async insert(row: Selectable<SessionsTable>, ex: Executor = this.db): Promise<void> {
    await ex.insertInto('sessions').values(row).execute();
  }

  async findWithUser(idHash: string): Promise<SessionWithUser | undefined> {
    return firstRow<SessionWithUser>(this.db, this.findWithUserSql, [idHash]);
  }

  async touch(idHash: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
  }

  async markMfaVerified(idHash: string, ex: Executor = this.db): Promise<void> {
    await ex.updateTable('sessions').set({ mfa_verified: 1 }).where('id_hash', '=', idHash).execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteForUser(userId: string, ex: Executor = this.db, exceptHash?: string): Promise<void> {
    let q = ex.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptHash) q = q.where('id_hash', '!=', exceptHash);
    await q.execute();
  }
}
