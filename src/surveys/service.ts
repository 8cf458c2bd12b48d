import { recordAudit } from '../audit/service.js';
import type { Db, Sql } from '../db/client.js';
import { Gone, NotFound } from '../errors.js';
import { requireHistoryRoom } from '../outcomes/history.js';
import { addMonths, localDateOf } from '../outcomes/reminders.js';
import * as outcomes from '../outcomes/repo.js';
import type { OutcomeInput, OutcomeStatus } from '../outcomes/schema.js';
import { versionToInput } from '../outcomes/service.js';
import { recordMove } from '../pipeline/service.js';
import type { Stage } from '../pipeline/stages.js';
import * as repo from './repo.js';
import type { SurveyAnswer } from './schema.js';
import { hashSurveyToken, isSurveyToken } from './token.js';

/** What the questionnaire page shows about the meeting it asks about. */
export type SurveyView = repo.InvitationRow;

/**
 * The invitation behind a link. A token that was never issued is NotFound (404); one that was
 * answered or has expired is Gone (410), so the page can say so instead of "not found".
 */
async function requireOpen(db: Db, token: string | undefined, now: Date, lock: boolean) {
  if (!isSurveyToken(token)) throw new NotFound();
  const inv = await repo.findInvitation(db, hashSurveyToken(token), lock);
  if (!inv) throw new NotFound();
  if (inv.usedAt) throw new Gone('impact.survey.used');
  if (inv.expiresAt <= now) throw new Gone('impact.survey.expired');
  return inv;
}

/** The questionnaire for a link, or a typed refusal. */
export function openSurvey(db: Db, token: string | undefined, now: Date): Promise<SurveyView> {
  return requireOpen(db, token, now, false);
}

/**
 * Where a deal stage puts the outcome record: contracts, trial and repeat orders are deals; a
 * dropped follow-up ends without one; talks still going are a follow-up, due a month on.
 */
function statusOf(stage: Stage): OutcomeStatus {
  if (stage === 'dropped') return 'no_deal';
  if (stage === 'contacted' || stage === 'sample') return 'follow_up';
  return 'deal';
}

function toInput(a: SurveyAnswer, prev: OutcomeInput | null, today: string): OutcomeInput {
  const status = statusOf(a.stage);
  return {
    attendance: prev?.attendance ?? 'held',
    status,
    valueIdr: a.valueIdr ?? (status === 'deal' ? (prev?.valueIdr ?? null) : null),
    products: prev?.products ?? null,
    volume: a.volume ?? prev?.volume ?? null,
    nextSteps: prev?.nextSteps ?? null,
    notes: prev?.notes ?? null,
    followUpOn: status === 'follow_up' ? addMonths(today, 1) : null,
    noDealReason: status === 'no_deal' ? 'other' : null,
    shareNames: prev?.shareNames ?? false,
  };
}

/**
 * Answers a survey link: in one transaction with the invitation locked, the answer becomes a new
 * outcome version of the recipient's side (channel `survey`, its wave), the follow-up pipeline
 * moves to the stage stated, the extra answers are kept, and the link is spent. A second submit
 * of the same link waits for the lock and then finds it used (410).
 */
export async function answerSurvey(sql: Sql, token: string | undefined, a: SurveyAnswer, now: Date) {
  return sql.begin(async (tx) => {
    const inv = await requireOpen(tx, token, now, true);
    await outcomes.lockHead(tx, inv.meetingId);
    await requireHistoryRoom(tx, inv.meetingId, inv.side);
    const prev = (await outcomes.findHeads(tx, inv.meetingId))[inv.side];
    const input = toInput(a, prev ? versionToInput(prev) : null, localDateOf(now, inv.timezone));
    const m = await outcomes.findMeetingParties(tx, inv.meetingId);
    if (!m) throw new NotFound();
    const reporterOrgId = inv.side === 'buyer' ? m.buyerOrgId : m.supplierOrgId;
    const row = await outcomes.appendVersion(tx, {
      meetingId: inv.meetingId,
      side: inv.side,
      channel: 'survey',
      survey: inv.wave,
      basedOn: null,
      input,
      mouFileId: prev?.mouFileId ?? null,
      reportedBy: inv.userId,
      reporterOrgId,
      now,
    });
    await repo.insertAnswer(tx, { ...a, invitationId: inv.id, versionId: row.id, now });
    await repo.markInvitationUsed(tx, inv.id, now);
    await recordMove(tx, {
      meetingId: inv.meetingId,
      stage: a.stage,
      userId: inv.userId,
      side: inv.side,
      now,
    });
    await recordAudit(tx, {
      actorUserId: inv.userId,
      organizationId: reporterOrgId,
      entity: 'meeting_outcome',
      entityId: inv.meetingId,
      action: `survey.${inv.side}`,
      changes: { version: row.version, wave: inv.wave, stage: a.stage },
    });
    return { version: row.version, locale: inv.locale };
  });
}
