import { invalidFields } from './errors.js';

/**
 * Opaque list cursors: the sort key of the last item given out, so the next page starts after it.
 * Clients pass them back untouched; one that was not given out is a 400, never a 500.
 */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The `size` parts of a cursor, or a 400 naming `cursor`. */
export function decodeCursor(cursor: string, size: number): string[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string')) return parts as string[];
  } catch {
    // reported below
  }
  throw invalidFields([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
}
