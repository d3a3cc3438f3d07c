import { z } from 'zod';

export const ROLES = ['admin', 'coordinator', 'hotline', 'caseworker', 'campaign'] as const;
export type Role = (typeof ROLES)[number];
export const ZRole = z.enum(ROLES);

/** Roles whose holders must use two-factor sign-in (unless MFA_REQUIRED=false). */
export const MFA_ROLES: readonly Role[] = ['admin', 'caseworker'];

export const parseRoles = (stored: string): Role[] => stored.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
export const storeRoles = (roles: readonly Role[]): string => [...new Set(roles)].sort().join(',');
