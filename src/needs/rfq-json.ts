import type { AttachmentRow, AwardRow, QuoteRow } from './rfq-repo.js';

/** An RFQ file in the API: where to download it, never its storage key. */
export function attachmentToJson(needId: string, a: AttachmentRow) {
  return {
    id: a.id,
    filename: a.filename,
    mime: a.mime,
    size_bytes: a.sizeBytes,
    created_at: a.createdAt,
    url: `/needs/${needId}/files/${a.id}`,
  };
}

/** A quote in the API (snake_case; rupiah as exact integers). */
export function quoteToJson(q: QuoteRow) {
  return {
    id: q.id,
    need_id: q.needId,
    supplier_id: q.supplierId,
    supplier_name: q.supplierName,
    unit_price_idr: Number(q.unitPriceIdr),
    min_order: q.minOrder,
    lead_time_days: q.leadTimeDays,
    valid_until: q.validUntil,
    notes: q.notes,
    file: q.fileId
      ? { id: q.fileId, filename: q.fileName, url: `/needs/${q.needId}/files/${q.fileId}` }
      : null,
    version: q.version,
    created_at: q.createdAt,
    updated_at: q.updatedAt,
  };
}

/** The award of a need, or null when none. */
export function awardToJson(a: AwardRow | null) {
  if (!a?.awardedQuoteId) return null;
  return {
    quote_id: a.awardedQuoteId,
    supplier_id: a.awardedSupplierId,
    supplier_name: a.supplierName,
    value_idr: a.awardValueIdr === null ? null : Number(a.awardValueIdr),
    awarded_at: a.awardedAt,
  };
}
