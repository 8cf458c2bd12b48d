import type { Child } from 'hono/jsx';

interface FieldProps {
  name: string;
  label: string;
  type?: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  attrs?: Record<string, string>;
}

/** A labelled input with its hint and error wired up for screen readers. */
export function Field({
  name,
  label,
  type = 'text',
  value,
  error,
  hint,
  required,
  autocomplete,
  attrs,
}: FieldProps) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <label for={id}>
      {label}
      <input
        id={id}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        {...attrs}
      />
      {hint ? <small id={`${id}-hint`}>{hint}</small> : null}
      {error ? (
        <small id={`${id}-error`} class="field-error">
          {error}
        </small>
      ) : null}
    </label>
  );
}

interface SelectProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/** A labelled select with its error. */
export function Select({ name, label, options, value, error, required }: SelectProps) {
  const id = `f-${name}`;
  return (
    <label for={id}>
      {label}
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === (value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <small id={`${id}-error`} class="field-error">
          {error}
        </small>
      ) : null}
    </label>
  );
}

/** The form-level error summary shown above a form that failed validation. */
export function FormErrors({ message, children }: { message?: string | null; children?: Child }) {
  if (!message) return null;
  return (
    <div class="form-error" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}
