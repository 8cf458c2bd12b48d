import { recordAudit } from '../audit/service.js';
import { isUuid } from '../db/ids.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.js';
import { deleteBlob, saveBlob } from '../files/storage.js';
import { formatIdr } from '../i18n/format.js';
import { notify } from '../notifications/service.js';
import { todayIso } from '../suppliers/normalize.js';
import type { NeedViewer } from './access.js';
import { checkRfqFile, insertRfqFile, type RfqFileDeps, type UploadedFile } from './attachments.js';
import { listRecipients, lockNeed, type NeedRow } from './repo.js';
import { needTitle } from './responses.js';
import { type RfqAccess, requireRfqAccess } from './rfq-access.js';
import * as repo from './rfq-repo.js';
import type { AwardInput, QuoteInput } from './rfq-schema.js';
import type { NeedDeps } from './service.js';

export type QuoteDeps = NeedDeps & RfqFileDeps;

function quotingSupplier(access: RfqAccess, wanted: string | undefined): string {
  const id = wanted ?? (access.supplierIds.length === 1 ? access.supplierIds[0] : undefined);
  if (!id) throw access.supplierIds.length ? new Invalid({ supplier_id: 'v.choice' }) : new Forbidden();
  if (!access.supplierIds.includes(id)) throw new Forbidden();
  return id;
}

/**
 * A verified supplier the need is open or invited to quotes, or revises its quote: one live quote
 * per supplier and need (a unique key), the earlier values kept as versions. Only while the need
 * is open and before its response deadline; the validity date may not lie in the past. A quote
 * document is content-checked and counts against the supplier's quota. The buyer's members are told.
 */
export async function submitQuote(
  deps: QuoteDeps,
  viewer: NeedViewer,
  needId: string,
  q: QuoteInput,
  file: UploadedFile | null,
): Promise<{ id: string; version: number }> {
  const access = await requireRfqAccess(deps.sql, needId, viewer);
  const supplierId = quotingSupplier(access, q.supplier_id);
  const { need } = access;
  const today = todayIso(deps.clock());
  if (need.status !== 'open') throw new Conflict('needs.not_open');
  if (need.responseDeadline && need.responseDeadline < today) throw new Conflict('needs.deadline_passed');
  if (q.valid_until < today) throw new Invalid({ valid_until: 'v.rfq.valid_past' });
  const type = file ? await checkRfqFile(file, 'file') : null;
  const blob = file && type ? await saveBlob(deps.sql, file.bytes, type.mime) : null;
  try {
    return await deps.sql.begin(async (tx) => {
      const stored =
        file && type && blob
          ? await insertRfqFile(tx, {
              organizationId: supplierId,
              purpose: 'quote',
              file,
              type,
              blob,
              userId: viewer.actor.userId,
              field: 'file',
            })
          : null;
      const saved = await repo.upsertQuote(tx, need.id, supplierId, viewer.actor.userId, {
        unitPriceIdr: q.unit_price_idr!.toString(),
        minOrder: q.min_order,
        leadTimeDays: q.lead_time_days,
        validUntil: q.valid_until,
        notes: q.notes,
        fileId: stored?.id ?? null,
      });
      await recordAudit(tx, {
        actorUserId: viewer.actor.userId,
        organizationId: supplierId,
        entity: 'need',
        entityId: need.id,
        action: saved.version > 1 ? 'quote_revised' : 'quote',
        changes: {
          supplier_id: supplierId,
          quote_id: saved.id,
          version: saved.version,
          unit_price_idr: q.unit_price_idr!.toString(),
        },
      });
      await tellBuyer(deps, tx, need, saved.version > 1 ? 'rfq.mail.revised' : 'rfq.mail.quoted', supplierId);
      return saved;
    });
  } catch (err) {
    if (blob) await deleteBlob(deps.sql, blob.storageKey).catch(() => undefined);
    throw err;
  }
}

async function tellBuyer(
  deps: QuoteDeps,
  tx: Parameters<typeof recordAudit>[0],
  need: NeedRow,
  key: 'rfq.mail.quoted' | 'rfq.mail.revised',
  supplierId: string,
) {
  const [quote] = await repo.listQuotes(tx, need.id, [supplierId]);
  for (const u of await listRecipients(tx, need.buyerOrgId))
    await notify(
      tx,
      deps.jobs,
      {
        userId: u.userId,
        kind: 'need.quote',
        titleKey: `${key}_title`,
        bodyKey: `${key}_body`,
        params: { supplier: quote?.supplierName ?? '', need: needTitle(need, u.locale) },
        link: `/needs/${need.id}/quotes`,
        email: true,
      },
      deps.origin,
    );
}

