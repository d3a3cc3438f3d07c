import type { CaseVocabularies } from '../../api/cases.js';
import type { PartnerKind } from '../../api/partners.js';
import { ApiError } from '../../api/client.js';
import { describeError } from '../../errors.js';
import type { Translate } from '../../i18n/i18n.js';

type Of<K extends keyof CaseVocabularies> = CaseVocabularies[K] extends readonly (infer V)[] ? (V extends { id: infer I } ? I : V) : never;

/**
 * The reader's words for each value of the case vocabularies. Each list's message keys are built from
 * its values' types, so the compiler refuses a value without a message in locales/en/staff.json.
 * The API sends the values as plain strings; they come from these very lists.
 */
export const labels = {
  status: (t: Translate, v: string) => t(`cases.status.${v as Of<'statuses'>}`),
  sex: (t: Translate, v: string) => t(`cases.sex.${v as Of<'sexes'>}`),
  exploitation: (t: Translate, v: string) => t(`cases.exploitation.${v as Of<'exploitationTypes'>}`),
  body: (t: Translate, v: string) => t(`cases.body.${v as Of<'identifyingBodies'>}`),
  sector: (t: Translate, v: string) => t(`cases.sector.${v as Of<'sectors'>}`),
  means: (t: Translate, v: string) => t(`cases.means.${v as Of<'meansOfControl'>}`),
  recruitment: (t: Translate, v: string) => t(`cases.recruitment.${v as Of<'recruitmentMethods'>}`),
  recruiter: (t: Translate, v: string) => t(`cases.recruiter.${v as Of<'recruiterRelations'>}`),
  source: (t: Translate, v: string) => t(`cases.source.${v as Of<'referralSources'>}`),
  document: (t: Translate, v: string) => t(`cases.document.${v as Of<'documentTypes'>}`),
  service: (t: Translate, v: string) => t(`cases.service.${v as Of<'serviceKinds'>}`),
  purpose: (t: Translate, v: string) => t(`cases.purpose.${v as Of<'referralPurposes'>}`),
  referralStatus: (t: Translate, v: string) => t(`cases.referralStatus.${v as Of<'referralStatuses'>}`),
  partnerKind: (t: Translate, v: string) => t(`cases.partnerKind.${v as PartnerKind}`),
};

/** A select's or checkbox group's options for one list, in the API's order. */
export const optionsOf = <V extends string>(t: Translate, label: (t: Translate, v: string) => string, values: readonly V[]) =>
  values.map((value) => ({ value, label: label(t, value) }));

/** The messages of a refused form: one beside each field the API named, and one at the top. */
export interface FormErrors {
  form?: string;
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { fields: {} };

/**
 * The API's answer to a form: its messages beside the fields it named. `shown` are the fields the
 * form has (a prefix covers what is inside it); a problem with any other field is told at the top.
 * `own` words the problems the page can name better itself, by field.
 */
export function formErrorsOf(t: Translate, e: unknown, shown: readonly string[], own: Readonly<Record<string, string>> = {}): FormErrors {
  if (!(e instanceof ApiError) || e.fieldErrors.length === 0) return { form: describeError(t, e), fields: {} };
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const { field, message } of e.fieldErrors) {
    // A choice left empty reads better in the page's words than in the validator's.
    const text = own[field] ?? message;
    if (shown.some((f) => field === f || field.startsWith(`${f}.`))) fields[field] = fields[field] && fields[field] !== text ? `${fields[field]}; ${text}` : text;
    else elsewhere.push(`${field}: ${text}`);
  }
  return { form: [t('errors.invalidFields'), ...elsewhere].join(' '), fields };
}

/** The errors for a field and everything inside it (`contact` covers `contact.email`). */
export function errorUnder(errors: FormErrors, field: string): string | undefined {
  const found = Object.entries(errors.fields).filter(([f]) => f === field || f.startsWith(`${field}.`));
  return found.length ? found.map(([, m]) => m).join('; ') : undefined;
}
