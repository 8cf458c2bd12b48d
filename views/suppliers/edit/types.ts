import type { QuotaUsage } from '../../../src/files/quota.js';
import type { FileMeta, MediaItem } from '../../../src/files/repo.js';
import type { Locale, T } from '../../../src/i18n/index.js';
import type { Section } from '../../../src/suppliers/form.js';
import type { Profile } from '../../../src/suppliers/profile.js';
import type { Taxonomy } from '../../../src/taxonomy/service.js';
import type { RegencyOption } from '../../components/RegencySelect.js';

/** Everything the edit page shows; each section takes what it needs from it. */
export interface EditPageProps {
  t: T;
  locale: Locale;
  tax: Taxonomy;
  profile: Profile;
  regencies: RegencyOption[];
  media: MediaItem[];
  evidence: Map<string, FileMeta>;
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
