import type { Child } from 'hono/jsx';
import type { Locale, T } from '../../../src/i18n/index.js';
import type { Section } from '../../../src/suppliers/form.js';
import type { TermKind } from '../../../src/taxonomy/dictionary.js';
import type { Taxonomy } from '../../../src/taxonomy/service.js';

type V = (name: string) => string;
type Vs = (name: string) => string[];

/** After a failed save, what was typed; otherwise the stored value, as a string for an input. */
export function readValue(raw: Record<string, unknown> | null, current: Record<string, unknown>): V {
  return (name) => {
    const v = raw ? raw[name] : current[name];
    if (v === null || v === undefined) return '';
    return Array.isArray(v) ? String(v[0] ?? '') : String(v);
  };
}

/** As readValue, for multi-valued fields such as checkbox groups. */
export function readValues(raw: Record<string, unknown> | null, current: Record<string, string[]>): Vs {
  return (name) => {
    if (!raw) return current[name] ?? [];
    const v = raw[name];
    return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
  };
}

/** Each section posts on its own, so one invalid section never discards another's edits. */
export function SectionForm({
  id,
  section,
  t,
  children,
}: {
  id: string;
  section: Section;
  t: T;
  children?: Child;
}) {
  return (
    <article id={section}>
      <h2>{t(`suppliers.section.${section}`)}</h2>
      <form method="post" action={`/suppliers/${id}/edit/${section}`}>
        {children}
        <button type="submit">{t('common.save')}</button>
      </form>
    </article>
  );
}

/** Rebuilds repeated rows (certificates, contacts) from `prefix.i.field` names, skipping blank rows. */
export function indexed(
  raw: Record<string, unknown>,
  prefix: string,
  fields: string[],
): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let i = 0; i < 50; i++) {
    if (!fields.some((f) => `${prefix}.${i}.${f}` in raw)) continue;
    const row = Object.fromEntries(fields.map((f) => [f, String(raw[`${prefix}.${i}.${f}`] ?? '')]));
    if (Object.values(row).some((x) => x !== '')) out.push(row);
  }
  return out;
}

/** A taxonomy kind as checkboxes sorted in the reader's language. */
export function Checkboxes(p: {
  name: string;
  legend: string;
  kind: TermKind;
  tax: Taxonomy;
  locale: Locale;
  selected: string[];
  error?: string | undefined;
}) {
  const terms = [...p.tax.ofKind(p.kind)].sort((a, b) =>
    (p.locale === 'en' ? a.labelEn : a.labelId).localeCompare(p.locale === 'en' ? b.labelEn : b.labelId),
  );
  return (
    <fieldset class="checkbox-columns" aria-invalid={p.error ? 'true' : undefined}>
      <legend>{p.legend}</legend>
      {terms.map((term) => (
        <label>
          <input type="checkbox" name={p.name} value={term.slug} checked={p.selected.includes(term.slug)} />
          {p.locale === 'en' ? term.labelEn : term.labelId}
        </label>
      ))}
      {p.error ? <small class="field-error">{p.error}</small> : null}
    </fieldset>
  );
}

/** A labelled textarea with hint and error, matching Field for multi-line text. */
export function TextArea(p: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
}) {
  const id = `f-${p.name}`;
  return (
    <label for={id}>
      {p.label}
      <textarea id={id} name={p.name} rows={4} aria-invalid={p.error ? 'true' : undefined}>
        {p.value}
      </textarea>
      {p.hint ? <small>{p.hint}</small> : null}
      {p.error ? <small class="field-error">{p.error}</small> : null}
    </label>
  );
}
