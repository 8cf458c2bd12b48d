import type { Db } from '../db/client.js';
import { loadBuyerBlock } from '../directory/buyer-actions.js';
import { quotaUsage } from '../files/quota.js';
import { listEvidenceByCertification, listSupplierMedia } from '../files/service.js';
import type { Locale } from '../i18n/index.js';
import { loadProfileTrackRecord } from '../outcomes/track-record.js';
import { loadTaxonomy } from '../taxonomy/service.js';
import { type Actor, isFacilitator, requireEdit, requireView } from './access.js';
import { completeness } from './completeness.js';
import { todayIso } from './normalize.js';
import { loadProfile } from './profile.js';
import { listProvinceOptions, listRegencyOptions } from './regions.js';
import { listReviewQueue } from './verification.js';

/**
 * Everything the public profile page shows this reader: what their access allows (evidence and
 * completeness only for those who may see or edit them), so the route only renders.
 */
export async function loadProfilePage(
  db: Db,
  actor: Actor | null,
  id: string,
  now: Date,
  locale: Locale = 'id',
) {
  const profile = await loadProfile(db, id);
  const access = await requireView(db, actor, profile?.supplier ?? null);
  const orgId = profile!.supplier.organizationId;
  const [tax, media, evidence, trackRecord] = await Promise.all([
    loadTaxonomy(db),
    listSupplierMedia(db, orgId),
    access.private ? listEvidenceByCertification(db, orgId) : Promise.resolve(null),
    loadProfileTrackRecord(db, orgId, { detail: isFacilitator(actor), now }),
  ]);
  const name = profile!.supplier.tradingName ?? profile!.supplier.legalName;
  const buyer =
    profile!.supplier.status === 'verified' || isFacilitator(actor)
      ? await loadBuyerBlock({ sql: db, clock: () => now }, actor, locale, { id: orgId, name })
      : null;
  return {
    profile: profile!,
    tax,
    media,
    evidence,
    trackRecord,
    buyer,
    today: todayIso(now),
    canEdit: access.edit,
    isPrivate: access.private,
    isFacilitator: isFacilitator(actor),
    loggedIn: !!actor,
    progress: access.edit ? completeness(profile!) : null,
  };
}

/** What the edit page needs once the actor is known to be an editor: options, files and quota. */
export async function loadEditPage(db: Db, actor: Actor, id: string) {
  const profile = await loadProfile(db, id);
  await requireEdit(db, actor, profile?.supplier ?? null);
  const orgId = profile!.supplier.organizationId;
  const [tax, regencies, provinces, media, evidence] = await Promise.all([
    loadTaxonomy(db),
    listRegencyOptions(db),
    listProvinceOptions(db),
    listSupplierMedia(db, orgId),
    listEvidenceByCertification(db, orgId),
  ]);
  const usage = await quotaUsage(db, orgId);
  return { profile: profile!, tax, regencies, provinces, media, evidence, usage };
}

/** Review queue filters as the facilitator typed them; the queue defaults to profiles in review. */
export interface QueueFilters {
  status?: Parameters<typeof listReviewQueue>[1]['status'] | undefined;
  province?: string | undefined;
  q?: string | undefined;
}

/** The facilitators' review queue with the province options for its filter. */
export async function loadReviewQueue(db: Db, f: QueueFilters) {
  const [rows, provinces] = await Promise.all([
    listReviewQueue(db, {
      status: f.status ?? 'review',
      ...(f.province ? { province: f.province } : {}),
      ...(f.q ? { q: f.q } : {}),
    }),
    listProvinceOptions(db),
  ]);
  return { rows, provinces };
}
