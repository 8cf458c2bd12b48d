import { scoreForNeeds } from '../matching/service.js';
import type { Criterion } from '../matching/types.js';
import { SUPPLIER_THRESHOLD } from '../matching/weights.js';
import { todayIso } from '../suppliers/normalize.js';
import type { NeedViewer } from './access.js';
import { type MatchingDeps, matchableOf } from './matches.js';
import { listInvitedOpenNeeds, listOpenNeeds, type NeedRow } from './repo.js';
import { listResponsesOf, type ResponseRow } from './responses-repo.js';

export interface InboxItem {
  need: NeedRow;
  supplierId: string;
  supplierName: string;
  /** The supplier's score for the need, or null when it does not match (an invitation still shows). */
  score: number | null;
  criteria: Criterion[];
  invited: boolean;
  response: ResponseRow | null;
}

/**
 * A supplier's inbox: open needs it may see (public ones when its profile is verified, and the
 * invited-only needs it is invited to) that match it with at least SUPPLIER_THRESHOLD, plus every
 * invitation whatever its score. Best score first, then the nearest deadline.
 */
export async function supplierInbox(deps: MatchingDeps, viewer: NeedViewer): Promise<InboxItem[]> {
  const today = todayIso(deps.clock());
  const items: InboxItem[] = [];
  for (const org of viewer.orgs) {
    if (org.kind !== 'supplier' || org.supplierStatus === null) continue;
    const publicNeeds =
      org.supplierStatus === 'verified' ? await listOpenNeeds(deps.sql, { publicOnly: true, today }) : [];
    const invitedNeeds = await listInvitedOpenNeeds(deps.sql, [org.id], today);
    const invited = new Set(invitedNeeds.map((n) => n.id));
    const needs = [...invitedNeeds, ...publicNeeds.filter((n) => !invited.has(n.id))];
    const scored = await scoreForNeeds(
      deps,
      needs.map((need) => ({ ...matchableOf(need), need })),
      org.id,
      { statuses: ['verified', 'submitted'], today },
    );
    const responses = new Map(
      (
        await listResponsesOf(
          deps.sql,
          needs.map((n) => n.id),
          [org.id],
        )
      ).map((r) => [r.needId, r]),
    );
    for (const s of scored) {
      const isInvited = invited.has(s.need.need.id);
      if (!isInvited && s.score < SUPPLIER_THRESHOLD) continue;
      items.push({
        need: s.need.need,
        supplierId: org.id,
        supplierName: org.name,
        score: s.score >= 0 ? s.score : null,
        criteria: s.criteria,
        invited: isInvited,
        response: responses.get(s.need.need.id) ?? null,
      });
    }
  }
  return items.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      (a.need.responseDeadline ?? '9999').localeCompare(b.need.responseDeadline ?? '9999') ||
      a.need.id.localeCompare(b.need.id),
  );
}
