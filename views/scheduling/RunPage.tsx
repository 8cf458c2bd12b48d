import type { RunDiff } from '../../src/scheduling/runs.js';
import type { EventView, SlotView, TableView } from '../events/models.js';
import { EventNav, type EventViewProps, slotLabel, tableName } from '../events/parts.js';
import type { RunView } from './models.js';

export interface RunPageProps extends EventViewProps {
  event: EventView;
  run: RunView;
  diff: RunDiff;
  stale: boolean;
  slots: SlotView[];
  tables: TableView[];
  /** Request id → "A (Org) – B (Org)". */
  pairs: Map<string, string>;
}

/** The preview of a scheduler run: what publishing would add, move and remove. */
export function RunPage(p: RunPageProps) {
  const { t, locale, event, run, diff } = p;
  const slots = new Map(p.slots.map((s) => [s.id, s]));
  const tables = new Map(p.tables.map((tb) => [tb.id, tb]));
  const where = (slotId: string | null, tableId: string | null) => {
    const s = slotId ? slots.get(slotId) : undefined;
    const tb = tableId ? tables.get(tableId) : undefined;
    return `${s ? slotLabel(event, s, locale) : ''} · ${tb ? tableName(t, tb.name) : ''}`;
  };
  return (
    <section id="run-preview">
      <EventNav t={t} eventId={event.id} staff />
      <h1>{t('events.run.title')}</h1>
      <p>
        <span class="badge">{t(`events.run.status.${run.status}`)}</span>{' '}
        {t('events.run.summary', {
          scheduled: run.scheduled,
          unscheduled: run.unscheduled,
          objective: run.objective,
        })}
      </p>
      {p.stale && run.status === 'draft' ? (
        <p class="form-error" role="alert">
          {t('events.run.stale')}
        </p>
      ) : null}
      <div class="actions no-print">
        {run.status === 'draft' && !p.stale ? (
          <form method="post" action={`/events/${event.id}/schedule/runs/${run.id}/publish`}>
            <button type="submit">{t('events.run.publish')}</button>
          </form>
        ) : null}
        <form method="post" action={`/events/${event.id}/schedule/run`}>
          <button type="submit" class="secondary">
            {t('events.run')}
          </button>
        </form>
      </div>
      <h2>
        {t('events.run.added')} ({diff.added.length})
      </h2>
      <ul class="diff added">
        {diff.added.map((a) => (
          <li>
            {p.pairs.get(a.requestId) ?? a.requestId} — {where(a.slotId, a.tableId)}
          </li>
        ))}
      </ul>
      <h2>
        {t('events.run.moved')} ({diff.moved.length})
      </h2>
      <ul class="diff moved">
        {diff.moved.map((m) => (
          <li>
            {m.meeting.aName} – {m.meeting.bName} —{' '}
            {t('events.run.from_to', {
              from: where(m.meeting.slotId, m.meeting.tableId),
              to: where(m.slotId, m.tableId),
            })}
          </li>
        ))}
      </ul>
      <h2>
        {t('events.run.removed')} ({diff.removed.length})
      </h2>
      <ul class="diff removed">
        {diff.removed.map((m) => (
          <li>
            {m.aName} – {m.bName} — {where(m.slotId, m.tableId)}
          </li>
        ))}
      </ul>
      <p>
        {t('events.run.unchanged')}: {diff.unchanged.length}
      </p>
    </section>
  );
}
