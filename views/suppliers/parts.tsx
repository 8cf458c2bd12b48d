import { formatDate } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import { isCertificateValid } from '../../src/suppliers/normalize.js';
import type { SupplierStatus } from '../../src/suppliers/schema.js';
import type { Taxonomy } from '../../src/taxonomy/service.js';
import { EvidenceLink } from '../files/FileLink.js';
import type { FileMetaView } from '../files/models.js';
import type { CertificationView } from './models.js';

/** "Terverifikasi" badge with who and when; other states as a neutral label. */
export function StatusBadge({
  t,
  locale,
  status,
  verifiedAt,
  verifierName,
  needsReview,
}: {
  t: T;
  locale: Locale;
  status: SupplierStatus;
  verifiedAt: Date | null;
  verifierName: string | null;
  needsReview: boolean;
}) {
  if (status !== 'verified')
    return <span class={`badge status-${status}`}>{t(`suppliers.status.${status}`)}</span>;
  return (
    <span class="badge verified" title={t('suppliers.verified_title')}>
      ✓ {t('suppliers.status.verified')}
      {verifierName && verifiedAt
        ? ` · ${t('suppliers.verified_by', { name: verifierName, date: formatDate(verifiedAt, locale) })}`
        : ''}
      {needsReview ? ` · ${t('suppliers.needs_review')}` : ''}
    </span>
  );
}

/** Taxonomy slugs as labels in the reader's language. */
export function TermList({
  tax,
  kind,
  slugs,
  locale,
}: {
  tax: Taxonomy;
  kind: Parameters<Taxonomy['label']>[0];
  slugs: string[];
  locale: Locale;
}) {
  if (slugs.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="tags">
      {slugs.map((s) => (
        <li>{tax.label(kind, s, locale)}</li>
      ))}
    </ul>
  );
}

/** Certificates with validity; expired ones are struck through and labelled, and never count as held. */
export function CertificationTable({
  t,
  locale,
  tax,
  certs,
  today,
  evidenceLinks,
  evidence,
}: {
  t: T;
  locale: Locale;
  tax: Taxonomy;
  certs: CertificationView[];
  today: string;
  evidenceLinks: boolean;
  evidence?: ReadonlyMap<string, FileMetaView> | null;
}) {
  if (certs.length === 0) return <p class="muted">{t('suppliers.no_certifications')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('suppliers.cert.type')}</th>
          <th scope="col">{t('suppliers.cert.number')}</th>
          <th scope="col">{t('suppliers.cert.issuer')}</th>
          <th scope="col">{t('suppliers.cert.valid_until')}</th>
          <th scope="col">TKDN</th>
          {evidenceLinks ? <th scope="col">{t('suppliers.cert.evidence')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {certs.map((c) => {
          const valid = isCertificateValid(c.validUntil, today);
          return (
            <tr class={valid ? '' : 'expired'}>
              <td>
                {tax.label('certification', c.type, locale)}{' '}
                {valid ? null : <span class="badge expired">{t('suppliers.cert.expired')}</span>}
              </td>
              <td>{c.number ?? '—'}</td>
              <td>{c.issuer ?? '—'}</td>
              <td>{c.validUntil ? formatDate(new Date(`${c.validUntil}T00:00:00+07:00`), locale) : '—'}</td>
              <td>
                {c.tkdnPercent !== null
                  ? `${Number(c.tkdnPercent).toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')}%`
                  : '—'}
              </td>
              {evidenceLinks ? (
                <td>
                  <EvidenceLink t={t} file={evidence?.get(c.id)} locale={locale} />
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
