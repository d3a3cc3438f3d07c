import type { Migration } from 'kysely';
import * as platform from './20261128_0001_platform.js';
import * as totpReplay from './20261128_0002_totp_replay.js';

// Every migration, in order; each runs on SQLite and PostgreSQL alike.
export const migrations: Record<string, Migration> = {
  '20261128_0001_platform': platform,
  '20261128_0002_totp_replay': totpReplay,
};
