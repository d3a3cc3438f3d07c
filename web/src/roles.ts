import type { Role } from '../../src/platform/roles.js';
import type { MessageKey } from './i18n/i18n.js';

export type { Role };

// The server's ROLES would bring its validation library into the bundle; a Record<Role, ...> makes the
// compiler insist on exactly the server's roles all the same. The values give the order on screen.
const ORDER: Record<Role, number> = { admin: 1, coordinator: 2, hotline: 3, caseworker: 4, campaign: 5 };
export const ROLES = (Object.keys(ORDER) as Role[]).sort((a, b) => ORDER[a] - ORDER[b]);

export const roleLabel = (role: Role): MessageKey => `roles.${role}`;
export const roleHint = (role: Role): MessageKey => `roles.${role}.hint`;
