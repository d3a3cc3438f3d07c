import type { Migration } from 'kysely';
import * as platform from './20261128_0001_platform.js';

// Every migration, in order; each runs on SQLite and PostgreSQL alike.
export const migrations: Record<string, Migration> = {
  '20261128_0001_platform': platform,
};
