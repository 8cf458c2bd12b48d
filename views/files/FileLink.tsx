import { extensionFor } from '../../src/files/content-type.js';
import { formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { FileMetaView } from './models.js';

/** "120 KB" / "2,4 MB": enough precision to decide whether to open it on a phone. */
export function fileSize(bytes: number, t: T, locale: Locale = 'id'): string {
  if (bytes < 1024 * 1024) return t('files.size.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
  return t('files.size.mb', { n: formatNumber(bytes / (1024 * 1024), locale, 1) });
}

export interface FileLinkProps {
  t: T;
  file: Pick<FileMetaView, 'id' | 'filename' | 'mime' | 'sizeBytes'>;
  locale?: Locale;
}

/**
 * A link to a stored file through the authorising route (never a storage path), with its
 * type and size. The name is the sanitised upload name; JSX escapes it.
 */
export function FileLink({ t, file, locale = 'id' }: FileLinkProps) {
  return (
    <span class="file-link">
      <a href={`/files/${file.id}`} target="_blank" rel="noopener">
        {file.filename}
      </a>{' '}
      <small class="muted">
        ({extensionFor(file.mime).toUpperCase()}, {fileSize(file.sizeBytes, t, locale)})
      </small>
    </span>
  );
}

export interface DeleteFileButtonProps {
  t: T;
  file: Pick<FileMetaView, 'id' | 'filename'>;
  /** Same-site path to return to after deleting. */
  next?: string | undefined;
}

/** Deletes a file (for editors only: the route checks again). htmx asks for confirmation first. */
export function DeleteFileButton({ t, file, next }: DeleteFileButtonProps) {
  return (
    <form
      method="post"
      action={`/files/${file.id}/delete`}
      hx-post={`/files/${file.id}/delete`}
      hx-confirm={t('files.delete_confirm')}
      class="inline"
    >
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <button
        type="submit"
        class="secondary outline"
        aria-label={t('files.delete_named', { name: file.filename })}
      >
        {t('files.delete')}
      </button>
    </form>
  );
}

export interface EvidenceLinkProps {
  t: T;
  /** From `listEvidenceByCertification(...).get(certification.id)`; undefined when there is none. */
  file: Pick<FileMetaView, 'id' | 'filename' | 'mime' | 'sizeBytes'> | undefined;
  /** Editors also get a delete button. */
  canEdit?: boolean;
  next?: string | undefined;
  locale?: Locale;
}

/**
 * A certification's evidence for viewers with private access (render it only for them):
 * the link, or a note that there is none yet.
 */
export function EvidenceLink({ t, file, canEdit, next, locale = 'id' }: EvidenceLinkProps) {
  if (!file) return <span class="muted">{t('files.evidence.none')}</span>;
  return (
    <span class="evidence">
      {t('files.evidence.label')}: <FileLink t={t} file={file} locale={locale} />{' '}
      {canEdit ? <DeleteFileButton t={t} file={file} next={next} /> : null}
    </span>
  );
}
