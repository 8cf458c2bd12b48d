import type { Child } from 'hono/jsx';
import type { QuotaUsage as Usage } from '../../src/files/quota.js';
import type { FileMeta, MediaItem } from '../../src/files/repo.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { Section } from '../../src/suppliers/form.js';
import type { Profile } from '../../src/suppliers/profile.js';
import type { TermKind } from '../../src/taxonomy/dictionary.js';
import type { Taxonomy } from '../../src/taxonomy/service.js';
import { Field, FormErrors } from '../components/form.js';
import { type RegencyOption, RegencySelect } from '../components/RegencySelect.js';
import { EvidenceLink } from '../files/FileLink.js';
import { MediaGallery } from '../files/MediaGallery.js';
import { QuotaUsage } from '../files/QuotaUsage.js';
import { UploadForm } from '../files/UploadForm.js';

export type { RegencyOption };

export interface EditPageProps {
  t: T;
  locale: Locale;
  tax: Taxonomy;
  profile: Profile;
  regencies: RegencyOption[];
  media: MediaItem[];
  evidence: Map<string, FileMeta>;
  /** The organisation's storage against its upload quota, shown with the upload forms. */
  usage?: Usage | undefined;
  /** The section that failed validation, with what was typed and the errors. */
  failed?: { section: Section; raw: Record<string, unknown>; errors: Record<string, string> } | null;
}

type V = (name: string) => string;
type Vs = (name: string) => string[];

