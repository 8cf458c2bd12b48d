import type { T } from '../../src/i18n/index.js';

/** What the block offers the logged-in buyer (null props mean: not a buyer, show nothing). */
export interface BuyerActionsView {
  needs: { id: string; title: string }[];
  events: { id: string; name: string }[];
}

export interface BuyerActionsProps {
  t: T;
  ctx: BuyerActionsView;
  supplierId: string;
  supplierName: string;
  /** Pre-filled wa.me link, when the supplier has a usable number. */
  whatsapp: string | null;
  /** Where a plain (no-JS) form returns to. */
  next: string;
  /** Open by default (profile page) or folded (search cards). */
  open?: boolean;
}

function NeedSelect({ t, id, needs }: { t: T; id: string; needs: BuyerActionsView['needs'] }) {
  return (
    <label for={id}>
      {t('buyer.need')}
      <select id={id} name="need_id" required>
        {needs.map((n) => (
          <option value={n.id}>{n.title}</option>
        ))}
      </select>
    </label>
  );
}

/**
 * Shortlist, invite to a need, request a meeting and WhatsApp: plain forms that post and come back
 * with a flash, and with htmx swap a status line in place. Ids are per supplier, so many blocks
 * can share a page.
 */
export function BuyerActions({ t, ctx, supplierId, supplierName, whatsapp, next, open }: BuyerActionsProps) {
  const base = `/suppliers/${supplierId}/buyer`;
  const status = `buyer-status-${supplierId}`;
  const hx = (action: string) => ({
    'hx-post': `${base}/${action}`,
    'hx-target': `#${status}`,
    'hx-swap': 'innerHTML',
  });
  return (
    <details class="buyer-actions" open={open} id={`buyer-actions-${supplierId}`}>
      <summary>{t('buyer.actions', { supplier: supplierName })}</summary>
      <p id={status} role="status" aria-live="polite" />
      {ctx.needs.length ? (
        <div class="grid-2">
          <form method="post" action={`${base}/shortlist`} {...hx('shortlist')}>
            <input type="hidden" name="next" value={next} />
            <NeedSelect t={t} id={`shortlist-need-${supplierId}`} needs={ctx.needs} />
            <button type="submit">{t('buyer.shortlist')}</button>
          </form>
          <form method="post" action={`${base}/invite`} {...hx('invite')}>
            <input type="hidden" name="next" value={next} />
            <NeedSelect t={t} id={`invite-need-${supplierId}`} needs={ctx.needs} />
            <button type="submit">{t('buyer.invite')}</button>
          </form>
        </div>
      ) : (
        <p class="muted">
          {t('buyer.no_needs')} <a href="/needs/new">{t('buyer.new_need')}</a>
        </p>
      )}
      {ctx.events.length ? (
        <form method="post" action={`${base}/meeting`} {...hx('meeting')}>
          <input type="hidden" name="next" value={next} />
          {ctx.events.length > 1 ? (
            <label for={`meeting-event-${supplierId}`}>
              {t('buyer.event')}
              <select id={`meeting-event-${supplierId}`} name="event_id" required>
                {ctx.events.map((e) => (
                  <option value={e.id}>{e.name}</option>
                ))}
              </select>
            </label>
          ) : (
            <input type="hidden" name="event_id" value={ctx.events[0]!.id} />
          )}
          <label for={`meeting-message-${supplierId}`}>
            {t('buyer.message')}
            <input id={`meeting-message-${supplierId}`} name="message" maxlength={1000} />
          </label>
          <button type="submit">
            {ctx.events.length > 1
              ? t('buyer.meeting')
              : t('buyer.meeting_at', { event: ctx.events[0]!.name })}
          </button>
        </form>
      ) : (
        <p class="muted">{t('buyer.no_events')}</p>
      )}
      {whatsapp ? (
        <p>
          <a href={whatsapp} rel="noopener noreferrer" target="_blank" class="whatsapp">
            {t('buyer.whatsapp')}
          </a>
        </p>
      ) : null}
    </details>
  );
}

/** The htmx answer of an action: a confirmation or the refusal, swapped into the status line. */
export function BuyerActionStatus({ message, error }: { message: string; error?: boolean }) {
  return <span class={error ? 'field-error' : 'notice'}>{message}</span>;
}

/** A refused action for plain form posts (no JavaScript): the reason and a way back. */
export function BuyerActionRefusedPage({ t, message, back }: { t: T; message: string; back: string }) {
  return (
    <article id="buyer-action-refused">
      <h1>{t('buyer.refused_title')}</h1>
      <div class="form-error" role="alert">
        <p>{message}</p>
      </div>
      <p>
        <a href={back}>{t('buyer.back')}</a>
      </p>
    </article>
  );
}
