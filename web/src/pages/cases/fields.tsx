import { useMemo, useState } from 'react';
import { LOCALES } from '../../../../src/platform/i18n/locales.js';
import { COUNTRY_CODES } from '../../../../src/platform/countries.js';
import { CheckboxGroup, SelectField, TextField } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';

/** Where the organisation's cases mostly come from and lead to: first in every country list. */
const FREQUENT_COUNTRIES = ['RS', 'IN', 'TR', 'PK', 'CN', 'AL', 'VN', 'NP', 'BD', 'PH', 'DE', 'AT'];
/** The languages victims and partners most often speak; any other is typed as a code. */
const FREQUENT_LANGUAGES = ['sr', 'en', 'hi', 'ur', 'pa', 'tr', 'zh', 'sq', 'vi', 'ne', 'bn', 'tl', 'ru', 'ar', 'de'];

/** Days, countries and languages in the reader's language. */
export function useFormat() {
  const { lang } = useI18n();
  return useMemo(() => {
    const tag = LOCALES[lang].tag;
    // A day is a calendar date, not an instant: format it at UTC so no time zone moves it.
    const dayFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
    const regions = new Intl.DisplayNames(tag, { type: 'region', fallback: 'code' });
    const languages = new Intl.DisplayNames(tag, { type: 'language', fallback: 'code' });
    const collator = new Intl.Collator(tag);
    const country = (code: string) => regions.of(code) ?? code;
    const language = (code: string) => {
      try {
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const countryOptions = COUNTRY_CODES.map((value) => ({ value, label: country(value) })).sort((a, b) => collator.compare(a.label, b.label));
    return {
      day: (iso: string) => dayFormat.format(new Date(`${iso}T00:00:00Z`)),
      country,
      language,
      countryOptions,
      frequentCountries: FREQUENT_COUNTRIES.map((value) => ({ value, label: country(value) })),
      frequentLanguages: FREQUENT_LANGUAGES.map((value) => ({ value, label: language(value) })),
    };
  }, [lang]);
}

/** Today in the browser's time zone, as the API writes days. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function CountryField({ label, value, onChange, error, required, hint }: { label: string; value: string; onChange(v: string): void; error?: string; required?: boolean; hint?: string }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={f.countryOptions}
      frequent={f.frequentCountries}
      frequentLabel={t('cases.country.frequent')}
      allLabel={t('cases.country.all')}
      empty={required ? t('cases.choose') : t('cases.notKnown')}
      required={required}
      error={error}
      hint={hint}
    />
  );
}

export function DateField({ label, value, onChange, error, hint, required }: { label: string; value: string; onChange(v: string): void; error?: string; hint?: string; required?: boolean }) {
  return <TextField type="date" label={label} value={value} onChange={onChange} error={error} hint={hint} required={required} className="field-date" />;
}

/** Languages as ticks for the frequent ones and BCP 47 codes for any other. */
export function LanguagesField({ legend, value, onChange, error }: { legend: string; value: readonly string[]; onChange(v: string[]): void; error?: string }) {
  const { t } = useI18n();
  const f = useFormat();
  const known = new Set(FREQUENT_LANGUAGES);
  const ticked = value.filter((l) => known.has(l));
  const [others, setOthers] = useState(value.filter((l) => !known.has(l)).join(', '));
  const parse = (text: string) => text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  return (
    <div className="checkbox-columns">
      <CheckboxGroup legend={legend} options={f.frequentLanguages} selected={ticked} onChange={(v) => onChange([...v, ...parse(others)])} error={error} />
      <TextField
        label={t('cases.languages.other')}
        hint={t('cases.languages.other.hint')}
        value={others}
        spellCheck={false}
        autoCapitalize="none"
        onChange={(text) => {
          setOthers(text);
          onChange([...ticked, ...parse(text)]);
        }}
      />
    </div>
  );
}
