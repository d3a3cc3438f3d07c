import type { Role } from '../../../src/platform/roles.js';
import { request, type Page } from './client.js';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  mfaEnabled: boolean;
}

export const listUsers = (query: { limit?: number; cursor?: string } = {}) => request<Page<StaffUser>>('GET', '/users', { query });

export const createUser = (body: { email: string; name: string; roles: Role[] }) =>
  request<StaffUser & { oneTimePassword: string }>('POST', '/users', { body });

export const updateUser = (id: string, body: { roles?: Role[]; disabled?: boolean; name?: string }) =>
  request<StaffUser>('PATCH', `/users/${encodeURIComponent(id)}`, { body });

export const resetUserMfa = (id: string) => request<StaffUser>('POST', `/users/${encodeURIComponent(id)}/mfa-reset`);

export const resetUserPassword = (id: string) => request<{ oneTimePassword: string }>('POST', `/users/${encodeURIComponent(id)}/password-reset`);
