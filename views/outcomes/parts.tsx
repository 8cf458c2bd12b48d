import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime, formatIdr } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { OutcomeStatus } from '../../src/outcomes/schema.js';
import type { VersionView } from './models.js';

/** The outcome status as a badge whose class lets print and screen tell them apart without colour alone. */
export function StatusBadge({ t, status }: { t: T; status: OutcomeStatus | null }) {
  const s = status ?? 'pending';
  return <span class={`badge outcome-${s}`}>{t(`outcomes.status.${s}`)}</span>;
}

/** "reported by buyer / supplier / facilitator", with the channel when it was not the form. */
export function ReporterLine({
  t,
  locale,
  v,
  timezone,
}: {
  t: T;
  locale: Locale;
  v: VersionView;
  timezone: string;
}) {
  const via =
    v.channel === 'survey'
      ? t(`outcomes.channel.survey_${v.survey ?? '3m'}`)
      : v.channel === 'reconcile' && v.basedOnSide
        ? t('outcomes.channel.reconcile_from', { side: t(`outcomes.side.${v.basedOnSide}`) })
        : v.channel === 'api'
          ? t('outcomes.channel.api')
          : null;
  return (
    <small class="muted reporter">
      {t('outcomes.version_n', { n: v.version })} · {t(`outcomes.reported_by.${v.side}`)}
      {v.reporterName ? ` (${v.reporterName}${v.reporterOrgName ? `, ${v.reporterOrgName}` : ''})` : ''}
      {' · '}
      {formatDateTime(v.createdAt, timezone, locale)}
      {via ? ` · ${via}` : ''}
    </small>
  );
}

/** One report's fields, as a definition list; empty fields are left out. */
export function VersionFields({
  t,
  locale,
  v,
  meetingId,
}: {
  t: T;
  locale: Locale;
  v: VersionView;
  meetingId: string;
}) {
  const rows: [string, Child][] = [];
  rows.push([t('outcomes.field.status'), <StatusBadge t={t} status={v.status} />]);
  if (v.attendance) rows.push([t('outcomes.field.attendance'), t(`outcomes.attendance.${v.attendance}`)]);
  if (v.valueIdr !== null) rows.push([t('outcomes.field.value_idr'), formatIdr(BigInt(v.valueIdr), locale)]);
  if (v.followUpOn)
    rows.push([t('outcomes.field.follow_up_on'), formatDate(new Date(`${v.followUpOn}T12:00:00Z`), locale)]);
  if (v.noDealReason) rows.push([t('outcomes.field.no_deal_reason'), t(`outcomes.reason.${v.noDealReason}`)]);
  if (v.products) rows.push([t('outcomes.field.products'), v.products]);
  if (v.volume) rows.push([t('outcomes.field.volume'), v.volume]);
  if (v.nextSteps) rows.push([t('outcomes.field.next_steps'), v.nextSteps]);
  if (v.notes) rows.push([t('outcomes.field.notes'), v.notes]);
  if (v.mouFileId)
    rows.push([
      t('outcomes.field.mou_file'),
      <a href={`/outcomes/meetings/${meetingId}/files/${v.mouFileId}`}>{v.mouFilename ?? 'MoU'}</a>,
    ]);
  if (v.shareNames !== null)
    rows.push([t('outcomes.field.share_names_short'), t(v.shareNames ? 'common.yes' : 'common.no')]);
  return (
    <dl class="outcome-fields">
      {rows.map(([k, val]) => (
        <>
          <dt>{k}</dt>
          <dd>{val}</dd>
        </>
      ))}
    </dl>
  );
}
