import type { Role } from '../../platform/roles.js';

/** The one JSON shape of a staff user; secrets (hashes, TOTP, recovery codes) never leave the server. */
export function presentUser(u: { id: string; email: string; name: string; roles: Role[]; disabled?: boolean; mfaEnabled?: boolean }) {
  return { id: u.id, email: u.email, name: u.name, roles: u.roles, ...(u.disabled === undefined ? {} : { disabled: u.disabled }), ...(u.mfaEnabled === undefined ? {} : { mfaEnabled: u.mfaEnabled }) };
}
