/**
 * The follow-up pipeline's stages, in order, plus `dropped`. Shared by the pipeline board and
 * the survey questionnaire (its "deal stage" question), so both speak the same language.
 */
export const STAGES = ['contacted', 'sample', 'trial', 'contract', 'repeat', 'dropped'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Days an item may sit in a stage before the board flags it overdue. A due date per stage would
 * need someone to type one for every move; "no movement for N days" needs nothing and still
 * catches the follow-ups that stall. N grows with the stage: a quotation takes longer than a
 * first call, a contract longer than a trial. Repeat orders and dropped items never go overdue.
 * Meetings not yet contacted count from the meeting's end.
 */
export const STALE_DAYS: Record<Stage | 'new', number | null> = {
  new: 14,
  contacted: 14,
  sample: 30,
  trial: 45,
  contract: 60,
  repeat: null,
  dropped: null,
};

const DAY_MS = 86_400_000;

/** Whether an item (in `stage` since `since`) has stalled past its stage's allowance at `now`. */
export function isOverdue(stage: Stage | 'new', since: Date, now: Date): boolean {
  const days = STALE_DAYS[stage];
  return days !== null && now.getTime() - since.getTime() > days * DAY_MS;
}
