import type { SearchEngine } from '../../search/engine.js';
import type { Sql } from '../db/client.js';
import { formatNumber } from '../i18n/format.js';
import type { Jobs } from '../jobs/queue.js';
import type { Logger } from '../logger.js';
import { MAX_NOTIFIED_PER_NEED, SUPPLIER_THRESHOLD } from '../matching/weights.js';
import { notify } from '../notifications/service.js';
import { explainSupplier, listMatches } from './matches.js';
import { findNeed, listRecipients, type NeedRow } from './repo.js';
import { needTitle } from './responses.js';
import { listInvitations, recordNotice } from './responses-repo.js';
import type { NeedMatchJob } from './service.js';

export interface NeedJobDeps {
  sql: Sql;
  jobs: Jobs;
  logger: Logger;
  clock?: () => Date;
  search?: SearchEngine;
}

/**
 * The `needs.match` worker. A public need is told to the best-matching verified suppliers that
 * score at least SUPPLIER_THRESHOLD (at most MAX_NOTIFIED_PER_NEED); an invited-only need to its
 * invited suppliers. Each supplier is told once per need (need_match_notices), every member in
 * their own language, in-app and by email; re-running the job (edits, retries) is harmless.
 */
export function needsMatchHandler(deps: NeedJobDeps) {
  const clock = deps.clock ?? (() => new Date());
  return async (job: NeedMatchJob) => {
    const need = await findNeed(deps.sql, job.needId);
    if (need?.status !== 'open') return;
    const targets = await targetsOf(deps, need, clock);
    let told = 0;
    for (const t of targets) {
      const sent = await deps.sql.begin(async (tx) => {
        if (!(await recordNotice(tx, need.id, t.supplierId, t.score))) return false;
        for (const u of await listRecipients(tx, t.supplierId))
          await notify(
            tx,
            deps.jobs,
            {
              userId: u.userId,
              kind: t.invited ? 'need.invited' : 'need.match',
              titleKey: t.invited ? 'needs.mail.invited_title' : 'needs.mail.match_title',
              bodyKey: t.invited ? 'needs.mail.invited_body' : 'needs.mail.match_body',
              params: {
                buyer: need.buyerName,
                need: needTitle(need, u.locale),
                supplier: t.name,
                score: formatNumber(t.score, u.locale, 1),
              },
              link: `/needs/${need.id}`,
              email: true,
            },
            job.origin,
          );
        return true;
      });
      if (sent) told++;
    }
    deps.logger.info({ needId: need.id, told }, 'need match notices sent');
  };
}

interface Target {
  supplierId: string;
  name: string;
  score: number;
  invited: boolean;
}

async function targetsOf(deps: NeedJobDeps, need: NeedRow, clock: () => Date): Promise<Target[]> {
  const mdeps = { sql: deps.sql, search: deps.search, clock };
  if (need.visibility === 'invited') {
    const out: Target[] = [];
    for (const inv of await listInvitations(deps.sql, need.id)) {
      const e = await explainSupplier(mdeps, need, inv.supplierId, ['verified', 'submitted']);
      out.push({ supplierId: inv.supplierId, name: inv.supplierName, score: e?.score ?? 0, invited: true });
    }
    return out;
  }
  const list = await listMatches(mdeps, need, ['verified'], {
    limit: MAX_NOTIFIED_PER_NEED,
    minScore: SUPPLIER_THRESHOLD,
  });
  return list.matches.map((m) => ({
    supplierId: m.supplierId,
    name: m.card.legalName,
    score: m.score,
    invited: false,
  }));
}
