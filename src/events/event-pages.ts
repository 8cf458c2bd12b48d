import type { Db } from '../db/client.js';
import { type Actor, isFacilitator, requireEvent } from './access.js';
import { listParticipantsOfUser, listRegistrableOrgs } from './participants-repo.js';
import { loadEvent, registrationOpen } from './service.js';

/**
 * The event page for this actor: their own registrations, and whether they may register (staff
 * always; others while registration is open and they have an organisation to register).
 */
export async function loadEventPage(db: Db, actor: Actor, id: string | undefined, now: Date) {
  const loaded = await loadEvent(db, id);
  const staff = isFacilitator(actor);
  const [own, orgs] = await Promise.all([
    listParticipantsOfUser(db, loaded.event.id, actor.userId),
    listRegistrableOrgs(db, actor.userId),
  ]);
  const open = registrationOpen(loaded.event, now);
  return { loaded, staff, registrationOpen: open, own, canRegister: staff || (open && orgs.length > 0) };
}

/** The registration form's choices: staff register any organisation, others their own. */
export async function loadRegisterForm(db: Db, actor: Actor, id: string | undefined) {
  const event = await requireEvent(db, id);
  const staff = isFacilitator(actor);
  const orgs = await listRegistrableOrgs(db, staff ? null : actor.userId);
  return { event, orgs, staff };
}
