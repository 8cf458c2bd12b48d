import type { Db, Sql } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { Forbidden, Invalid, NotFound } from '../errors.js';
import { createRequest } from '../events/requests.js';
import type { Locale } from '../i18n/index.js';
import { translator } from '../i18n/index.js';
import type { Jobs } from '../jobs/queue.js';
import { loadViewer, type NeedViewer } from '../needs/access.js';
import { listNeedsOfOrgs } from '../needs/repo.js';
import { inviteSupplier, needTitle, setShortlisted } from '../needs/responses.js';
import type { Actor } from '../suppliers/access.js';
import { whatsappNumber } from '../suppliers/normalize.js';
import { findSupplier } from '../suppliers/repo.js';
import { findSupplierParticipant, firstPhones, listBuyerEvents } from './buyer-actions-repo.js';

export interface BuyerActionDeps {
  sql: Sql;
  jobs: Jobs | null;
  clock: () => Date;
  origin: string;
}

/** What the action block offers a buyer: their open needs, their coming events, and a WhatsApp opener. */
export interface BuyerContext {
  orgName: string;
  /** `title` in the reader's language; `chatTitle` in Indonesian, for the WhatsApp message. */
  needs: { id: string; title: string; chatTitle: string }[];
  events: { id: string; name: string }[];
}

const buyerOrgs = (v: NeedViewer) => v.orgs.filter((o) => o.kind === 'buyer');

/**
 * The buyer's context for action blocks on search results, profiles and the compare page; null for
 * anyone who is not a member of a buyer (tenant or investor) organisation, who sees no actions.
 */
export async function loadBuyerContext(
  deps: { sql: Db; clock: () => Date },
  actor: Actor | null,
  locale: Locale,
): Promise<BuyerContext | null> {
  if (!actor) return null;
  const viewer = await loadViewer(deps.sql, actor);
  const orgs = buyerOrgs(viewer);
  if (orgs.length === 0) return null;
  const [needs, events] = await Promise.all([
    listNeedsOfOrgs(
      deps.sql,
      orgs.map((o) => o.id),
    ),
    listBuyerEvents(deps.sql, actor.userId, deps.clock()),
  ]);
  const seen = new Set<string>();
  return {
    orgName: orgs[0]!.name,
    needs: needs
      .filter((n) => n.status === 'open')
      .map((n) => ({ id: n.id, title: needTitle(n, locale), chatTitle: needTitle(n, 'id') })),
    events: events
      .filter((e) => !seen.has(e.eventId) && seen.add(e.eventId))
      .map((e) => ({ id: e.eventId, name: e.eventName })),
  };
}

/**
 * `https://wa.me/<number>?text=…` for each supplier with a usable phone, the message always in
 * Indonesian (the language of the chat), naming the buyer's need when there is exactly one open,
 * else the buyer's organisation. Only for logged-in buyers: contact numbers are not public.
 */
export async function whatsappLinks(
  sql: Db,
  ctx: BuyerContext | null,
  suppliers: { id: string; name: string }[],
): Promise<Map<string, string>> {
  if (!ctx) return new Map();
  const phones = await firstPhones(
    sql,
    suppliers.map((s) => s.id),
  );
  const t = translator('id');
  const out = new Map<string, string>();
  for (const s of suppliers) {
    const number = whatsappNumber(phones.get(s.id));
    if (!number) continue;
    const need = ctx.needs.length === 1 ? ctx.needs[0]!.chatTitle : null;
    const text = need
      ? t('buyer.wa.need', { supplier: s.name, org: ctx.orgName, need })
      : t('buyer.wa.org', { supplier: s.name, org: ctx.orgName });
    out.set(s.id, `https://wa.me/${number}?text=${encodeURIComponent(text)}`);
  }
  return out;
}

async function requireBuyerViewer(sql: Sql, actor: Actor): Promise<NeedViewer> {
  const viewer = await loadViewer(sql, actor);
  if (buyerOrgs(viewer).length === 0) throw new Forbidden('buyer.error.not_buyer');
  return viewer;
}

async function requireListedSupplier(sql: Sql, supplierId: string) {
  const supplier = isUuid(supplierId) ? await findSupplier(sql, supplierId) : null;
  if (!supplier || !['verified', 'submitted'].includes(supplier.status)) throw new NotFound();
  return supplier;
}

export type BuyerAction = 'shortlist' | 'invite' | 'meeting';

export interface ActionInput {
  need_id?: string | undefined;
  event_id?: string | undefined;
  message?: string | undefined;
}

/**
 * One buyer action on a supplier seen in the directory: shortlist it for one of my needs (no prior
 * interest needed), invite it to one of my needs (it lands in its inbox with a notice in its
 * members' languages), or request a meeting at an event both take part in. Non-buyers get 403;
 * another organisation's need is 403 (or 404 when invisible), as on the need page.
 */
export async function runBuyerAction(
  deps: BuyerActionDeps,
  actor: Actor,
  supplierId: string,
  action: BuyerAction,
  input: ActionInput,
): Promise<void> {
  const viewer = await requireBuyerViewer(deps.sql, actor);
  const supplier = await requireListedSupplier(deps.sql, supplierId);
  if (action === 'meeting') return requestMeeting(deps, viewer, supplier.organizationId, input);
  if (!input.need_id) throw new Invalid({ need_id: 'v.choice' });
  if (action === 'shortlist')
    return setShortlisted(deps, viewer, input.need_id, supplier.organizationId, true);
  return inviteSupplier(deps, viewer, input.need_id, supplier.organizationId);
}

async function requestMeeting(
  deps: BuyerActionDeps,
  viewer: NeedViewer,
  supplierId: string,
  input: ActionInput,
) {
  const now = deps.clock();
  const events = await listBuyerEvents(deps.sql, viewer.actor.userId, now);
  const eventId =
    input.event_id ?? (new Set(events.map((e) => e.eventId)).size === 1 ? events[0]!.eventId : undefined);
  const mine = events.find((e) => e.eventId === eventId);
  if (!mine) throw new Invalid({ event_id: events.length ? 'v.choice' : 'buyer.error.no_event' });
  const to = await findSupplierParticipant(deps.sql, mine.eventId, supplierId);
  if (!to) throw new Invalid({ event_id: 'buyer.error.not_at_event' });
  await createRequest(
    deps.sql,
    viewer.actor,
    mine.eventId,
    { from: mine.participantId, to, priority: 2, message: input.message ?? '' },
    now,
  );
}

/**
 * The action block of one supplier for this viewer: null unless the viewer is a buyer, so other
 * roles never see the forms (the routes refuse them anyway).
 */
export async function loadBuyerBlock(
  deps: { sql: Db; clock: () => Date },
  actor: Actor | null,
  locale: Locale,
  supplier: { id: string; name: string },
): Promise<{ ctx: BuyerContext; whatsapp: string | null } | null> {
  const ctx = await loadBuyerContext(deps, actor, locale);
  if (!ctx) return null;
  const links = await whatsappLinks(deps.sql, ctx, [supplier]);
  return { ctx, whatsapp: links.get(supplier.id) ?? null };
}
