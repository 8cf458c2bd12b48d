import { MAX_MEDIA_PER_SUPPLIER } from '../../src/files/limits.js';
import type { T } from '../../src/i18n/index.js';
import { DeleteFileButton } from './FileLink.js';
import type { MediaItemView } from './models.js';

export interface MediaGalleryProps {
  t: T;
  /** From `listSupplierMedia`; filter by `kind` to show photos and portfolio separately. */
  items: MediaItemView[];
  /** Heading; omit when the page already has one. */
  title?: string | undefined;
  /** Show delete buttons and the count against the limit (editors only). */
  canEdit?: boolean;
  /** Photos and portfolio share one limit: pass the supplier's total when `items` is filtered by kind. */
  total?: number;
  /** Where to return after a delete. */
  next?: string | undefined;
  /** Stable id for htmx targets. */
  id?: string;
}

/**
 * A supplier's photos or portfolio images, each served through `/files/:id`. The caption is the
 * alt text, falling back to the file name, so every image has a text alternative.
 */
export function MediaGallery({
  t,
  items,
  title,
  canEdit,
  total = items.length,
  next,
  id = 'supplier-media',
}: MediaGalleryProps) {
  return (
    <section id={id} class="media-gallery">
      {title ? <h3>{title}</h3> : null}
      {canEdit ? (
        <p class="muted">
          <small>
            {t('files.gallery.count', { n: total, max: MAX_MEDIA_PER_SUPPLIER })}
            {total >= MAX_MEDIA_PER_SUPPLIER ? ` · ${t('files.gallery.full')}` : null}
          </small>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p class="muted">{t('files.gallery.empty')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li>
              <figure>
                <a href={`/files/${item.id}`} target="_blank" rel="noopener">
                  <img
                    src={`/files/${item.id}`}
                    alt={item.caption ?? item.filename}
                    width={240}
                    loading="lazy"
                  />
                </a>
                {item.caption ? <figcaption>{item.caption}</figcaption> : null}
              </figure>
              {canEdit ? <DeleteFileButton t={t} file={item} next={next} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
