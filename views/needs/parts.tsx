import { formatIdr, formatNumber, formatPercent } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { Reason } from '../../src/matching/reasons.js';
import type { TermKind } from '../../src/taxonomy/dictionary.js';
import type { NeedView } from './models.js';

export type Label = (kind: TermKind, slug: string) => string;

/** Title and description in the reader's language, falling back to the other. */
export function localized(n: NeedView, locale: Locale) {
  const title = (locale === 'en' ? (n.titleEn ?? n.titleId) : (n.titleId ?? n.titleEn)) ?? '';
  const description =
    (locale === 'en' ? (n.descriptionEn ?? n.descriptionId) : (n.descriptionId ?? n.descriptionEn)) ?? '';
  return { title, description };
}

/** Draft, open, or closed with its reason. */
export function StatusBadge({ t, need }: { t: T; need: NeedView }) {
  const key =
    need.status === 'closed' ? `needs.status.closed_${need.closeReason}` : `needs.status.${need.status}`;
  return <span class={`badge need-${need.status}`}>{t(key)}</span>;
}

/** The reasons of a match, as a list. */
export function ReasonList({ reasons }: { reasons: Reason[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul class="reasons">
      {reasons.map((r) => (
        <li data-code={r.code}>{r.label}</li>
      ))}
    </ul>
  );
}

/** What the need asks for, as a definition list. */
export function NeedFacts({
  t,
  locale,
  need,
  label,
}: {
  t: T;
  locale: Locale;
  need: NeedView;
  label: Label;
}) {
  const list = (kind: TermKind, slugs: string[]) =>
    slugs.length ? slugs.map((s) => label(kind, s)).join(', ') : '—';
  const delivery = need.estateName
    ? need.estateName
    : need.deliveryLat !== null
      ? `${formatNumber(need.deliveryLat, locale, 4)}, ${formatNumber(need.deliveryLon ?? 0, locale, 4)}`
      : '—';
  const rows: [string, string][] = [
    [t('needs.field.buyer_org'), need.buyerName],
    [t('needs.field.sector'), need.sector ? label('sector', need.sector) : '—'],
    [
      t('needs.field.product_category'),
      need.productCategory ? label('product_category', need.productCategory) : '—',
    ],
    [t('needs.field.processes'), list('process', need.processes)],
    [t('needs.field.materials'), list('material', need.materials)],
    [t('needs.field.required_certs'), list('certification', need.requiredCerts)],
    [t('needs.field.preferred_certs'), list('certification', need.preferredCerts)],
    [t('needs.field.min_tkdn'), need.minTkdn === null ? '—' : formatPercent(need.minTkdn, locale)],
    [
      t('needs.field.quantity'),
      need.quantity === null
        ? '—'
        : `${formatNumber(need.quantity, locale)} ${t(`needs.unit.${need.unit}`)} · ${t(`needs.frequency.${need.frequency ?? 'once'}`)}`,
    ],
    [
      t('needs.field.target_price'),
      need.targetPriceIdr === null ? '—' : formatIdr(BigInt(need.targetPriceIdr), locale),
    ],
    [t('needs.field.delivery'), delivery],
    [
      t('needs.field.max_distance'),
      need.maxDistanceKm === null ? '—' : `${formatNumber(need.maxDistanceKm, locale)} km`,
    ],
    [t('needs.field.deadline'), need.responseDeadline ?? '—'],
    [t('needs.field.visibility'), t(`needs.visibility.${need.visibility}`)],
  ];
  return (
    <dl class="need-facts">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}
