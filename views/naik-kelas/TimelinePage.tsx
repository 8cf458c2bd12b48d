import { formatDate } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { MilestoneView } from './models.js';

export interface TimelinePageProps {
  t: T;
  locale: Locale;
  supplier: { id: string; name: string };
  milestones: MilestoneView[];
  /** The supplier's zone (WIB for Java, WITA for NTB), for the dates. */
  zone: string;
}

function text(t: T, m: MilestoneView, certLabel: (slug: string) => string): string {
  if (m.kind === 'certificate') return t('naik.event.certificate', { what: certLabel(m.detail ?? '') });
  if (m.kind === 'verified') return t('naik.event.verified');
  const buyer = m.estateName ? `${m.buyerName ?? ''} (${m.estateName})` : (m.buyerName ?? '');
  return t(`naik.event.${m.kind}`, { buyer });
}

/** One IKM's *naik kelas* timeline, oldest first, as an ordered list (prints and reads well). */
export function TimelinePage({
  t,
  locale,
  supplier,
  milestones,
  zone,
  certLabel,
}: TimelinePageProps & { certLabel: (slug: string) => string }) {
  return (
    <section id="naik-timeline">
      <h1>
        {t('naik.timeline')}: {supplier.name}
      </h1>
      <p>
        <a href={`/suppliers/${supplier.id}`}>← {supplier.name}</a>
      </p>
      {milestones.length ? (
        <ol class="timeline">
          {milestones.map((m) => (
            <li class={`milestone milestone-${m.kind}`}>
              <time datetime={m.at.toISOString()}>{formatDate(m.at, locale, zone)}</time> —{' '}
              {text(t, m, certLabel)}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('naik.timeline_empty')}</p>
      )}
    </section>
  );
}
