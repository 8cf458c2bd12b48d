import { formatDate, formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { TableScroll } from '../components/TableScroll.js';
import type { EventProgressView, OutcomeListItemView } from './models.js';
import { StatusBadge } from './parts.js';

export interface OutcomeListPageProps {
  t: T;
  locale: Locale;
  staff: boolean;
  rows: readonly OutcomeListItemView[];
  events: readonly EventProgressView[];
  filter: { event?: string | undefined; survey?: string | undefined; queue?: string | undefined };
}

/**
 * Where outcomes are reported from. Parties see their meetings that have taken place, with their
 * own report and the official record; facilitators see events' progress and the queue of
 * meetings whose reports wait for reconciliation.
 */
export function OutcomeListPage({ t, locale, staff, rows, events, filter }: OutcomeListPageProps) {
  const survey = filter.survey ? `?survey=${filter.survey}` : '';
  return (
    <section id="outcomes">
      <h1>{t('outcomes.title')}</h1>
      <p>{t(staff ? 'outcomes.lead_staff' : 'outcomes.lead_party')}</p>
      {filter.survey ? (
        <p class="selection-banner" role="note">
          {t(`outcomes.survey_banner_${filter.survey === '6m' ? '6m' : '3m'}`)}
        </p>
      ) : null}
      {staff ? (
        <nav class="event-nav" aria-label={t('outcomes.title')}>
          <a href="/outcomes?queue=1" aria-current={filter.queue ? 'page' : undefined}>
            {t('outcomes.queue')}
          </a>
          {' · '}
          <a href="/reports">{t('nav.reports')}</a>
        </nav>
      ) : null}
      {staff && !filter.event && !filter.queue ? (
        <table>
          <caption>{t('outcomes.events_progress')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.col.event')}</th>
              <th scope="col">{t('outcomes.col.date')}</th>
              <th scope="col" class="num">
                {t('outcomes.col.meetings')}
              </th>
              <th scope="col" class="num">
                {t('outcomes.col.reported')}
              </th>
              <th scope="col" class="num">
                {t('outcomes.col.reconciled')}
              </th>
              <th scope="col" class="num">
                {t('outcomes.col.waiting')}
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>
                  <a href={`/outcomes?event=${e.id}`}>{e.name}</a>
                </td>
                <td>{formatDate(e.startsAt, locale, e.timezone)}</td>
                <td class="num">{e.meetings}</td>
                <td class="num">{e.reported}</td>
                <td class="num">{e.reconciled}</td>
                <td class="num">{e.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <MeetingTable t={t} locale={locale} staff={staff} rows={rows} suffix={survey} />
      )}
    </section>
  );
}

function MeetingTable({
  t,
  locale,
  staff,
  rows,
  suffix,
}: {
  t: T;
  locale: Locale;
  staff: boolean;
  rows: readonly OutcomeListItemView[];
  suffix: string;
}) {
  if (rows.length === 0) return <p class="muted">{t('outcomes.none')}</p>;
  return (
    <TableScroll label={t('outcomes.title')}>
      <table id="outcome-meetings">
        <thead>
          <tr>
            <th scope="col">{t('outcomes.col.when')}</th>
            <th scope="col">{t('outcomes.col.event')}</th>
            <th scope="col">{t('outcomes.side.buyer')}</th>
            <th scope="col">{t('outcomes.side.supplier')}</th>
            {staff ? (
              <>
                <th scope="col">{t('outcomes.report_of.buyer')}</th>
                <th scope="col">{t('outcomes.report_of.supplier')}</th>
              </>
            ) : (
              <th scope="col">{t('outcomes.col.your_report')}</th>
            )}
            <th scope="col">{t('outcomes.official')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r.needsReconciliation && staff ? 'needs-reconciliation' : undefined}>
              <td>{formatDateTime(r.startsAt, r.timezone, locale)}</td>
              <td>{r.eventName ?? t('outcomes.meeting.adhoc')}</td>
              <td>{r.buyerOrgName}</td>
              <td>{r.supplierOrgName}</td>
              {staff ? (
                <>
                  <td>{r.buyerStatus ? <StatusBadge t={t} status={r.buyerStatus} /> : '—'}</td>
                  <td>{r.supplierStatus ? <StatusBadge t={t} status={r.supplierStatus} /> : '—'}</td>
                </>
              ) : (
                <td>
                  {(r.mySide === 'buyer' ? r.buyerStatus : r.supplierStatus) ? (
                    <StatusBadge
                      t={t}
                      status={(r.mySide === 'buyer' ? r.buyerStatus : r.supplierStatus) ?? null}
                    />
                  ) : (
                    t('outcomes.not_reported')
                  )}
                </td>
              )}
              <td>{r.officialStatus ? <StatusBadge t={t} status={r.officialStatus} /> : '—'}</td>
              <td>
                <a href={`/outcomes/meetings/${r.meetingId}${suffix}`}>
                  {t(staff && r.needsReconciliation ? 'outcomes.reconcile' : 'outcomes.open')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
