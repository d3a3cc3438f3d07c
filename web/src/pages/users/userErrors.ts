import { ApiError } from '../../api/client.js';
import { describeError } from '../../errors.js';
import type { Translate } from '../../i18n/i18n.js';

export interface UserFormErrors {
  form?: string;
  email?: string;
  name?: string;
  roles?: string;
}

/** The API's answer to a user form, as messages beside the fields it names. */
export function userFormErrors(t: Translate, e: unknown): UserFormErrors {
  if (e instanceof ApiError && e.code === 'email_taken') return { form: t('errors.invalidFields'), email: t('users.error.emailTaken') };
  if (e instanceof ApiError && e.code === 'invalid_fields') {
    return {
      form: t('errors.invalidFields'),
      email: e.field('email') && t('users.error.email'),
      name: e.field('name') && t('users.error.name'),
      roles: e.field('roles') && t('users.error.roles'),
    };
  }
  return { form: describeError(t, e) };
}
