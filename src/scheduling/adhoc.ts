import type { Db, Sql } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import type { Actor } from '../events/access.js';
import { requireBuyerSupplierPair } from '../events/pairing.js';
import { zonedTimeToUtc } from '../i18n/format.js';
import { findMembership, findOrganizationById } from '../orgs/repo.js';
import * as repo from './adhoc-repo.js';
import { explainPlacementError } from './conflicts.js';
import type { AdhocForm } from './schema.js';

/**
 * Proposes a meeting outside any event, from one of the actor's organisations to another. It holds
 * nobody's time until accepted; then the database refuses it if it overlaps either person's other
 * meetings (events included), because overlap is judged per person, not per organisation: an
 * organisation may well send two people to two meetings at once.
 */
export async function proposeAdhoc(sql: Sql, actor: Actor, f: AdhocForm, now: Date): Promise<string> {
  if (!(await findMembership(sql, f.from_org, actor.userId))) throw new Invalid({ from_org: 'v.choice' });
  if (f.to_org === f.from_org || !(await findOrganizationById(sql, f.to_org)))
    throw new Invalid({ to_org: 'v.choice' });
  await requireBuyerSupplierPair(sql, actor, f.from_org, f.to_org, 'to_org');
  if (!f.place && !f.online_url) throw new Invalid({ place: 'events.adhoc.place_or_link' });
  let startsAt: Date;
  try {
    startsAt = zonedTimeToUtc(f.date, f.start.replace('.', ':'), f.timezone);
  } catch {
    throw new Invalid({ date: 'v.date' });
  }
  if (startsAt <= now) throw new Invalid({ date: 'v.events.past' });
  return repo.insertAdhoc(sql, {
    proposerUserId: actor.userId,
    proposerOrgId: f.from_org,
    counterpartOrgId: f.to_org,
    startsAt,
    endsAt: new Date(startsAt.getTime() + f.minutes * 60_000),
    timezone: f.timezone,
    place: f.place,
    onlineUrl: f.online_url,
    message: f.message,
  });
}

async function requireParty(db: Db, actor: Actor, id: string | undefined) {
  if (!isUuid(id)) throw new NotFound();
  const m = await repo.findAdhoc(db, id);
  if (!m) throw new NotFound();
  const [proposer, counterpart] = await Promise.all([
    findMembership(db, m.proposerOrgId, actor.userId),
    findMembership(db, m.counterpartOrgId, actor.userId),
  ]);
  if (!proposer && !counterpart) throw new NotFound();
  return { meeting: m, counterpart: !!counterpart };
}

/** The other side answers a proposal; the one who accepts becomes the attendee for that side. */
export async function answerAdhoc(
  sql: Sql,
  actor: Actor,
  id: string | undefined,
  answer: 'scheduled' | 'declined',
  now: Date,
): Promise<void> {
  const { meeting, counterpart } = await requireParty(sql, actor, id);
  if (!counterpart) throw new Forbidden();
  try {
    await sql.begin(async (tx) => {
      await repo.lockAdhoc(tx, meeting.id);
      const fresh = await repo.findAdhoc(tx, meeting.id);
      if (fresh?.status !== 'proposed') throw new Conflict('events.conflict.already_answered');
      await repo.setAdhocStatus(
        tx,
        meeting.id,
        answer,
        now,
        answer === 'scheduled' ? actor.userId : undefined,
      );
    });
  } catch (err) {
    explainPlacementError(err);
  }
}

/** Either side may call it off; the time is freed at once. */
export async function cancelAdhoc(sql: Sql, actor: Actor, id: string | undefined, now: Date): Promise<void> {
  const { meeting } = await requireParty(sql, actor, id);
  if (meeting.status === 'cancelled' || meeting.status === 'declined') return;
  await repo.setAdhocStatus(sql, meeting.id, 'cancelled', now);
}
