import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Dialect } from './db/database.js';
import type { DB } from './db/schema.js';
import type { AuditTrail } from './platform/audit.js';
import type { AuthService } from './platform/auth/auth.service.js';
import type { FieldCipher } from './platform/crypto.js';

/** What every module's service gets: the shared platform services of one running instance. */
export interface AppContext {
  config: Config;
  db: Kysely<DB>;
  dialect: Dialect;
  cipher: FieldCipher;
  audit: AuditTrail;
  auth: AuthService;
}
