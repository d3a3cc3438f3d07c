import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytesPooled } from './ids.js';

interface KeyFile {
  format: 1;
  current: number;
  keys: Record<string, string>;
  /** Keys the keyed hash for exact-match look-ups; it does not rotate with the data keys. */
  index: string;
}

const PREFIX = /^v(\d+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

/**
 * AES-256-GCM field encryption. Each ciphertext names its key version (`v2.iv.data`), so old
 * rows stay readable after a rotation until `keys rotate` re-encrypts them.
 */
export class FieldCipher {
  /** Key objects by version, and the look-up key, made once rather than decoded for every value. */
  private readonly keys = new Map<number, KeyObject>();
  private indexKey: KeyObject | undefined;

  private constructor(
    private file: KeyFile,
    private readonly path: string,
  ) {}

  /** Reads the key file, creating it (mode 0600) on first use. */
  static open(path: string): FieldCipher {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const fresh: KeyFile = { format: 1, current: 1, keys: { '1': randomBytes(32).toString('base64') }, index: randomBytes(32).toString('base64') };
      writeFileSync(path, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
    }
    const raw = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
    if (raw.format !== 1 || !raw.keys[String(raw.current)] || !raw.index) throw new Error(`${path} is not a Labour Justice key file`);
    return new FieldCipher(raw, path);
  }

  get currentVersion(): number {
    return this.file.current;
  }

  encrypt(plain: string): string {
    const iv = randomBytesPooled(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.file.current), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v${this.file.current}.${iv.toString('base64url')}.${data.toString('base64url')}`;
  }

  decrypt(value: string): string {
    const m = PREFIX.exec(value);
    if (!m) throw new Error('not an encrypted field value');
    const data = Buffer.from(m[3]!, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key(Number(m[1])), Buffer.from(m[2]!, 'base64url'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  }

  encryptOptional(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === '' ? null : this.encrypt(plain);
  }

  decryptOptional(value: string | null | undefined): string | null {
    return value ? this.decrypt(value) : null;
  }

  versionOf(value: string): number {
    return Number(PREFIX.exec(value)?.[1] ?? 0);
  }

  /** Keyed hash for exact-match look-ups of encrypted values; `purpose` separates namespaces. */
  keyedHash(purpose: string, normalised: string): string {
    this.indexKey ??= createSecretKey(Buffer.from(this.file.index, 'base64'));
    return createHmac('sha256', this.indexKey).update(`${purpose}\0${normalised}`).digest('base64url');
  }

  /** Adds a new key version and makes it current; old versions stay for decryption. */
  addKeyVersion(): number {
    const next = Math.max(...Object.keys(this.file.keys).map(Number)) + 1;
    const updated: KeyFile = { ...this.file, current: next, keys: { ...this.file.keys, [String(next)]: randomBytes(32).toString('base64') } };
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(updated, null, 2), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.path);
    this.file = updated;
    return next;
  }

  private key(version: number): KeyObject {
    let key = this.keys.get(version);
    if (!key) {
      const k = this.file.keys[String(version)];
      if (!k) throw new Error(`encryption key version ${version} is missing from the key file`);
      key = createSecretKey(Buffer.from(k, 'base64'));
      this.keys.set(version, key);
    }
    return key;
  }
}

/** Columns holding FieldCipher values, so `keys rotate` can re-encrypt every one of them. */
export interface EncryptedColumns {
  table: string;
  key: string;
  columns: string[];
}

const registry: EncryptedColumns[] = [];

export function registerEncryptedColumns(entry: EncryptedColumns): void {
  if (!registry.some((r) => r.table === entry.table)) registry.push(entry);
}

export function encryptedColumns(): readonly EncryptedColumns[] {
  return registry;
}
