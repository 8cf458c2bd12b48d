import type { T } from '../../src/i18n/index.js';
import { NEED_UNITS } from '../../src/matching/capacity.js';
import { FREQUENCIES, VISIBILITIES } from '../../src/needs/schema.js';
import { FormErrors } from '../components/form.js';
import { Area, Choice, ErrorSlot, type FormValues, Input, many, one, Radios, TermPicker } from './fields.js';

export interface Option {
  value: string;
  label: string;
}

export interface NeedFormProps {
  t: T;
  /** Null when creating. */
  needId: string | null;
  buyerOrgs: Option[];
  estates: Option[];
  terms: {
    processes: Option[];
    materials: Option[];
    certifications: Option[];
    sectors: Option[];
    categories: Option[];
  };
  values: FormValues;
  errors: Record<string, string>;
}

/** Fields the live validation answers for, in form order (their error slots are swapped out of band). */
export const NEED_FIELDS = [
  'buyer_org_id',
  'title_id',
  'title_en',
  'description_id',
  'description_en',
  'sector',
  'product_category',
  'processes',
  'materials',
  'required_certs',
  'preferred_certs',
  'min_tkdn',
  'quantity',
  'unit',
  'frequency',
  'target_price_idr',
  'estate',
  'lat',
  'lon',
  'max_distance_km',
  'response_deadline',
  'visibility',
] as const;

/** Out-of-band error slots: the answer to a live-validation request. */
export function LiveErrors({ errors }: { errors: Record<string, string> }) {
  return (
    <>
      {NEED_FIELDS.map((f) => (
        <ErrorSlot name={f} error={errors[f]} oob />
      ))}
    </>
  );
}

/**
 * Create or edit a need. A plain POST form; with htmx each field is checked on change and its
 * error appears beside it (the full check runs again on submit, which re-renders with 422).
 */
export function NeedFormPage({ t, needId, buyerOrgs, estates, terms, values, errors }: NeedFormProps) {
  const action = needId ? `/needs/${needId}/edit` : '/needs/new';
  const v = (name: string) => one(values, name);
  const common = (name: string) => ({
    name,
    value: v(name),
    error: errors[name],
    liveAction: '/needs/validate',
  });
  const none = { value: '', label: t('needs.field.none') };
  return (
    <section id="need-form">
      <h1>{needId ? t('needs.edit_title') : t('needs.new_title')}</h1>
      <p class="muted">{t('needs.form_lead')}</p>
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      <form method="post" action={action} novalidate>
        {buyerOrgs.length > 1 && !needId ? (
          <Choice {...common('buyer_org_id')} label={t('needs.field.buyer_org')} options={buyerOrgs} />
        ) : (
          <>
            <input
              type="hidden"
              name="buyer_org_id"
              value={v('buyer_org_id') || (buyerOrgs[0]?.value ?? '')}
            />
            <ErrorSlot name="buyer_org_id" error={errors.buyer_org_id} />
          </>
        )}
        <div class="grid">
          <Input {...common('title_id')} label={t('needs.field.title_id')} />
          <Input {...common('title_en')} label={t('needs.field.title_en')} />
        </div>
        <div class="grid">
          <Area {...common('description_id')} label={t('needs.field.description_id')} />
          <Area {...common('description_en')} label={t('needs.field.description_en')} />
        </div>
        <div class="grid">
          <Choice {...common('sector')} label={t('needs.field.sector')} options={[none, ...terms.sectors]} />
          <Choice
            {...common('product_category')}
            label={t('needs.field.product_category')}
            options={[none, ...terms.categories]}
          />
        </div>
        <div class="grid">
          <TermPicker
            name="processes"
            legend={t('needs.field.processes')}
            options={terms.processes}
            selected={many(values, 'processes')}
            error={errors.processes}
            liveAction="/needs/validate"
          />
          <TermPicker
            name="materials"
            legend={t('needs.field.materials')}
            options={terms.materials}
            selected={many(values, 'materials')}
            error={errors.materials}
            liveAction="/needs/validate"
          />
        </div>
        <div class="grid">
          <TermPicker
            name="required_certs"
            legend={t('needs.field.required_certs')}
            options={terms.certifications}
            selected={many(values, 'required_certs')}
            error={errors.required_certs}
            liveAction="/needs/validate"
          />
          <TermPicker
            name="preferred_certs"
            legend={t('needs.field.preferred_certs')}
            options={terms.certifications}
            selected={many(values, 'preferred_certs')}
            error={errors.preferred_certs}
            liveAction="/needs/validate"
          />
        </div>
        <div class="grid">
          <Input {...common('min_tkdn')} label={t('needs.field.min_tkdn')} attrs={{ inputmode: 'decimal' }} />
          <Input {...common('quantity')} label={t('needs.field.quantity')} attrs={{ inputmode: 'decimal' }} />
          <Choice
            {...common('unit')}
            label={t('needs.field.unit')}
            options={[none, ...NEED_UNITS.map((u) => ({ value: u, label: t(`needs.unit.${u}`) }))]}
          />
          <Choice
            {...common('frequency')}
            label={t('needs.field.frequency')}
            options={[none, ...FREQUENCIES.map((f) => ({ value: f, label: t(`needs.frequency.${f}`) }))]}
          />
        </div>
        <Input
          {...common('target_price_idr')}
          label={t('needs.field.target_price')}
          hint={t('needs.field.target_price_hint')}
          attrs={{ inputmode: 'decimal' }}
        />
        <Radios
          name="delivery"
          legend={t('needs.field.delivery')}
          value={v('delivery') || 'estate'}
          options={[
            { value: 'estate', label: t('needs.delivery.estate') },
            { value: 'point', label: t('needs.delivery.point') },
          ]}
        >
          <div class="grid">
            <Choice {...common('estate')} label={t('needs.field.estate')} options={[none, ...estates]} />
            <Input {...common('lat')} label={t('needs.field.lat')} attrs={{ inputmode: 'decimal' }} />
            <Input {...common('lon')} label={t('needs.field.lon')} attrs={{ inputmode: 'decimal' }} />
          </div>
        </Radios>
        <div class="grid">
          <Input
            {...common('max_distance_km')}
            label={t('needs.field.max_distance')}
            hint={t('needs.field.max_distance_hint')}
            attrs={{ inputmode: 'decimal' }}
          />
          <Input {...common('response_deadline')} type="date" label={t('needs.field.deadline')} />
        </div>
        <Radios
          name="visibility"
          legend={t('needs.field.visibility')}
          value={v('visibility') || 'public'}
          error={errors.visibility}
          options={VISIBILITIES.map((x) => ({ value: x, label: t(`needs.visibility.${x}`) }))}
        />
        <button type="submit">{needId ? t('needs.save') : t('needs.create')}</button>
      </form>
    </section>
  );
}
