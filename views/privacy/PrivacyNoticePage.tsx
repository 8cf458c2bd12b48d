import type { T } from '../../src/i18n/index.js';

const SECTIONS = [
  'controller',
  'data',
  'sources',
  'bases',
  'use',
  'sharing',
  'retention',
  'rights',
  'contact',
] as const;

/** The privacy notice (UU 27/2022), in the reader's language; the other language is one link away. */
export function PrivacyNoticePage({ t, version }: { t: T; version: string }) {
  return (
    <section id="privacy-notice">
      <h1>{t('privacy.title')}</h1>
      <p>
        <small>{t('privacy.version', { version })}</small>
      </p>
      <p>{t('privacy.lead')}</p>
      {SECTIONS.map((s) => (
        <>
          <h2>{t(`privacy.s.${s}.title`)}</h2>
          <p>{t(`privacy.s.${s}.body`)}</p>
        </>
      ))}
      <p>
        <a href="/account">{t('privacy.to_account')}</a>
      </p>
    </section>
  );
}
