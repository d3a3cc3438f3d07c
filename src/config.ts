import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:PATH or postgres://…')
    .default('sqlite:./data/labour-justice.db'),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ORG_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as RS')
    .default('RS'),
  ORG_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Belgrade')
    .default('Europe/Belgrade'),
  DATA_KEY_FILE: z.string().min(1).optional(),
  MFA_REQUIRED: boolean.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Set when a reverse proxy terminates HTTPS: enables HSTS, Secure cookies and proxy client addresses.
  TRUST_PROXY: boolean.default(false),
  SOS_PHONE: z.string().min(3).default('0800 000 000'),
  SOS_HOURS: z.string().min(1).default('Mon–Fri 10:00–18:00'),
  RETENTION_YEARS: z.coerce.number().int().min(1).max(50).default(10),
});

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  orgCountry: string;
  orgTimezone: string;
  dataKeyFile: string;
  mfaRequired: boolean;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  trustProxy: boolean;
  sos: { phone: string; hours: string };
  retentionYears: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the environment; every bad value is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    orgCountry: e.ORG_COUNTRY,
    orgTimezone: e.ORG_TIMEZONE,
    dataKeyFile: resolve(e.DATA_KEY_FILE ?? defaultKeyFile(e.DATABASE_URL)),
    mfaRequired: e.MFA_REQUIRED,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sos: { phone: e.SOS_PHONE, hours: e.SOS_HOURS },
    retentionYears: e.RETENTION_YEARS,
  };
}

// The key lives beside the SQLite file so a newcomer's data and key stay together (and out of git).
function defaultKeyFile(databaseUrl: string): string {
  return databaseUrl.startsWith('sqlite:')
    ? join(dirname(databaseUrl.slice('sqlite:'.length)), 'data.key')
    : join('data', 'data.key');
}
