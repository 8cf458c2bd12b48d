import type { QuotaUsage } from '../../../src/files/quota.js';
import type { Locale, T } from '../../../src/i18n/index.js';
import type { Section } from '../../../src/suppliers/form.js';
import type { Taxonomy } from '../../../src/taxonomy/service.js';
import type { RegencyOption } from '../../components/RegencySelect.js';
import type { FileMetaView, MediaItemView } from '../../files/models.js';
import type { ProfileView } from '../models.js';

/** Everything the edit page shows; each section takes what it needs from it. */
export interface EditPageProps {
  t: T;
  locale: Locale;
  tax: Taxonomy;
  profile: ProfileView;
  regencies: RegencyOption[];
  /** Provinces for the first step of the location cascade, and the one chosen by `?province=` (no-JS step). */
  provinces?: { code: string; name: string }[];
  province?: string;
  media: MediaItemView[];
  evidence: ReadonlyMap<string, FileMetaView>;
  /** The organisation's storage against its upload quota, shown with the upload forms. */
  usage?: QuotaUsage | undefined;
  /** The section that failed validation, with what was typed and the errors. */
  failed?: { section: Section; raw: Record<string, unknown>; errors: Record<string, string> } | null;
}

/** A validated section also sees its own errors and, after a failed save, what was typed. */
export type SectionProps = EditPageProps & {
  errors: Record<string, string>;
  raw: Record<string, unknown> | null;
};
