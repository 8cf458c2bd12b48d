import type { Db } from '../db/client.js';
import { listSuggestionRows } from './suggest-repo.js';

export interface Suggestion {
  participantId: string;
  name: string;
  organizationName: string;
  organizationKind: 'buyer' | 'supplier';
  /** Why it was suggested, as catalog keys with params, so the view can say it in either language. */
  reason: { key: string; params: Record<string, string | number> };
}

/**
 * The seam for matching: "suggested for you" asks a Suggester, and the matching capability can
 * hand in its own (scored on needs and capabilities) without the event pages changing.
 */
export interface Suggester {
  suggest(db: Db, eventId: string, participantId: string, limit: number): Promise<Suggestion[]>;
}

/**
 * A deliberately simple stand-in until matching lands. Counterparts are approved participants of
 * the other kind not yet paired with this one. For a buyer, suppliers score by processes and
 * sectors shared with the suppliers it has already asked for (sectors count double: "more like
 * the ones you chose"). For a supplier, buyers score by how many of their requests went to
 * suppliers sharing its processes or sectors, and tenants of the event's estate come first.
 */
export const heuristicSuggester: Suggester = {
  async suggest(db, eventId, participantId, limit) {
    const rows = await listSuggestionRows(db, eventId, participantId, limit);
    return rows.map(
      (r): Suggestion => ({
        participantId: r.participantId,
        name: r.name,
        organizationName: r.organizationName,
        organizationKind: r.organizationKind,
        reason: r.tenant
          ? { key: 'events.suggest.tenant', params: {} }
          : r.shared > 0
            ? { key: 'events.suggest.shared', params: { n: r.shared } }
            : { key: 'events.suggest.other_side', params: {} },
      }),
    );
  },
};
