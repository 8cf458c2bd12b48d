import { formatDate } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { STAGES, STALE_DAYS, type Stage } from '../../src/pipeline/stages.js';
import { MoveForm } from './MoveForm.js';
import type { CardView } from './models.js';

export interface BoardPageProps {
  t: T;
  locale: Locale;
  name: string;
  cards: CardView[];
  limited: boolean;
  /** This board's own path (`/pipeline?event=…`), where moves come back to. */
  back: string;
}

function Card({ t, locale, c, back }: { t: T; locale: Locale; c: CardView; back: string }) {
  const since = c.stageAt ?? c.endsAt;
  return (
    <li class={c.overdue ? 'card overdue' : 'card'} id={`card-${c.meetingId}`}>
      <strong>
        <a href={`/pipeline/meetings/${c.meetingId}`}>
          {c.buyerName} × {c.supplierName}
        </a>
      </strong>
      <br />
      <small class="muted">
        {c.eventName ?? ''} · {t('impact.pipeline.since', { date: formatDate(since, locale, c.timezone) })}
      </small>
      {c.overdue ? <span class="badge overdue">{t('impact.pipeline.overdue')}</span> : null}
      <MoveForm t={t} meetingId={c.meetingId} stage={c.stage} revision={c.revision ?? 0} back={back} />
    </li>
  );
}

/**
 * The follow-up board of an event or an office: one column per stage (stacked on a phone), each
 * card with its own move form. Overdue means no movement for longer than the stage allows.
 */
export function BoardPage({ t, locale, name, cards, limited, back }: BoardPageProps) {
  const columns: (Stage | 'new')[] = ['new', ...STAGES];
  return (
    <section id="pipeline-board">
      <hgroup>
        <h1>{t('impact.pipeline.title')}</h1>
        <p>{name}</p>
      </hgroup>
      <p class="muted small">
        {t('impact.pipeline.overdue_rule', {
          contacted: STALE_DAYS.contacted ?? 0,
          sample: STALE_DAYS.sample ?? 0,
          trial: STALE_DAYS.trial ?? 0,
          contract: STALE_DAYS.contract ?? 0,
        })}
      </p>
      {limited ? <p class="muted">{t('impact.pipeline.limited')}</p> : null}
      <div class="board">
        {columns.map((col) => {
          const inCol = cards.filter((c) => (c.stage ?? 'new') === col);
          return (
            <section class="board-column" id={`col-${col}`}>
              <h2>
                {t(`impact.stage.${col}`)} <small>({inCol.length})</small>
              </h2>
              <ul class="cards">
                {inCol.map((c) => (
                  <Card t={t} locale={locale} c={c} back={back} />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** `/pipeline` without a scope: pick an event or an office. */
export function BoardPicker({
  t,
  events,
  offices,
}: {
  t: T;
  events: { id: string; name: string }[];
  offices: { id: string; name: string }[];
}) {
  return (
    <section id="pipeline-board">
      <h1>{t('impact.pipeline.title')}</h1>
      <h2>{t('impact.pipeline.by_office')}</h2>
      <ul>
        {offices.map((o) => (
          <li>
            <a href={`/pipeline?office=${o.id}`}>{o.name}</a>
          </li>
        ))}
      </ul>
      <h2>{t('impact.pipeline.by_event')}</h2>
      <ul>
        {events.map((e) => (
          <li>
            <a href={`/pipeline?event=${e.id}`}>{e.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
