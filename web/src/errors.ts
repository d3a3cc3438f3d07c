import { ApiError } from './api/client.js';
import type { Translate } from './i18n/i18n.js';

/**
 * The sentence to show for a failed call when the page has nothing more specific to say. Pages handle
 * the codes that belong to them (a wrong password, a taken e-mail) before falling back to this.
 */
export function describeError(t: Translate, e: unknown): string {
  if (!(e instanceof ApiError)) return t('errors.unexpected');
  switch (e.code) {
    case 'network':
      return t('errors.network');
    case 'rate_limited':
      return t('errors.rateLimited', { seconds: e.retryAfterSeconds ?? 60 });
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_found':
      return t('errors.notFound');
    case 'invalid_fields':
      return t('errors.invalidFields');
    case 'unauthenticated':
      return t('errors.sessionEnded');
    default:
      return e.status >= 500 ? t('errors.internal', { reference: e.requestId ?? '-' }) : e.message;
  }
}
