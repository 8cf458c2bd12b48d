import { acceptAttribute, type UploadPurpose } from '../../src/files/content-type.js';
import type { T } from '../../src/i18n/index.js';

export interface UploadFormProps {
  t: T;
  supplierId: string;
  purpose: UploadPurpose;
  /** Required for evidence: the certification the file proves. */
  certificationId?: string | undefined;
  /** Same-site path to return to after the upload (usually the profile page). */
  next?: string | undefined;
  /** Evidence already exists: the button says "replace" (the old file stays in the audit trail). */
  replacing?: boolean;
}

const TITLES = {
  evidence: 'files.upload.evidence',
  photo: 'files.upload.photo',
  portfolio: 'files.upload.portfolio',
} as const;

/**
 * The upload form for one purpose. Works as a plain multipart form; with htmx, a rejected
 * upload swaps its message into the slot under the form, and success navigates via HX-Redirect.
 * Ids include the purpose and certification, so many forms can share one page.
 */
export function UploadForm({ t, supplierId, purpose, certificationId, next, replacing }: UploadFormProps) {
  const id = `upload-${purpose}-${certificationId ?? supplierId}`;
  const isEvidence = purpose === 'evidence';
  const hint = t(isEvidence ? 'files.hint.evidence' : 'files.hint.image');
  const title = t(replacing && isEvidence ? 'files.upload.replace_evidence' : TITLES[purpose]);
  return (
    <form
      id={id}
      class="upload-form"
      method="post"
      action="/files"
      enctype="multipart/form-data"
      hx-post="/files"
      hx-target={`#${id}-result`}
      hx-swap="innerHTML"
      hx-disabled-elt="find button"
      aria-label={title}
    >
      <input type="hidden" name="purpose" value={purpose} />
      <input type="hidden" name="supplier_id" value={supplierId} />
      {certificationId ? <input type="hidden" name="certification_id" value={certificationId} /> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label for={`${id}-file`}>
        {title}
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept={acceptAttribute(purpose)}
          required
          aria-describedby={`${id}-hint`}
        />
        <small id={`${id}-hint`}>{hint}</small>
      </label>
      {isEvidence ? null : (
        <label for={`${id}-caption`}>
          {t('files.field.caption')} <small class="muted">({t('common.optional')})</small>
          <input id={`${id}-caption`} name="caption" type="text" maxlength={200} />
        </label>
      )}
      <div id={`${id}-result`} aria-live="polite" />
      <button type="submit">{t('files.upload.submit')}</button>
    </form>
  );
}
