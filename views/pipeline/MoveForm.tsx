import type { T } from '../../src/i18n/index.js';
import { STAGES, type Stage } from '../../src/pipeline/stages.js';

/**
 * A card's move form: the next stage and the revision the page showed. A plain form (works
 * without JS); htmx swaps the board in place when present.
 */
export function MoveForm({
  t,
  meetingId,
  stage,
  revision,
  back,
}: {
  t: T;
  meetingId: string;
  stage: Stage | null;
  revision: number;
  back: string;
}) {
  const id = `move-${meetingId}`;
  return (
    <form method="post" action={`/pipeline/meetings/${meetingId}/move`} class="move-form" hx-boost="true">
      <input type="hidden" name="revision" value={String(revision)} />
      <input type="hidden" name="back" value={back} />
      <label for={id}>
        {t('impact.pipeline.move_to')}
        <select id={id} name="stage">
          {STAGES.map((s) => (
            <option value={s} selected={s === stage}>
              {t(`impact.stage.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        {t('impact.pipeline.move')}
      </button>
    </form>
  );
}
