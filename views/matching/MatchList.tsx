import { formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { Reason } from '../../src/matching/reasons.js';
import { ReasonList } from '../needs/parts.js';

export interface MatchView {
  supplierId: string;
  name: string;
  place: string | null;
  verified: boolean;
  score: number;
  distanceKm: number | null;
  /** On a different island from the delivery point: a ferry crossing is needed. */
  crossesSea?: boolean;
  /** Named processes and materials covered; absent when the need names none. */
  coverage?: { processes: { covered: number; named: number }; materials: { covered: number; named: number } };
  reasons: Reason[];
}

/** "2 dari 2 proses, 1 dari 1 bahan": only the kinds the need names. */
export function CoverageLine({ t, coverage }: { t: T; coverage: NonNullable<MatchView['coverage']> }) {
  const parts = [
    coverage.processes.named
      ? t('match.coverage.processes', { pc: coverage.processes.covered, pn: coverage.processes.named })
      : null,
    coverage.materials.named
      ? t('match.coverage.materials', { mc: coverage.materials.covered, mn: coverage.materials.named })
      : null,
  ].filter(Boolean);
  return parts.length ? <p class="coverage">{parts.join(', ')}</p> : null;
}

export interface MatchListProps {
  t: T;
  locale: Locale;
  needId: string;
  rows: MatchView[];
  total: number;
  excluded: number;
  /** Suppliers already invited (invited-only needs); null when the need is public. */
  invited: Set<string> | null;
  canInvite: boolean;
}

/** Ranked matches with their score, distance and reasons; each links to "why (not)". */
export function MatchList({ t, locale, needId, rows, total, excluded, invited, canInvite }: MatchListProps) {
  return (
    <section id="matches" aria-labelledby="matches-title">
      <h2 id="matches-title">{t('match.title')}</h2>
      <p class="muted">
        {t('match.count', { n: formatNumber(total, locale), shown: rows.length })}{' '}
        {excluded > 0 ? t('match.excluded', { n: formatNumber(excluded, locale) }) : null}
      </p>
      {rows.length === 0 ? <p>{t('match.none')}</p> : null}
      <ol class="matches">
        {rows.map((m) => (
          <li id={`match-${m.supplierId}`}>
            <div class="match-head">
              <strong class="score" title={t('match.score_title')}>
                {formatNumber(m.score, locale, 1)}
              </strong>
              <a href={`/suppliers/${m.supplierId}`}>{m.name}</a>{' '}
              {m.verified ? (
                <span class="badge verified">{t('suppliers.status.verified')}</span>
              ) : (
                <span class="badge">{t('suppliers.status.submitted')}</span>
              )}
              {m.place ? <span class="muted"> · {m.place}</span> : null}
              {m.distanceKm !== null ? (
                <span class="muted"> · {formatNumber(Math.round(m.distanceKm), locale)} km</span>
              ) : null}
              {m.crossesSea ? <span class="badge crossing"> {t('match.crossing')}</span> : null}
            </div>
            {m.coverage ? <CoverageLine t={t} coverage={m.coverage} /> : null}
            <ReasonList reasons={m.reasons} />
            <span class="actions">
              <a href={`/needs/${needId}/why-not/${m.supplierId}`}>{t('match.why')}</a>
              {invited && canInvite ? (
                invited.has(m.supplierId) ? (
                  <span class="badge">{t('needs.invited')}</span>
                ) : (
                  <form method="post" action={`/needs/${needId}/invite`} class="inline">
                    <input type="hidden" name="supplier_id" value={m.supplierId} />
                    <button type="submit" class="secondary outline">
                      {t('needs.invite')}
                    </button>
                  </form>
                )
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      {total > rows.length ? (
        <p>
          <a href={`/needs/${needId}?matches=${Math.min(200, rows.length * 2 + 10)}#matches`}>
            {t('match.more')}
          </a>
        </p>
      ) : null}
      <form method="get" action={`/needs/${needId}/why-not`} class="why-not-form">
        <label for="f-why-supplier">
          {t('match.why_not_lookup')}
          <input id="f-why-supplier" name="supplier" required placeholder={t('match.why_not_placeholder')} />
        </label>
        <button type="submit" class="secondary">
          {t('match.why_not_go')}
        </button>
      </form>
    </section>
  );
}
