import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, unreachable under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

// The most common long-enough passwords in public breach corpora; longer lists add little once
// 12 characters are required, and the patterns below catch their variants.
const COMMON = new Set([
  '123456789012', '1234567890123', 'qwertyuiopas', 'qwertyuiop123', 'password1234', 'password12345', 'passwordpassword',
  'iloveyou1234', 'administrator', 'admin1234567', 'letmein12345', 'welcome12345', 'changeme1234', 'abcdefghijkl',
  'abc123456789', 'qwerty123456', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3', 'football1234', 'baseball1234',
  'superman1234', 'sunshine1234', 'princess1234', 'trustno11234', 'monkey123456', 'dragon123456', 'master123456',
  'labourjustice', 'labour-justice', 'lozinka12345', 'lozinka123456', 'sifra1234567', 'beograd12345', 'srbija123456',
  'correcthorsebatterystaple', 'p@ssw0rd1234', 'passw0rd1234', 'qwertyqwerty', 'asdfghjkl123', 'aaaaaaaaaaaa',
]);

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'must be at most 256 characters';
  const folded = password.toLowerCase();
  if (COMMON.has(folded) || COMMON.has(folded.replace(/[^a-z0-9@]/g, ''))) return 'is a commonly used password';
  if (new Set(folded).size < 4) return 'uses too few different characters';
  if (/^(0123456789|1234567890|abcdefghijklmnopqrstuvwxyz|qwertyuiop)+$/.test(folded)) return 'is a keyboard or number sequence';
  for (const p of personal) if (p.length >= 4 && folded.includes(p.toLowerCase())) return 'must not contain your name or e-mail address';
  return null;
}

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy password that never matches'));
