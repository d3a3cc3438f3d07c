import { randomBytes } from 'node:crypto';

// A randomBytes call has a fixed cost (some 20 µs on a busy machine) however few bytes it returns;
// ids and IVs take theirs from a pool filled 4 KiB at a time. Every byte is handed out once.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/** `n` (at most 4 KiB) fresh bytes from the operating system's generator, in a buffer of their own. */
export function randomBytesPooled(n: number): Buffer {
  if (used + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  const b = Buffer.from(pool.subarray(used, used + n));
  used += n;
  return b;
}

/** A UUIDv7: time-ordered, so ids sort by creation and make stable cursors on both databases. */
export function newId(now = Date.now()): string {
  const b = randomBytesPooled(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const nowIso = (): string => new Date().toISOString();

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
