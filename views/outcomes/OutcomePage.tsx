import { formatDateTime, formatIdr } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { capFor } from '../../src/outcomes/history.js';
import type { Stage } from '../../src/pipeline/stages.js';
import { ActionButton } from '../events/parts.js';
import { MoveForm } from '../pipeline/MoveForm.js';
import { HistoryPager } from './HistoryPager.js';
import type { OutcomePageView, VersionView } from './models.js';
import { OutcomeForm } from './OutcomeForm.js';
import { ReporterLine, StatusBadge, VersionFields } from './parts.js';

export interface OutcomePageProps {
  t: T;
  locale: Locale;
  view: OutcomePageView;
  reportable: 'ok' | 'not_yet' | 'not_scheduled';
  values: Record<string, string>;
  errors: Record<string, string>;
  survey: string | null;
  /** The meeting's follow-up item (stage null when not started); null when the meeting cannot have one. */
  pipeline?: { stage: Stage | null; revision: number } | null;
}

function Report({
  t,
  locale,
  v,
  meetingId,
  timezone,
  empty,
}: {
  t: T;
  locale: Locale;
  v: VersionView | null;
  meetingId: string;
  timezone: string;
  empty: string;
}) {
  if (!v) return <p class="muted">{empty}</p>;
  return (
    <>
      <VersionFields t={t} locale={locale} v={v} meetingId={meetingId} />
      <ReporterLine t={t} locale={locale} v={v} timezone={timezone} />
    </>
  );
}

/**
 * A meeting's outcome: the official record, the side reports the viewer may read (both for
 * facilitators, with "adopt" buttons), the form for a new version, and the trail of versions.
 */
export function OutcomePage({
  t,
  locale,
  view,
  reportable,
  values,
  errors,
  survey,
  pipeline,
}: OutcomePageProps) {
  const { meeting: m, heads, role } = view;
  const staff = role === 'official';
  const tz = m.timezone;
  return (
    <section id="outcome">
      <hgroup>
        <h1>{t('outcomes.page_title')}</h1>
        <p>
          {m.buyerOrgName} × {m.supplierOrgName}
        </p>
      </hgroup>
      <dl class="outcome-meeting">
        <dt>{t('outcomes.meeting.when')}</dt>
        <dd>{formatDateTime(m.startsAt, tz, locale)}</dd>
        <dt>{t('outcomes.meeting.where')}</dt>
        <dd>
          {m.eventName ? <a href={`/events/${m.eventId}`}>{m.eventName}</a> : t('outcomes.meeting.adhoc')}
          {m.tableName ? ` · ${t('events.table_n', { n: m.tableName })}` : ''}
        </dd>
        <dt>{t('outcomes.side.buyer')}</dt>
        <dd>
          {m.buyerOrgName}
          {m.buyerName ? ` · ${m.buyerName}` : ''}
        </dd>
        <dt>{t('outcomes.side.supplier')}</dt>
        <dd>
          {m.supplierOrgName}
          {m.supplierName ? ` · ${m.supplierName}` : ''}
        </dd>
        <dt>{t('outcomes.meeting.checkin')}</dt>
        <dd>{m.checkinAttendance ? t(`outcomes.attendance.${m.checkinAttendance}`) : '—'}</dd>
      </dl>
      {survey ? (
        <p class="selection-banner" role="note">
          {t(`outcomes.survey_banner_${survey === '6m' ? '6m' : '3m'}`)}
        </p>
      ) : null}
      {staff && heads.needsReconciliation ? (
        <p class="selection-banner" role="note">
          {t('outcomes.needs_reconciliation')}
        </p>
      ) : null}
      {pipeline ? (
        <aside id="outcome-pipeline">
          <h2>{t('impact.pipeline.item_title')}</h2>
          <p>
            {t('impact.pipeline.stage_now')}: <strong>{t(`impact.stage.${pipeline.stage ?? 'new'}`)}</strong>{' '}
            · <a href={`/pipeline/meetings/${m.id}`}>{t('outcomes.pipeline_open')}</a>
          </p>
          <MoveForm
            t={t}
            meetingId={m.id}
            stage={pipeline.stage}
            revision={pipeline.revision}
            back={`/pipeline/meetings/${m.id}`}
          />
        </aside>
      ) : null}
      <article id="official-record">
        <h2>{t('outcomes.official')}</h2>
        <Report
          t={t}
          locale={locale}
          v={heads.official}
          meetingId={m.id}
          timezone={tz}
          empty={t('outcomes.official_none')}
        />
      </article>
      <div class="grid-2">
        {(['buyer', 'supplier'] as const)
          .filter((side) => staff || role === side)
          .map((side) => (
            <article id={`report-${side}`}>
              <h2>{t(`outcomes.report_of.${side}`)}</h2>
              <Report
                t={t}
                locale={locale}
                v={heads[side]}
                meetingId={m.id}
                timezone={tz}
                empty={t('outcomes.report_none')}
              />
              {staff && heads[side] && reportable === 'ok' ? (
                <ActionButton
                  action={`/outcomes/meetings/${m.id}/reconcile`}
                  fields={{ from: side }}
                  label={t(`outcomes.adopt.${side}`)}
                />
              ) : null}
            </article>
          ))}
      </div>
      <article id="outcome-edit">
        <h2>{t(staff ? 'outcomes.form_title_official' : 'outcomes.form_title_side')}</h2>
        {reportable === 'ok' && view.historyFull ? (
          <p class="muted" role="note">
            {t(staff ? 'outcomes.conflict.history_full_official' : 'outcomes.conflict.history_full', {
              n: view.historyTotal,
              max: capFor(role),
            })}
          </p>
        ) : reportable === 'ok' ? (
          <OutcomeForm
            t={t}
            meetingId={m.id}
            role={role}
            checkin={m.checkinAttendance}
            values={values}
            errors={errors}
            survey={survey}
          />
        ) : (
          <p class="muted">{t(`outcomes.conflict.${reportable}`)}</p>
        )}
      </article>
      <article id="outcome-history">
        <h2>{t('outcomes.history')}</h2>
        {view.historyTotal === 0 ? (
          <p class="muted">{t('outcomes.history_none')}</p>
        ) : (
          <p class="muted">
            <small>{t('outcomes.history_count', { n: view.historyTotal })}</small>
          </p>
        )}
        <ol
          class="outcome-trail"
          reversed
          start={view.historyTotal - (view.paging.page - 1) * view.paging.perPage}
        >
          {view.history.map((v) => (
            <li>
              <StatusBadge t={t} status={v.status} />
              {v.valueIdr !== null ? ` ${formatIdr(BigInt(v.valueIdr), locale)}` : ''}
              <br />
              <ReporterLine t={t} locale={locale} v={v} timezone={tz} />
            </li>
          ))}
        </ol>
        <HistoryPager
          t={t}
          meetingId={m.id}
          page={view.paging.page}
          perPage={view.paging.perPage}
          total={view.historyTotal}
        />
      </article>
    </section>
  );
}
