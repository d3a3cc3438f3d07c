import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useI18n } from '../i18n/i18n.js';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are read out with it. */
export function TextField({ label, value, onChange, hint, error, className, ...input }: TextFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...input} />
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  onChange(value: T | ''): void;
  options: readonly { value: T; label: string }[];
  /** Options shown first, in a group of their own (the countries a form sees most). */
  frequent?: readonly { value: T; label: string }[];
  frequentLabel?: string;
  allLabel?: string;
  /** The label of the empty choice; without it a value must be chosen. */
  empty?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

/** A labelled choice from a closed list, with its hint and error read out with it. */
export function SelectField<T extends string>({ label, value, onChange, options, frequent, frequentLabel, allLabel, empty, hint, error, required, disabled }: SelectFieldProps<T>) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const render = (list: readonly { value: T; label: string }[]) => list.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      <select
        id={id}
        value={value}
        required={required}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as T | '')}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {frequent?.length ? (
          <>
            <optgroup label={frequentLabel}>{render(frequent)}</optgroup>
            <optgroup label={allLabel}>{render(options)}</optgroup>
          </>
        ) : (
          render(options)
        )}
      </select>
    </div>
  );
}

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  rows?: number;
  maxLength?: number;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line input for notes and outcomes. */
export function TextAreaField({ label, value, onChange, hint, error, rows = 4, maxLength, ref }: TextAreaFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      <textarea ref={ref} id={id} rows={rows} maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} />
    </div>
  );
}

interface CheckboxGroupProps<T extends string> {
  legend: string;
  options: readonly { value: T; label: string; hint?: string; disabled?: boolean }[];
  selected: readonly T[];
  onChange(selected: T[]): void;
  error?: string;
}

export function CheckboxGroup<T extends string>({ legend, options, selected, onChange, error }: CheckboxGroupProps<T>) {
  const id = useId();
  const toggle = (value: T, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className={`field checkboxes${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      {options.map((o) => (
        <div className="checkbox" key={o.value}>
          <input id={`${id}-${o.value}`} type="checkbox" checked={selected.includes(o.value)} disabled={o.disabled} onChange={(e) => toggle(o.value, e.target.checked)} />
          <label htmlFor={`${id}-${o.value}`}>
            {o.label}
            {o.hint && <span className="hint">{o.hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** One labelled yes-or-no box. */
export function CheckboxField({ label, checked, onChange, hint, className }: { label: string; checked: boolean; onChange(checked: boolean): void; hint?: string; className?: string }) {
  const id = useId();
  return (
    <div className={`field checkbox${className ? ` ${className}` : ''}`}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
    </div>
  );
}

/**
 * Where a form's error appears. The region is always in the page, empty until something goes wrong,
 * because screen readers only announce changes to a live region that already exists.
 */
export function FormError({ message }: { message: string | null | undefined }) {
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

/** The polite counterpart of FormError, for "saved" and similar news. */
export function Status({ message }: { message: ReactNode }) {
  return (
    <div className="status-message" role="status">
      {message}
    </div>
  );
}

export function SubmitButton({ busy, children, className = 'button' }: { busy: boolean; children: ReactNode; className?: string }) {
  return (
    <button type="submit" className={className} disabled={busy} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}

/** A form's footer: its submit button, and a cancel button where the form can be left without saving. */
export function FormActions({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: ReactNode; onCancel?: (() => void) | undefined }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
      {onCancel && <button type="button" className="button secondary" onClick={onCancel}>{t('common.cancel')}</button>}
    </div>
  );
}
