import type { T } from '../../src/i18n/index.js';
import {
  ATTENDANCES,
  NO_DEAL_REASONS,
  OUTCOME_STATUSES,
  type OutcomeAttendance,
  type Side,
} from '../../src/outcomes/schema.js';
import { Field, FormErrors, Select } from '../components/form.js';
import { TextArea } from '../events/EventFormPage.js';

export interface OutcomeFormProps {
  t: T;
  meetingId: string;
  role: Side;
  checkin: OutcomeAttendance | null;
  values: Record<string, string>;
  errors: Record<string, string>;
  survey: string | null;
}

/**
 * The report form: one for each party's side, and the official record for facilitators. A plain
 * multipart form (the MoU document rides along); every field is labelled, and saving always
 * makes a new version.
 */
export function OutcomeForm({ t, meetingId, role, checkin, values, errors, survey }: OutcomeFormProps) {
  const id = (n: string) => `f-${n}`;
  const checkinLabel = checkin
    ? t('outcomes.attendance.from_checkin', { value: t(`outcomes.attendance.${checkin}`) })
    : t('outcomes.attendance.unknown');
  return (
    <form
      id="outcome-form"
      method="post"
      action={`/outcomes/meetings/${meetingId}`}
      enctype="multipart/form-data"
    >
      <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
      {survey ? <input type="hidden" name="survey" value={survey} /> : null}
      <fieldset>
        <legend>{t('outcomes.field.status')}</legend>
        {OUTCOME_STATUSES.map((s) => (
          <label for={id(`status-${s}`)}>
            <input
              type="radio"
              id={id(`status-${s}`)}
              name="status"
              value={s}
              checked={(values.status ?? 'pending') === s}
            />
            {t(`outcomes.status.${s}`)}
          </label>
        ))}
        {errors.status ? <small class="field-error">{errors.status}</small> : null}
      </fieldset>
      <div class="grid">
        <Select
          name="attendance"
          label={t('outcomes.field.attendance')}
          value={values.attendance}
          error={errors.attendance}
          options={[
            { value: '', label: checkinLabel },
            ...ATTENDANCES.map((a) => ({ value: a, label: t(`outcomes.attendance.${a}`) })),
          ]}
        />
        <Field
          name="value_idr"
          label={t('outcomes.field.value_idr')}
          value={values.value_idr}
          error={errors.value_idr}
          hint={t('outcomes.hint.value_idr')}
          attrs={{ inputmode: 'decimal', maxlength: '100' }}
        />
      </div>
      <div class="grid">
        <Field
          name="follow_up_on"
          type="date"
          label={t('outcomes.field.follow_up_on')}
          value={values.follow_up_on}
          error={errors.follow_up_on}
          hint={t('outcomes.hint.follow_up_on')}
        />
        <Select
          name="no_deal_reason"
          label={t('outcomes.field.no_deal_reason')}
          value={values.no_deal_reason}
          error={errors.no_deal_reason}
          options={[
            { value: '', label: t('outcomes.reason.none') },
            ...NO_DEAL_REASONS.map((r) => ({ value: r, label: t(`outcomes.reason.${r}`) })),
          ]}
        />
      </div>
      <div class="grid">
        <Field
          name="products"
          label={t('outcomes.field.products')}
          value={values.products}
          error={errors.products}
          attrs={{ maxlength: '500' }}
        />
        <Field
          name="volume"
          label={t('outcomes.field.volume')}
          value={values.volume}
          error={errors.volume}
          hint={t('outcomes.hint.volume')}
          attrs={{ maxlength: '200' }}
        />
      </div>
      <TextArea
        name="next_steps"
        label={t('outcomes.field.next_steps')}
        value={values.next_steps}
        error={errors.next_steps}
      />
      <TextArea name="notes" label={t('outcomes.field.notes')} value={values.notes} error={errors.notes} />
      <label for={id('mou_file')}>
        {t('outcomes.field.mou_file')} <small class="muted">({t('common.optional')})</small>
        <input
          id={id('mou_file')}
          name="mou_file"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-describedby={`${id('mou_file')}-hint`}
          aria-invalid={errors.mou_file ? 'true' : undefined}
        />
        <small id={`${id('mou_file')}-hint`}>{t('outcomes.hint.mou_file')}</small>
        {errors.mou_file ? <small class="field-error">{errors.mou_file}</small> : null}
      </label>
      {role === 'official' ? null : (
        <label for={id('share_names')}>
          <input
            type="checkbox"
            id={id('share_names')}
            name="share_names"
            value="1"
            checked={values.share_names === '1'}
          />
          {t('outcomes.field.share_names')}
        </label>
      )}
      <button type="submit">
        {t(role === 'official' ? 'outcomes.save_official' : 'outcomes.save_side')}
      </button>
      <p>
        <small class="muted">{t('outcomes.versions_note')}</small>
      </p>
    </form>
  );
}
