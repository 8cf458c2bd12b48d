import { Field } from '../../components/form.js';
import { Checkboxes, indexed, readValue, readValues, SectionForm, TextArea } from './fields.js';
import type { SectionProps } from './types.js';

/** Processes, materials, product categories, sectors, capacity and machines. */
export function Capabilities({ t, profile, tax, locale, errors, raw }: SectionProps) {
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
