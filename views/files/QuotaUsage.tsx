import { megabytes, type QuotaUsage as Usage } from '../../src/files/quota.js';
import type { T } from '../../src/i18n/index.js';

/**
 * The organisation's storage against its upload quota, next to the upload forms, so a refusal
 * never comes as a surprise. A native meter shows the share; the text says it for screen readers.
 */
export function QuotaUsage({ t, usage }: { t: T; usage: Usage }) {
  return (
    <p class="muted quota-usage">
      <small>
        {t('files.quota.usage', { used: megabytes(usage.usedBytes), quota: megabytes(usage.quotaBytes) })}
      </small>{' '}
      <meter min={0} max={usage.quotaBytes} value={usage.usedBytes} high={usage.quotaBytes * 0.9} />
    </p>
  );
}
