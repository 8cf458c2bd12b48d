import { raw } from 'hono/html';
import { assetUrl } from '../../src/http/assets.js';
import { Field, FormErrors } from '../components/form.js';
import type { EventView } from '../events/models.js';
import { EventNav, type EventViewProps, slotTime, tableName } from '../events/parts.js';
import type { BadgeView, CheckInTargetView } from './models.js';

/** The QR as drawn by the server, labelled for screen readers; no image request, prints crisply. */
export function QrCode({ badge, label }: { badge: BadgeView; label: string }) {
  return (
    <figure class="qr" role="img" aria-label={label}>
      {raw(badge.qrSvg)}
    </figure>
  );
}

/**
 * The facilitator's scan page, phone first. The typed-code form is a plain POST and works
 * without JavaScript; the camera block only comes alive when scan.js runs (it loads jsQR lazily
 * when the browser has no BarcodeDetector).
 */
export function ScanPage({
  t,
  event,
  code,
  error,
}: EventViewProps & { event: EventView; code: string; error?: string | undefined }) {
  return (
    <section id="scan" class="event-day">
      <link rel="stylesheet" href={assetUrl('event-day.css')} />
      <EventNav t={t} eventId={event.id} staff />
      <h1>{t('events.scan.title', { event: event.name })}</h1>
      <FormErrors message={error ? t('errors.invalid') : null} />
      <form method="post" action={`/events/${event.id}/check-in/lookup`} class="code-form">
        <Field
          name="code"
          label={t('events.scan.code')}
          hint={t('events.scan.code_hint')}
          value={code}
          error={error ? t(error) : undefined}
          required
          autocomplete="off"
          attrs={{ inputmode: 'text', autocapitalize: 'characters', maxlength: '12', spellcheck: 'false' }}
        />
        <button type="submit">{t('events.scan.find')}</button>
      </form>
      <div id="camera" class="camera" hidden data-event={event.id} data-jsqr="/event-day/jsQR.js">
        <h2>{t('events.scan.camera')}</h2>
        <video id="camera-video" playsinline muted aria-label={t('events.scan.camera')} />
        <p id="camera-status" role="status">
          {t('events.scan.camera_hint')}
        </p>
        <button type="button" id="camera-start">
          {t('events.scan.camera_start')}
        </button>
      </div>
      <script src={assetUrl('scan.js')} defer />
    </section>
  );
}

/** Found by code or QR: who, their current or next meeting, and one tap to check them in. */
export function ConfirmPage({
  t,
  locale,
  event,
  target,
  method,
}: EventViewProps & { event: EventView; target: CheckInTargetView; method: 'qr' | 'code' }) {
  const { participant: p, meeting: m } = target;
  const other = m ? (m.aId === p.id ? `${m.bName} (${m.bOrgName})` : `${m.aName} (${m.aOrgName})`) : '';
  return (
    <section id="check-in-confirm" class="event-day">
      <link rel="stylesheet" href={assetUrl('event-day.css')} />
      <p>
        <a href={`/events/${event.id}/check-in`}>{t('events.scan.back')}</a>
      </p>
      <h1>{p.name}</h1>
      <p>
        {p.organizationName} · {t(`kind.${p.organizationKind}`)}
      </p>
      {m ? (
        <article class="checkin-card" id={`m-${m.id}`}>
          <header>
            <strong>{slotTime(event, m, locale)}</strong> · {tableName(t, m.tableName)}
          </header>
          <p>{t('events.scan.with', { name: other })}</p>
          {target.done ? (
            <p class="badge">{t('events.scan.already')}</p>
          ) : (
            <form method="post" action={`/events/${event.id}/check-in/confirm`}>
              <input type="hidden" name="participant_id" value={p.id} />
              <input type="hidden" name="meeting_id" value={m.id} />
              <input type="hidden" name="method" value={method} />
              {target.open ? null : <p role="note">{t('events.scan.not_open')}</p>}
              <button type="submit" class="big">
                {t('events.scan.check_in')}
              </button>
            </form>
          )}
        </article>
      ) : (
        <p>{t('events.scan.no_meeting')}</p>
      )}
    </section>
  );
}

/** Name-tag badges, several per A4 sheet when printed (event-day.css); one or every participant. */
export function BadgesPage({
  t,
  event,
  badges,
  people,
}: EventViewProps & {
  event: EventView;
  badges: BadgeView[];
  people: Map<string, { name: string; organizationName: string }>;
}) {
  return (
    <section id="badges" class="event-day">
      <link rel="stylesheet" href={assetUrl('event-day.css')} />
      <p class="no-print">{t('events.badges.print_hint')}</p>
      <div class="badge-sheet">
        {badges.map((b) => {
          const who = people.get(b.participantId);
          return (
            <article class="name-badge">
              <p class="badge-event">{event.name}</p>
              <p class="badge-name">{who?.name}</p>
              <p class="badge-org">{who?.organizationName}</p>
              <QrCode badge={b} label={t('events.badges.qr_label', { name: who?.name ?? '' })} />
              <p class="badge-code">
                {t('events.badges.code')} <strong>{b.code}</strong>
              </p>
            </article>
          );
        })}
      </div>
    </section>
  );
}
