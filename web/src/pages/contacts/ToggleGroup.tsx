import { useId, type KeyboardEvent, type Ref } from 'react';

/** The ids a control's hint and error get, and its aria-describedby. */
function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

interface ToggleGroupProps<T extends string> {
  legend: string;
  options: readonly { value: T; label: string }[];
  hint?: string;
  error?: string;
  /** The first option's input, for moving focus to the group. */
  firstRef?: Ref<HTMLInputElement>;
}

interface SingleProps<T extends string> extends ToggleGroupProps<T> {
  multiple?: false;
  value: T | '';
  onChange(value: T): void;
}

interface MultipleProps<T extends string> extends ToggleGroupProps<T> {
  multiple: true;
  value: readonly T[];
  onChange(value: T[]): void;
}

/**
 * Large radio buttons (one choice) or checkboxes (several), each numbered: while focus is in the
 * group, the digit keys pick an option, so an operator can answer without the mouse or many Tabs.
 */
export function ToggleGroup<T extends string>(props: SingleProps<T> | MultipleProps<T>) {
  const { legend, options, hint, error, firstRef } = props;
  const id = useId();
  const chosen = (v: T) => (props.multiple ? props.value.includes(v) : props.value === v);
  const choose = (v: T, on: boolean) => {
    if (props.multiple) props.onChange(on ? [...props.value, v] : props.value.filter((x) => x !== v));
    else if (on) props.onChange(v);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-9]$/.test(e.key)) return;
    const option = options[Number(e.key) - 1];
    if (!option) return;
    e.preventDefault();
    choose(option.value, props.multiple ? !chosen(option.value) : true);
    document.getElementById(`${id}-${option.value}`)?.focus();
  };

  return (
    <fieldset className={`field toggles${error ? ' field-invalid' : ''}`} aria-describedby={describedBy(id, hint, error)} onKeyDown={onKeyDown}>
      <legend>{legend}</legend>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      <div className="toggle-list">
        {options.map((o, i) => (
          <label key={o.value} className="toggle" htmlFor={`${id}-${o.value}`}>
            <input
              ref={i === 0 ? firstRef : undefined}
              id={`${id}-${o.value}`}
              type={props.multiple ? 'checkbox' : 'radio'}
              name={id}
              value={o.value}
              checked={chosen(o.value)}
              onChange={(e) => choose(o.value, e.target.checked)}
            />
            <span className="toggle-key" aria-hidden="true">{i + 1}</span>
            <span className="toggle-label">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