/** Self-service editing in sections; each section is its own form that works without JavaScript. */
export function EditPage(p: EditPageProps) {
  const { t, profile } = p;
  const s = profile.supplier;
  const id = s.organizationId;
  const failed = p.failed ?? null;
  const errs = (section: Section) => (failed?.section === section ? failed.errors : {});
  const raw = (section: Section) => (failed?.section === section ? failed.raw : null);
  return (
    <section id="supplier-edit">
      <hgroup>
        <h1>{t('suppliers.edit_title')}</h1>
        <p>
          <a href={`/suppliers/${id}`}>{s.legalName}</a>
        </p>
      </hgroup>
      <FormErrors message={failed ? t('errors.invalid') : null} />
      <nav aria-label={t('suppliers.sections')}>
        <ul>
          {(
            [
              'identity',
              'location',
              'capabilities',
              'certifications',
              'evidence',
              'media',
              'contacts',
            ] as const
          ).map((sec) => (
            <li>
              <a href={`#${sec}`}>{t(`suppliers.section.${sec}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Identity {...p} errors={errs('identity')} raw={raw('identity')} />
      <Location {...p} errors={errs('location')} raw={raw('location')} />
      <Capabilities {...p} errors={errs('capabilities')} raw={raw('capabilities')} />
      <Certifications {...p} errors={errs('certifications')} raw={raw('certifications')} />
      <Evidence {...p} />
      <Media {...p} />
      <Contacts {...p} errors={errs('contacts')} raw={raw('contacts')} />
    </section>
  );
}

type SectionProps = EditPageProps & { errors: Record<string, string>; raw: Record<string, unknown> | null };

function readValue(raw: Record<string, unknown> | null, current: Record<string, unknown>): V {
  return (name) => {
    const v = raw ? raw[name] : current[name];
    if (v === null || v === undefined) return '';
    return Array.isArray(v) ? String(v[0] ?? '') : String(v);
  };
}

function readValues(raw: Record<string, unknown> | null, current: Record<string, string[]>): Vs {
  return (name) => {
    if (!raw) return current[name] ?? [];
    const v = raw[name];
    return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
  };
}

function SectionForm({ id, section, t, children }: { id: string; section: Section; t: T; children?: Child }) {
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

function Identity({ t, profile, tax, locale, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const v = readValue(raw, {
    legal_name: s.legalName,
    trading_name: s.tradingName,
    nib: s.nib,
    year_founded: s.yearFounded,
    employees: s.employees,
    description_id: s.descriptionId,
    description_en: s.descriptionEn,
  });
  const kbli = readValues(raw, { kbli: s.kbli })('kbli');
  return (
    <SectionForm id={s.organizationId} section="identity" t={t}>
      <Field
        name="legal_name"
        label={t('suppliers.field.legal_name')}
        value={v('legal_name')}
        error={errors.legal_name}
        required
      />
      <Field
        name="trading_name"
        label={t('suppliers.field.trading_name')}
        value={v('trading_name')}
        error={errors.trading_name}
      />
      <Field
        name="nib"
        label="NIB"
        hint={t('suppliers.hint.nib')}
        value={v('nib')}
        error={errors.nib}
        attrs={{
          inputmode: 'numeric',
          'hx-post': `/suppliers/${s.organizationId}/validate/nib`,
          'hx-trigger': 'input changed delay:400ms',
          'hx-target': '#nib-check',
          'hx-swap': 'innerHTML',
        }}
      />
      <p id="nib-check" class="live-check" aria-live="polite" />
      <label for="f-kbli">
        KBLI
        <select id="f-kbli" name="kbli" multiple size={6} aria-invalid={errors.kbli ? 'true' : undefined}>
          {[...tax.ofKind('kbli')]
            .sort((a, b) => a.slug.localeCompare(b.slug))
            .map((k) => (
              <option value={k.slug} selected={kbli.includes(k.slug)}>
                {k.slug} · {locale === 'en' ? k.labelEn : k.labelId}
              </option>
            ))}
        </select>
        {errors.kbli ? <small class="field-error">{errors.kbli}</small> : null}
      </label>
      <div class="grid">
        <Field
          name="year_founded"
          type="number"
          label={t('suppliers.field.year_founded')}
          value={v('year_founded')}
          error={errors.year_founded}
        />
        <Field
          name="employees"
          type="number"
          label={t('suppliers.field.employees')}
          value={v('employees')}
          error={errors.employees}
        />
      </div>
      <TextArea
        name="description_id"
        label={t('suppliers.field.description_id')}
        value={v('description_id')}
        error={errors.description_id}
      />
      <TextArea
        name="description_en"
        label={t('suppliers.field.description_en')}
        value={v('description_en')}
        error={errors.description_en}
      />
    </SectionForm>
  );
}

function Location({ t, profile, regencies, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const v = readValue(raw, { regency_code: s.regencyCode, address: s.address, lat: s.lat, lon: s.lon });
  return (
    <SectionForm id={s.organizationId} section="location" t={t}>
      <RegencySelect t={t} regencies={regencies} value={v('regency_code')} error={errors.regency_code} />
      <Field
        name="address"
        label={t('suppliers.field.address')}
        value={v('address')}
        error={errors.address}
      />
      <div class="grid">
        <Field
          name="lat"
          label={t('suppliers.field.lat')}
          value={v('lat')}
          error={errors['location.lat'] ?? errors.location}
          attrs={{ inputmode: 'decimal' }}
        />
        <Field
          name="lon"
          label={t('suppliers.field.lon')}
          value={v('lon')}
          error={errors['location.lon'] ?? errors.location}
          attrs={{ inputmode: 'decimal' }}
        />
      </div>
      <small class="muted">{t('suppliers.hint.coordinates')}</small>
    </SectionForm>
  );
}

function Capabilities({ t, profile, tax, locale, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const vs = readValues(raw, {
    processes: s.processes,
    materials: s.materials,
    product_categories: s.productCategories,
    sectors: s.sectors,
  });
  const v = readValue(raw, {
    products: s.products,
    max_part: s.maxPart,
    capacity_amount: s.capacityAmount === null ? null : Number(s.capacityAmount),
    capacity_unit: s.capacityUnit,
  });
  const machines = raw
    ? indexed(raw, 'machines', ['type', 'count', 'notes'])
    : s.machines.map((m) => ({ type: m.type, count: String(m.count), notes: m.notes ?? '' }));
  return (
    <SectionForm id={s.organizationId} section="capabilities" t={t}>
      <Checkboxes
        name="processes"
        legend={t('suppliers.field.processes')}
        kind="process"
        tax={tax}
        locale={locale}
        selected={vs('processes')}
        error={errors.processes}
      />
      <Checkboxes
        name="materials"
        legend={t('suppliers.field.materials')}
        kind="material"
        tax={tax}
        locale={locale}
        selected={vs('materials')}
        error={errors.materials}
      />
      <Checkboxes
        name="product_categories"
        legend={t('suppliers.field.product_categories')}
        kind="product_category"
        tax={tax}
        locale={locale}
        selected={vs('product_categories')}
        error={errors.product_categories}
      />
      <Checkboxes
        name="sectors"
        legend={t('suppliers.field.sectors')}
        kind="sector"
        tax={tax}
        locale={locale}
        selected={vs('sectors')}
        error={errors.sectors}
      />
      <TextArea
        name="products"
        label={t('suppliers.field.products')}
        value={v('products')}
        error={errors.products}
        hint={t('suppliers.hint.products')}
      />
      <div class="grid">
        <Field
          name="capacity_amount"
          type="number"
          label={t('suppliers.field.capacity_amount')}
          value={v('capacity_amount')}
          error={errors['capacity.amount']}
          attrs={{ step: 'any', min: '0' }}
        />
        <Field
          name="capacity_unit"
          label={t('suppliers.field.capacity_unit')}
          value={v('capacity_unit')}
          error={errors['capacity.unit']}
          hint={t('suppliers.hint.capacity_unit')}
        />
      </div>
      <Field
        name="max_part"
        label={t('suppliers.field.max_part')}
        value={v('max_part')}
        error={errors.max_part}
        hint={t('suppliers.hint.max_part')}
      />
      <fieldset>
        <legend>{t('suppliers.field.machines')}</legend>
        {[...machines, { type: '', count: '', notes: '' }, { type: '', count: '', notes: '' }].map((m, i) => (
          <div class="grid row-group">
            <Field
              name={`machines.${i}.type`}
              label={t('suppliers.machine.type')}
              value={m.type}
              error={errors[`machines.${i}.type`]}
            />
            <Field
              name={`machines.${i}.count`}
              type="number"
              label={t('suppliers.machine.count')}
              value={m.count}
              error={errors[`machines.${i}.count`]}
            />
            <Field
              name={`machines.${i}.notes`}
              label={t('suppliers.machine.notes')}
              value={m.notes}
              error={errors[`machines.${i}.notes`]}
            />
          </div>
        ))}
        <small class="muted">{t('suppliers.hint.rows')}</small>
      </fieldset>
    </SectionForm>
  );
}

function Certifications({ t, profile, tax, locale, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const fields = ['id', 'type', 'number', 'issuer', 'valid_until', 'tkdn_percent'];
  const rows = raw
    ? indexed(raw, 'certifications', fields)
    : profile.certifications.map((c) => ({
        id: c.id,
        type: c.type,
        number: c.number ?? '',
        issuer: c.issuer ?? '',
        valid_until: c.validUntil ?? '',
        tkdn_percent: c.tkdnPercent === null ? '' : String(Number(c.tkdnPercent)),
      }));
  const blank = Object.fromEntries(fields.map((f) => [f, ''])) as Record<string, string>;
  return (
    <SectionForm id={s.organizationId} section="certifications" t={t}>
      {[...rows, blank, blank].map((c, i) => (
        <fieldset class="row-group">
          <legend>
            {t('suppliers.cert.row')} {i + 1}
          </legend>
          {c.id ? <input type="hidden" name={`certifications.${i}.id`} value={c.id} /> : null}
          <label for={`f-certifications.${i}.type`}>
            {t('suppliers.cert.type')}
            <select id={`f-certifications.${i}.type`} name={`certifications.${i}.type`}>
              <option value="">—</option>
              {tax.ofKind('certification').map((o) => (
                <option value={o.slug} selected={o.slug === c.type}>
                  {locale === 'en' ? o.labelEn : o.labelId}
                </option>
              ))}
            </select>
            {errors[`certifications.${i}.type`] ? (
              <small class="field-error">{errors[`certifications.${i}.type`]}</small>
            ) : null}
          </label>
          <div class="grid">
            <Field
              name={`certifications.${i}.number`}
              label={t('suppliers.cert.number')}
              value={c.number}
              error={errors[`certifications.${i}.number`]}
            />
            <Field
              name={`certifications.${i}.issuer`}
              label={t('suppliers.cert.issuer')}
              value={c.issuer}
              error={errors[`certifications.${i}.issuer`]}
            />
          </div>
          <div class="grid">
            <Field
              name={`certifications.${i}.valid_until`}
              type="date"
              label={t('suppliers.cert.valid_until')}
              value={c.valid_until}
              error={errors[`certifications.${i}.valid_until`]}
            />
            <Field
              name={`certifications.${i}.tkdn_percent`}
              type="number"
              label={t('suppliers.cert.tkdn_percent')}
              value={c.tkdn_percent}
              error={errors[`certifications.${i}.tkdn_percent`]}
              attrs={{ step: '0.01', min: '0', max: '100' }}
            />
          </div>
        </fieldset>
      ))}
      <small class="muted">{t('suppliers.hint.rows')}</small>
    </SectionForm>
  );
}

function Contacts({ t, profile, errors, raw }: SectionProps) {
  const s = profile.supplier;
  const fields = ['name', 'role', 'phone', 'email'];
  const rows = raw
    ? indexed(raw, 'contacts', fields)
    : profile.contacts.map((c) => ({
        name: c.name,
        role: c.role ?? '',
        phone: c.phone ?? '',
        email: c.email ?? '',
      }));
  const blank = Object.fromEntries(fields.map((f) => [f, ''])) as Record<string, string>;
  return (
    <SectionForm id={s.organizationId} section="contacts" t={t}>
      {[...rows, blank].map((c, i) => (
        <fieldset class="row-group">
          <legend>
            {t('suppliers.contact.row')} {i + 1}
          </legend>
          <div class="grid">
            <Field
              name={`contacts.${i}.name`}
              label={t('suppliers.contact.name')}
              value={c.name}
              error={errors[`contacts.${i}.name`]}
            />
            <Field
              name={`contacts.${i}.role`}
              label={t('suppliers.contact.role')}
              value={c.role}
              error={errors[`contacts.${i}.role`]}
            />
          </div>
          <div class="grid">
            <Field
              name={`contacts.${i}.phone`}
              type="tel"
              label={t('suppliers.contact.phone')}
              value={c.phone}
              error={errors[`contacts.${i}.phone`]}
              hint={t('suppliers.hint.phone')}
            />
            <Field
              name={`contacts.${i}.email`}
              type="email"
              label={t('auth.email')}
              value={c.email}
              error={errors[`contacts.${i}.email`]}
            />
          </div>
        </fieldset>
      ))}
    </SectionForm>
  );
}

/** One upload form per saved certificate (forms cannot nest inside the certificates form). */
function Evidence({ t, locale, tax, profile, evidence }: EditPageProps) {
  const id = profile.supplier.organizationId;
  const next = `/suppliers/${id}/edit#evidence`;
  return (
    <article id="evidence">
      <h2>{t('suppliers.section.evidence')}</h2>
      {profile.certifications.length === 0 ? <p class="muted">{t('suppliers.evidence_after_save')}</p> : null}
      {profile.certifications.map((c) => (
        <div class="row-group">
          <p>
            <strong>{tax.label('certification', c.type, locale)}</strong> {c.number ?? ''}{' '}
            <EvidenceLink t={t} file={evidence.get(c.id)} canEdit next={next} locale={locale} />
          </p>
          <UploadForm
            t={t}
            supplierId={id}
            purpose="evidence"
            certificationId={c.id}
            next={next}
            replacing={evidence.has(c.id)}
          />
        </div>
      ))}
    </article>
  );
}

/** Photos and portfolio images: the gallery with delete buttons, and the two upload forms. */
function Media({ t, profile, media, usage }: EditPageProps) {
  const id = profile.supplier.organizationId;
  const next = `/suppliers/${id}/edit#media`;
  return (
    <article id="media">
      <h2>{t('suppliers.section.media')}</h2>
      <MediaGallery t={t} items={media} canEdit next={next} />
      {usage ? <QuotaUsage t={t} usage={usage} /> : null}
      <div class="grid-2">
        <UploadForm t={t} supplierId={id} purpose="photo" next={next} />
        <UploadForm t={t} supplierId={id} purpose="portfolio" next={next} />
      </div>
    </article>
  );
}

function indexed(raw: Record<string, unknown>, prefix: string, fields: string[]): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let i = 0; i < 50; i++) {
    if (!fields.some((f) => `${prefix}.${i}.${f}` in raw)) continue;
    const row = Object.fromEntries(fields.map((f) => [f, String(raw[`${prefix}.${i}.${f}`] ?? '')]));
    if (Object.values(row).some((x) => x !== '')) out.push(row);
  }
  return out;
}

function Checkboxes(p: {
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

function TextArea(p: {
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
