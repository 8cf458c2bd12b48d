import { formatDateTime } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { Stage } from '../../src/pipeline/stages.js';
import { MoveForm } from './MoveForm.js';
import type { MoveView } from './models.js';

export interface ItemPageProps {
  t: T;
  locale: Locale;
  meeting: {
    id: string;
    buyerOrgName: string;
    supplierOrgName: string;
    eventName: string | null;
    timezone: string;
  };
  stage: Stage | null;
  revision: number;
  overdue: boolean;
  moves: MoveView[];
  error: string | null;
}

/** One meeting's follow-up: where it stands, the move form for either party, and every move so far. */
export function ItemPage({ t, locale, meeting: m, stage, revision, overdue, moves, error }: ItemPageProps) {
  return (
    <section id="pipeline-item">
      <hgroup>
        <h1>{t('impact.pipeline.item_title')}</h1>
        <p>
          {m.buyerOrgName} × {m.supplierOrgName} {m.eventName ? `· ${m.eventName}` : ''}
        </p>
      </hgroup>
      <p>
        {t('impact.pipeline.stage_now')}: <strong>{t(`impact.stage.${stage ?? 'new'}`)}</strong>{' '}
        {overdue ? <span class="badge overdue">{t('impact.pipeline.overdue')}</span> : null}
      </p>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <MoveForm
        t={t}
        meetingId={m.id}
        stage={stage}
        revision={revision}
        back={`/pipeline/meetings/${m.id}`}
      />
      <h2>{t('impact.pipeline.history')}</h2>
      {moves.length === 0 ? (
        <p class="muted">{t('impact.pipeline.no_moves')}</p>
      ) : (
        <ol class="moves">
          {moves.map((mv) => (
            <li>
              {formatDateTime(mv.at, m.timezone, locale)}: {t(`impact.stage.${mv.from ?? 'new'}`)} →{' '}
              {t(`impact.stage.${mv.to}`)} ({mv.byName ?? '—'}, {t(`impact.side.${mv.side}`)})
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={`/outcomes/meetings/${m.id}`}>{t('impact.pipeline.to_outcome')}</a>
      </p>
    </section>
  );
}
