import { fileURLToPath } from 'node:url';

/** public/ at the project root, three levels above this file both in src/ and in the built dist/. */
export const PUBLIC_ASSETS_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

/** The URL prefix PUBLIC_ASSETS_DIR is served under. */
export const ASSETS_PREFIX = '/assets/';
