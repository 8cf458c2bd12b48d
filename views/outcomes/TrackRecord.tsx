import { formatDate, formatIdr, formatIdrCompact, formatPercent } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { TrackRecordDetailView, TrackRecordView } from './models.js';
import { StatusBadge } from './parts.js';

export interface TrackRecordProps {
  t: T;
  locale: Locale;
  record: TrackRecordView;
  /** Facilitators only: value, no-shows and the latest meetings with their buyers. */
  detail: TrackRecordDetailView | null;
}

/**
 * The supplier's track record on its profile: a public one-line summary ("12 pertemuan,
 * 3 transaksi") for everyone, and for facilitators the detail behind it.
 */
export function TrackRecordSection({ t, locale, record, detail }: TrackRecordProps) {
  return (
    <article id="track-record">
      <h2>{t('outcomes.track.title')}</h2>
      <p class="track-summary">
        {record.meetings === 0
          ? t('outcomes.track.none')
          : t('outcomes.track.summary', {
              meetings: record.meetings,
              deals: record.deals,
              mous: record.mous,
            })}
      </p>
      {detail ? <Detail t={t} locale={locale} d={detail} /> : null}
    </article>
  );
}

function Detail({ t, locale, d }: { t: T; locale: Locale; d: TrackRecordDetailView }) {
  return (
    <div class="track-detail">
      <p>
        <small class="muted">{t('outcomes.track.staff_only')}</small>
      </p>
      <dl>
        <dt>{t('outcomes.track.held')}</dt>
        <dd>{d.held}</dd>
        <dt>{t('outcomes.track.no_shows')}</dt>
        <dd>
          {d.noShows}
          {d.noShowRate !== null ? ` (${formatPercent(d.noShowRate * 100, locale, 0)})` : ''}
        </dd>
        <dt>{t('outcomes.track.follow_ups')}</dt>
        <dd>{d.followUps}</dd>
        <dt>{t('outcomes.track.value')}</dt>
        <dd title={formatIdr(BigInt(d.valueIdr), locale)}>{formatIdrCompact(BigInt(d.valueIdr), locale)}</dd>
      </dl>
      {d.recent.length ? (
        <table>
          <caption>{t('outcomes.track.recent')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.col.date')}</th>
              <th scope="col">{t('outcomes.side.buyer')}</th>
              <th scope="col">{t('outcomes.col.event')}</th>
              <th scope="col">{t('outcomes.official')}</th>
              <th scope="col" class="num">
                {t('outcomes.field.value_idr')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.recent.map((m) => (
              <tr>
                <td>
                  <a href={`/outcomes/meetings/${m.meetingId}`}>
                    {formatDate(m.startsAt, locale, m.timezone)}
                  </a>
                </td>
                <td>{m.buyerName}</td>
                <td>{m.eventName ?? t('outcomes.meeting.adhoc')}</td>
                <td>
                  <StatusBadge t={t} status={m.status} />
                  {m.attendance?.startsWith('no_show')
                    ? ` · ${t(`outcomes.attendance.${m.attendance}`)}`
                    : ''}
                </td>
                <td class="num">
                  {m.valueIdr !== null ? formatIdrCompact(BigInt(m.valueIdr), locale) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
