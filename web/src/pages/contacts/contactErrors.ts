import { ApiError } from '../../api/client.js';
import { describeError } from '../../errors.js';
import type { MessageKey, Translate } from '../../i18n/i18n.js';

/** What to say beside each field the API named, in the reader's language. */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  receivedAt: 'contacts.error.receivedAt',
  channel: 'contacts.error.channel',
  topics: 'contacts.error.topics',
  language: 'contacts.error.choice',
  callerRole: 'contacts.error.choice',
  sex: 'contacts.error.choice',
  ageGroup: 'contacts.error.choice',
  nationality: 'contacts.error.choice',
  destinationCountry: 'contacts.error.choice',
  citizenship: 'contacts.error.choice',
  exploitationTypes: 'contacts.error.choice',
  heardAbout: 'contacts.error.tooLong',
  summary: 'contacts.error.tooLong',
  referralGiven: 'contacts.error.tooLong',
  notes: 'contacts.error.tooLong',
  callerPhone: 'contacts.error.callerPhone',
};

export type FieldErrors = Partial<Record<string, string>> & { form?: string };

/**
 * The API's answer to a form: a message for the form, and one beside each field it names
 * (`topics.0` is `topics`). A problem with a field the form does not show goes in the form's message.
 */
export function fieldErrors(t: Translate, e: unknown, shown: readonly string[]): FieldErrors {
  if (!(e instanceof ApiError) || e.code !== 'invalid_fields') return { form: describeError(t, e) };
  const errors: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const { field, message } of e.fieldErrors) {
    const name = field.split('.')[0]!;
    const key = FIELD_MESSAGES[name];
    if (shown.includes(name)) errors[name] ??= key ? t(key) : message;
    else elsewhere.push(`${field}: ${message}`);
  }
  errors.form = [t('errors.invalidFields'), ...elsewhere].join(' ');
  return errors;
}