/** Quotes the viewer may see: all for the buyer and staff, a supplier its own; with the award. */
export async function listNeedQuotes(deps: Pick<QuoteDeps, 'sql'>, viewer: NeedViewer, needId: string) {
  const access = await requireRfqAccess(deps.sql, needId, viewer);
  const all = access.buyer || access.staff;
  const [quotes, award] = await Promise.all([
    repo.listQuotes(deps.sql, access.need.id, all ? undefined : access.supplierIds),
    repo.findAward(deps.sql, access.need.id),
  ]);
  return { access, quotes, award };
}

/** The award's value: the buyer's figure, else unit price × the need's quantity (or the minimum order). */
export function awardValue(quote: repo.QuoteRow, need: NeedRow, given: bigint | null): bigint {
  if (given !== null) return given;
  const qty = need.quantity ?? quote.minOrder;
  // Quantities carry at most two decimals (numeric(14,2)); exact in hundredths.
  return (BigInt(quote.unitPriceIdr) * BigInt(Math.round(qty * 100)) + 50n) / 100n;
}

/**
 * The buyer awards one quote: the need closes as awarded with the winning supplier and value, in
 * one transaction under the need's row lock, so of two concurrent awards exactly one wins and the
 * other sees the closed need. Awarding the same quote again returns the recorded award
 * (idempotent); a different quote afterwards is a 409. The winner's members are told.
 */
export async function awardQuote(
  deps: QuoteDeps,
  viewer: NeedViewer,
  needId: string,
  input: AwardInput,
): Promise<{ quoteId: string; supplierId: string; valueIdr: string; repeated: boolean }> {
  const access = await requireRfqAccess(deps.sql, needId, viewer);
  if (!access.buyer) throw new Forbidden();
  if (!isUuid(input.quote_id)) throw new Invalid({ quote_id: 'v.choice' });
  return deps.sql.begin(async (tx) => {
    const need = await lockNeed(tx, access.need.id);
    if (!need) throw new NotFound();
    const award = await repo.findAward(tx, need.id);
    if (award?.awardedQuoteId) {
      if (award.awardedQuoteId !== input.quote_id) throw new Conflict('rfq.already_awarded');
      return {
        quoteId: award.awardedQuoteId,
        supplierId: award.awardedSupplierId!,
        valueIdr: award.awardValueIdr!,
        repeated: true,
      };
    }
    if (need.status !== 'open') throw new Conflict('needs.not_open');
    const quote = await repo.findQuote(tx, input.quote_id);
    if (!quote || quote.needId !== need.id) throw new Invalid({ quote_id: 'v.choice' });
    const value = awardValue(quote, need, input.value_idr);
    const now = deps.clock();
    await repo.setAward(tx, need.id, {
      quoteId: quote.id,
      supplierId: quote.supplierId,
      valueIdr: value.toString(),
      userId: viewer.actor.userId,
      now,
    });
    await recordAudit(tx, {
      actorUserId: viewer.actor.userId,
      organizationId: need.buyerOrgId,
      entity: 'need',
      entityId: need.id,
      action: 'award',
      changes: {
        quote_id: quote.id,
        supplier_id: quote.supplierId,
        value_idr: value.toString(),
        quote_version: quote.version,
      },
    });
    for (const u of await listRecipients(tx, quote.supplierId))
      await notify(
        tx,
        deps.jobs,
        {
          userId: u.userId,
          kind: 'need.award',
          titleKey: 'rfq.mail.awarded_title',
          bodyKey: 'rfq.mail.awarded_body',
          params: {
            buyer: need.buyerName,
            need: needTitle(need, u.locale),
            value: formatIdr(value, u.locale),
          },
          link: `/needs/${need.id}/quotes`,
          email: true,
        },
        deps.origin,
      );
    return { quoteId: quote.id, supplierId: quote.supplierId, valueIdr: value.toString(), repeated: false };
  });
}
