import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

// RFC 6238: 30-second steps, 6 digits, SHA-1 (what every authenticator app supports); one step of clock drift allowed.
authenticator.options = { step: 30, digits: 6, window: 1 };

export const newTotpSecret = (): string => authenticator.generateSecret(20);

/**
 * The time step a code belongs to when it is valid for `secret` and newer than `lastStep`, else
 * null: each code works once, so one read over a shoulder or from a log cannot be replayed.
 */
export function acceptedTotpStep(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: now }).checkDelta(code, secret);
  if (delta === null) return null;
  const step = Math.floor(now / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export async function enrolmentQr(secret: string, email: string): Promise<{ otpauthUrl: string; qrSvg: string }> {
  const otpauthUrl = authenticator.keyuri(email, 'Labour Justice', secret);
  return { otpauthUrl, qrSvg: await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 }) };
}

const hashCode = (code: string): string => createHash('sha256').update(code.replace(/[^a-z0-9]/gi, '').toLowerCase()).digest('hex');

/** Ten single-use recovery codes; only their hashes are stored (they carry 50 bits each). */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const s = randomBytes(8).toString('hex').slice(0, 10);
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashCode) };
}

/** Returns the remaining hashes when `code` is one of them, else null. */
export function useRecoveryCode(hashes: string[], code: string): string[] | null {
  const h = hashCode(code);
  return hashes.includes(h) ? hashes.filter((x) => x !== h) : null;
}
