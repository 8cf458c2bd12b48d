import type { Child } from 'hono/jsx';

/** Submitted form values: checkbox lists keep every ticked value. */
export type FormValues = Record<string, string | string[]>;

/** The first value of a field (checkbox lists may hold several). */
export const one = (v: FormValues, name: string): string => {
  const x = v[name];
  return Array.isArray(x) ? (x[0] ?? '') : (x ?? '');
};
/** Every value of a field (a checkbox list). */
export const many = (v: FormValues, name: string): string[] => {
  const x = v[name];
  return Array.isArray(x) ? x : x ? [x] : [];
};

/** htmx attributes of a field validated as it changes: the server answers with out-of-band error slots. */
export const live = (action: string) => ({
  'hx-post': action,
  'hx-trigger': 'change',
  'hx-include': 'closest form',
  'hx-swap': 'none',
  'hx-sync': 'closest form:queue last',
});

/** The error slot of a field: always present (empty when fine), so live validation can fill or clear it. */
export function ErrorSlot({ name, error, oob }: { name: string; error?: string | undefined; oob?: boolean }) {
  return (
    <small id={`err-${name}`} class="field-error" aria-live="polite" hx-swap-oob={oob ? 'true' : undefined}>
      {error ?? ''}
    </small>
  );
}

interface InputProps {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  type?: string;
  attrs?: Record<string, string>;
  liveAction?: string | undefined;
}

/** A labelled input with hint and error slot. */
export function Input({ name, label, value, error, hint, type = 'text', attrs, liveAction }: InputProps) {
  const id = `f-${name}`;
  return (
    <label for={id}>
      {label}
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`err-${name}${hint ? ` ${id}-hint` : ''}`}
        {...(liveAction ? live(liveAction) : {})}
        {...attrs}
      />
      {hint ? <small id={`${id}-hint`}>{hint}</small> : null}
      <ErrorSlot name={name} error={error} />
    </label>
  );
}

/** A labelled textarea with error slot. */
export function Area({ name, label, value, error, liveAction }: Omit<InputProps, 'type' | 'attrs' | 'hint'>) {
  const id = `f-${name}`;
  return (
    <label for={id}>
      {label}
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`err-${name}`}
        {...(liveAction ? live(liveAction) : {})}
      >
        {value}
      </textarea>
      <ErrorSlot name={name} error={error} />
    </label>
  );
}

/** A labelled select with error slot. */
export function Choice({
  name,
  label,
  value,
  options,
  error,
  liveAction,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string | undefined;
  liveAction?: string | undefined;
}) {
  const id = `f-${name}`;
  return (
    <label for={id}>
      {label}
      <select
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`err-${name}`}
        {...(liveAction ? live(liveAction) : {})}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorSlot name={name} error={error} />
    </label>
  );
}

/** A scrollable list of labelled checkboxes (taxonomy terms); works without JavaScript. */
export function TermPicker({
  name,
  legend,
  options,
  selected,
  error,
  liveAction,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  error?: string | undefined;
  liveAction?: string | undefined;
}) {
  return (
    <fieldset class="term-picker" aria-describedby={`err-${name}`}>
      <legend>{legend}</legend>
      <div class="term-options">
        {options.map((o) => (
          <label>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={selected.includes(o.value)}
              {...(liveAction ? live(liveAction) : {})}
            />
            {o.label}
          </label>
        ))}
      </div>
      <ErrorSlot name={name} error={error} />
    </fieldset>
  );
}

/** A row of radio buttons with a legend. */
export function Radios({
  name,
  legend,
  value,
  options,
  error,
  children,
}: {
  name: string;
  legend: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string | undefined;
  children?: Child;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label>
          <input type="radio" name={name} value={o.value} checked={o.value === value} />
          {o.label}
        </label>
      ))}
      {children}
      <ErrorSlot name={name} error={error} />
    </fieldset>
  );
}
