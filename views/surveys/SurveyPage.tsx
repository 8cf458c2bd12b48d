import { formatDate } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { STAGES } from '../../src/pipeline/stages.js';
import { HELP_KINDS } from '../../src/surveys/schema.js';
import { Field, FormErrors } from '../components/form.js';
import { TextArea } from '../events/EventFormPage.js';

/** What the questionnaire says about the meeting it asks about. */
export interface SurveyMeetingView {
  counterpart: string;
  eventName: string | null;
  startsAt: Date;
  timezone: string;
  wave: '3m' | '6m';
}

export interface SurveyPageProps {
  t: T;
  locale: Locale;
  token: string;
  view: SurveyMeetingView;
  values: Record<string, string>;
  helpChecked: readonly string[];
  errors: Record<string, string>;
  /** The wa.me link to forward this questionnaire to a colleague. */
  waLink: string;
}

/**
 * The +3/+6-month questionnaire behind a one-time link: answered on a phone without logging in.
 * Six short questions; only the deal stage is required. A plain form (no script needed).
 */
export function SurveyPage({ t, locale, token, view, values, helpChecked, errors, waLink }: SurveyPageProps) {
  return (
    <section id="survey" class="narrow">
      <hgroup>
        <h1>{t(`impact.survey.title_${view.wave}`)}</h1>
        <p>
          {t('impact.survey.about', {
            counterpart: view.counterpart,
            event: view.eventName ?? '—',
            date: formatDate(view.startsAt, locale, view.timezone),
          })}
        </p>
      </hgroup>
      <form method="post" action={`/s/${token}`} id="survey-form">
        <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
        <fieldset>
          <legend>{t('impact.survey.stage')}</legend>
          {STAGES.map((s) => (
            <label for={`f-stage-${s}`}>
              <input type="radio" id={`f-stage-${s}`} name="stage" value={s} checked={values.stage === s} />
              {t(`impact.stage.${s}`)}
            </label>
          ))}
          {errors.stage ? <small class="field-error">{errors.stage}</small> : null}
        </fieldset>
        <Field
          name="value_idr"
          label={t('impact.survey.value')}
          value={values.value_idr}
          error={errors.value_idr}
          hint={t('outcomes.hint.value_idr')}
          attrs={{ inputmode: 'decimal', maxlength: '100' }}
        />
        <Field
          name="volume"
          label={t('impact.survey.volume')}
          value={values.volume}
          error={errors.volume}
          attrs={{ maxlength: '200' }}
        />
        <Field
          name="repeat_orders"
          type="number"
          label={t('impact.survey.repeat_orders')}
          value={values.repeat_orders}
          error={errors.repeat_orders}
          attrs={{ min: '0', max: '1000', inputmode: 'numeric' }}
        />
        <TextArea
          name="obstacles"
          label={t('impact.survey.obstacles')}
          value={values.obstacles}
          error={errors.obstacles}
        />
        <fieldset>
          <legend>{t('impact.survey.help')}</legend>
          {HELP_KINDS.map((h) => (
            <label for={`f-help-${h}`}>
              <input
                type="checkbox"
                id={`f-help-${h}`}
                name="help"
                value={h}
                checked={helpChecked.includes(h)}
              />
              {t(`impact.help.${h}`)}
            </label>
          ))}
          {errors.help ? <small class="field-error">{errors.help}</small> : null}
        </fieldset>
        <TextArea
          name="help_note"
          label={t('impact.survey.help_note')}
          value={values.help_note}
          error={errors.help_note}
        />
        <button type="submit">{t('impact.survey.submit')}</button>
      </form>
      <p class="muted small">
        {t('impact.survey.once')} <a href={waLink}>{t('impact.survey.wa_share')}</a>
      </p>
    </section>
  );
}

/** After answering: thanks, and nothing else to do. */
export function SurveyDone({ t }: { t: T }) {
  return (
    <section id="survey" class="narrow">
      <h1>{t('impact.survey.thanks_title')}</h1>
      <p>{t('impact.survey.thanks')}</p>
    </section>
  );
}
