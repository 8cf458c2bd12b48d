/**
 * The privacy notice's version: consent records name it, so a later edit of the notice's text
 * must come with a new version (consents given to the old text stay recorded as such).
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-01';

/**
 * Legal bases of UU 27/2022 art. 20 an office may record for an imported list. The default is
 * the office's public task (pembinaan IKM is a duty of Disperin and Kemenperin).
 */
export const LEGAL_BASES = [
  'public_task',
  'consent',
  'contract',
  'legitimate_interest',
  'legal_obligation',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
