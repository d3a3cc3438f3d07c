import type { Restriction } from '../../../src/platform/auth/auth.service.js';
import type { Role } from '../../../src/platform/roles.js';
import { request, setCsrfToken } from './client.js';

export type { Restriction, Role };

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  restriction: Restriction;
}

export interface MfaEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

async function session<T extends Session>(call: Promise<T>): Promise<T> {
  const s = await call;
  setCsrfToken(s.csrfToken);
  return s;
}

export const login = (body: { email: string; password: string; totp?: string }) => session(request<Session>('POST', '/auth/login', { body }));

export const currentSession = () => session(request<Session>('GET', '/auth/me'));

export async function logout(): Promise<void> {
  try {
    await request('POST', '/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export const changePassword = (body: { currentPassword: string; newPassword: string }) => session(request<Session>('POST', '/auth/password', { body }));

export const startMfaEnrolment = () => request<MfaEnrolment>('POST', '/auth/mfa/enrolment');

export const confirmMfaEnrolment = (code: string) =>
  session(request<Session & { recoveryCodes: string[] }>('POST', '/auth/mfa/enrolment/confirm', { body: { code } }));
