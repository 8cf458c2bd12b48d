import type { GridModel, Selection } from '../../src/scheduling/grid.js';
import type { EventView, SlotView, TableView } from '../events/models.js';
import { EventNav, type EventViewProps, slotsByDay, slotTime, tableName, when } from '../events/parts.js';
import type { MeetingView, RunView } from './models.js';

export interface GridProps extends EventViewProps {
  event: EventView;
  grid: GridModel;
  selection: Selection;
  /** A one-off message after an action: success (status) or a refused change (alert). */
  notice: { kind: 'ok' | 'error'; text: string } | null;
}

/** htmx swaps only the grid: every action form targets it and picks it out of the response. */
const swapGrid = {
  'hx-target': '#schedule-grid',
  'hx-select': '#schedule-grid',
  'hx-swap': 'outerHTML',
} as const;

function CellForm({
  action,
  fields,
  label,
  aria,
}: {
  action: string;
  fields: Record<string, string>;
  label: string;
  aria?: string;
}) {
  return (
    <form method="post" action={action} class="cell-form" hx-post={action} {...swapGrid}>
      {Object.entries(fields).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class="outline" aria-label={aria}>
        {label}
      </button>
    </form>
  );
}

function MeetingCell({ t, event, m, grid }: Pick<GridProps, 't' | 'event' | 'grid'> & { m: MeetingView }) {
  const base = `/events/${event.id}/grid`;
  const conflict = grid.hasConflict(m);
  return (
    <div class={`meeting p${m.priority}${m.locked ? ' locked' : ''}${conflict ? ' conflict' : ''}`}>
      <span class="who">
        {m.aName} <small>({m.aOrgName})</small>
      </span>
      <span class="who">
        {m.bName} <small>({m.bOrgName})</small>
      </span>
      {m.locked ? <span class="badge">{t('events.grid.locked')}</span> : null}
      {conflict ? (
        <strong class="conflict-note" role="note">
          {t('events.grid.conflict')}
        </strong>
      ) : null}
      <span class="cell-actions">
        <a
          href={`${base}?select=${m.id}`}
          hx-get={`${base}?select=${m.id}`}
          hx-push-url="true"
          {...swapGrid}
          aria-label={t('events.grid.select_named', { a: m.aName, b: m.bName })}
        >
          {t('events.grid.select')}
        </a>
        <CellForm
          action={`${base}/${m.locked ? 'unlock' : 'lock'}`}
          fields={{ meeting_id: m.id }}
          label={m.locked ? t('events.grid.unlock') : t('events.grid.lock')}
        />
      </span>
    </div>
  );
}

function Cell({ t, event, grid, selection, slot, table }: GridProps & { slot: SlotView; table: TableView }) {
  const base = `/events/${event.id}/grid`;
  const m = grid.at(slot.id, table.id);
  const action = grid.actionFor(selection, slot.id, table.id);
  const target = { slot_id: slot.id, table_id: table.id };
  return (
    <td
      class={`cell${m ? '' : ' empty'}${action.kind === 'blocked' ? ' blocked' : ''}${action.kind === 'selected' ? ' selected' : ''}`}
    >
      {m ? (
        <MeetingCell t={t} event={event} m={m} grid={grid} />
      ) : (
        <span class="muted">{t('events.grid.empty')}</span>
      )}
      {action.kind === 'move' && selection?.kind === 'meeting' ? (
        <CellForm
          action={`${base}/move`}
          fields={{ meeting_id: selection.meeting.id, ...target }}
          label={t('events.grid.move_here')}
        />
      ) : null}
      {action.kind === 'swap' && selection?.kind === 'meeting' ? (
        <CellForm
          action={`${base}/swap`}
          fields={{ meeting_id: selection.meeting.id, other_id: action.with }}
          label={t('events.grid.swap_here')}
        />
      ) : null}
      {action.kind === 'place' && selection?.kind === 'request' ? (
        <CellForm
          action={`${base}/place`}
          fields={{ request_id: selection.request.id, ...target }}
          label={t('events.grid.place_here')}
        />
      ) : null}
      {action.kind === 'blocked' ? (
        <small class="muted">
          {action.reason === 'busy' ? t('events.grid.busy') : t('events.grid.unavailable')}
        </small>
      ) : null}
    </td>
  );
}

function SelectionBanner({ t, event, selection }: Pick<GridProps, 't' | 'event' | 'selection'>) {
  if (!selection) return null;
  const base = `/events/${event.id}/grid`;
  const text =
    selection.kind === 'meeting'
      ? t('events.grid.moving', { a: selection.meeting.aName, b: selection.meeting.bName })
      : t('events.grid.placing', { a: selection.request.fromName, b: selection.request.toName });
  return (
    <div class="selection-banner" role="status">
      <p>{text}</p>
      <p class="actions">
        <a href={base} hx-get={base} hx-push-url="true" {...swapGrid}>
          {t('events.grid.cancel_select')}
        </a>
        {selection.kind === 'meeting' ? (
          <CellForm
            action={`${base}/remove`}
            fields={{ meeting_id: selection.meeting.id }}
            label={t('events.grid.remove')}
          />
        ) : null}
      </p>
    </div>
  );
}

/** The slots × tables grid and the unscheduled list: the part htmx replaces after each action. */
export function Grid(props: GridProps) {
  const { t, locale, event, grid, notice } = props;
  const base = `/events/${event.id}/grid`;
  return (
    <div id="schedule-grid">
      {notice ? (
        <p
          class={notice.kind === 'ok' ? 'flash' : 'form-error'}
          role={notice.kind === 'ok' ? 'status' : 'alert'}
        >
          {notice.text}
        </p>
      ) : null}
      <p class="muted">
        {t('events.grid.stats', { scheduled: grid.meetings.length, unscheduled: grid.unscheduled.length })}
      </p>
      <SelectionBanner t={t} event={event} selection={props.selection} />
      <div class="grid-scroll">
        <table class="schedule">
          <thead>
            <tr>
              <th scope="col">{t('events.time')}</th>
              {grid.tables.map((tb) => (
                <th scope="col">{tableName(t, tb.name)}</th>
              ))}
            </tr>
          </thead>
          {slotsByDay(event, grid.slots, locale).map((group) => (
            <tbody>
              <tr class="day">
                <th scope="rowgroup" colspan={grid.tables.length + 1}>
                  {group.day}
                </th>
              </tr>
              {group.slots.map((slot) => (
                <tr>
                  <th scope="row">{slotTime(event, slot, locale)}</th>
                  {grid.tables.map((table) => (
                    <Cell {...props} slot={slot} table={table} />
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <h2>{t('events.grid.unscheduled')}</h2>
      {grid.unscheduled.length === 0 ? <p>{t('events.grid.unscheduled_none')}</p> : null}
      <ul class="unscheduled">
        {grid.unscheduled.map((r) => (
          <li>
            {r.fromName} – {r.toName} <small class="muted">{t(`events.priority.${r.priority}`)}</small>{' '}
            <a
              href={`${base}?place=${r.id}`}
              hx-get={`${base}?place=${r.id}`}
              hx-push-url="true"
              {...swapGrid}
            >
              {t('events.grid.place')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The facilitator's schedule page: run the scheduler, then fix things by hand in the grid. */
export function GridPage(props: GridProps & { runs: RunView[] }) {
  const { t, locale, event, runs } = props;
  return (
    <section id="grid-page">
      <EventNav t={t} eventId={event.id} staff />
      <h1>
        {t('events.grid')} · {event.name}
      </h1>
      <p>{t('events.grid_lead')}</p>
      <article class="no-print">
        <p>{t('events.run_lead')}</p>
        <form method="post" action={`/events/${event.id}/schedule/run`}>
          <button type="submit">{t('events.run')}</button>
        </form>
        {runs.length ? (
          <details>
            <summary>{t('events.run.history')}</summary>
            <ul>
              {runs.map((r) => (
                <li>
                  <a href={`/events/${event.id}/schedule/runs/${r.id}`}>{when(event, r.createdAt, locale)}</a>{' '}
                  <span class="badge">{t(`events.run.status.${r.status}`)}</span>{' '}
                  {t('events.run.summary', {
                    scheduled: r.scheduled,
                    unscheduled: r.unscheduled,
                    objective: r.objective,
                  })}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </article>
      <Grid {...props} />
    </section>
  );
}
