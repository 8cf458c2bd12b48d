import { EvidenceLink } from '../../files/FileLink.js';
import { MediaGallery } from '../../files/MediaGallery.js';
import { QuotaUsage } from '../../files/QuotaUsage.js';
import { UploadForm } from '../../files/UploadForm.js';
import type { EditPageProps } from './types.js';

/** One upload form per saved certificate (forms cannot nest inside the certificates form). */
export function Evidence({ t, locale, tax, profile, evidence }: EditPageProps) {
  const id = profile.supplier.organizationId;
  const next = `/suppliers/${id}/edit#evidence`;
  return (
    <article id="evidence">
      <h2>{t('suppliers.section.evidence')}</h2>
      {profile.certifications.length === 0 ? <p class="muted">{t('suppliers.evidence_after_save')}</p> : null}
      {profile.certifications.map((c) => (
        <div class="row-group">
          <p>
            <strong>{tax.label('certification', c.type, locale)}</strong> {c.number ?? ''}{' '}
            <EvidenceLink t={t} file={evidence.get(c.id)} canEdit next={next} locale={locale} />
          </p>
          <UploadForm
            t={t}
            supplierId={id}
            purpose="evidence"
            certificationId={c.id}
            next={next}
            replacing={evidence.has(c.id)}
          />
        </div>
      ))}
    </article>
  );
}

/** Photos and portfolio images: the gallery with delete buttons, and the two upload forms. */
export function Media({ t, profile, media, usage }: EditPageProps) {
  const id = profile.supplier.organizationId;
  const next = `/suppliers/${id}/edit#media`;
  return (
    <article id="media">
      <h2>{t('suppliers.section.media')}</h2>
      <MediaGallery t={t} items={media} canEdit next={next} />
      {usage ? <QuotaUsage t={t} usage={usage} /> : null}
      <div class="grid-2">
        <UploadForm t={t} supplierId={id} purpose="photo" next={next} />
        <UploadForm t={t} supplierId={id} purpose="portfolio" next={next} />
      </div>
    </article>
  );
}
