import type { QuotesPageProps, QuoteView } from '../../views/needs/QuotesPage.js';
import type { Sql } from '../db/client.js';
import { formatDate, formatIdr, formatNumber } from '../i18n/format.js';
import type { Locale, T } from '../i18n/index.js';
import type { NeedViewer } from './access.js';
import { awardValue, listNeedQuotes } from './quotes.js';
import { needTitle } from './responses.js';
import { RFQ_ACCEPT } from './rfq-content.js';
import { listAttachments } from './rfq-repo.js';

const MB = 1024 * 1024;

function size(bytes: number, locale: Locale): string {
  return bytes >= MB
    ? `${formatNumber(bytes / MB, locale, 1)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

/**
 * The RFQ page of a need for this viewer: drawings, quotes (all for buyer and staff, its own for a
 * supplier) formatted in the reader's language, the award, and who may quote.
 */
export async function loadQuotesPage(
  ctx: { sql: Sql; t: T; locale: Locale },
  viewer: NeedViewer,
  needId: string,
): Promise<Omit<QuotesPageProps, 't' | 'values' | 'errors'>> {
  const { t, locale } = ctx;
  const { access, quotes, award } = await listNeedQuotes(ctx, viewer, needId);
  const { need } = access;
  const attachments = await listAttachments(ctx.sql, need.id);
  const date = (iso: string) => formatDate(new Date(`${iso}T12:00:00+07:00`), locale);
  const unit = need.unit ?? '';
  const views: QuoteView[] = quotes.map((q) => ({
    id: q.id,
    supplierId: q.supplierId,
    supplierName: q.supplierName,
    unitPrice: formatIdr(BigInt(q.unitPriceIdr), locale),
    total: formatIdr(awardValue(q, need, null), locale),
    minOrder: `${formatNumber(q.minOrder, locale)} ${unit}`.trim(),
    leadTime: t('rfq.days', { n: formatNumber(q.leadTimeDays, locale) }),
    validUntil: date(q.validUntil),
    notes: q.notes,
    file: q.fileId ? { id: q.fileId, filename: q.fileName ?? q.fileId } : null,
    version: q.version,
    awarded: award?.awardedQuoteId === q.id,
  }));
  const names = new Map(viewer.orgs.map((o) => [o.id, o.name]));
  return {
    needId: need.id,
    needTitle: needTitle(need, locale),
    buyer: access.buyer,
    open: need.status === 'open',
    award:
      award?.awardedQuoteId && award.awardValueIdr
        ? { supplierName: award.supplierName ?? '', value: formatIdr(BigInt(award.awardValueIdr), locale) }
        : null,
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      size: size(a.sizeBytes, locale),
    })),
    quotes: views,
    quoting: access.supplierIds.map((id) => ({ id, name: names.get(id) ?? id })),
    accept: RFQ_ACCEPT,
  };
}
