import { formatDate, formatIdrCompact, formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { Report } from '../../src/reports/service.js';
import type { SharedDealView } from './models.js';
import { Breakdown, Figure, Money } from './parts.js';
import { topGroups } from './present.js';

export interface ImpactPageProps {
  t: T;
  locale: Locale;
  report: Report;
  deals: SharedDealView[];
}

/**
 * The public impact page: aggregates only. Regions, sectors and estates are places, not
 * companies; company names appear only for deals both sides agreed to publish.
 */
export function ImpactPage({ t, locale, report: r, deals }: ImpactPageProps) {
  const other = t('reports.other');
  return (
    <section id="impact" class="report">
      <h1>{t('impact.title')}</h1>
      <p>{t('impact.lead')}</p>
      <dl class="figures">
        <Figure id="impact-held" label={t('reports.fig.held')}>
          {formatNumber(r.held, locale)}
        </Figure>
        <Figure id="impact-deals" label={t('reports.fig.deals_mous')}>
          {formatNumber(r.statuses.deal, locale)} / {formatNumber(r.statuses.mou, locale)}
        </Figure>
        <Figure id="impact-value" label={t('reports.fig.value_total')}>
          <Money value={r.value.total} locale={locale} />
        </Figure>
        <Figure id="impact-suppliers" label={t('reports.fig.suppliers_with_deal')}>
          {formatNumber(r.suppliersWithDeal, locale)}
        </Figure>
      </dl>
      <Breakdown
        id="impact-province"
        t={t}
        locale={locale}
        title={t('reports.by.province')}
        groups={topGroups(r.breakdowns.province, 12, other)}
      />
      <Breakdown
        id="impact-sector"
        t={t}
        locale={locale}
        title={t('reports.by.sector')}
        groups={topGroups(r.breakdowns.sector, 12, other)}
      />
      <Breakdown
        id="impact-estate"
        t={t}
        locale={locale}
        title={t('reports.by.estate')}
        groups={topGroups(r.breakdowns.estate, 12, other)}
      />
      <article id="impact-deals-named">
        <h2>{t('impact.named_deals')}</h2>
        <p class="muted">{t('impact.named_note')}</p>
        {deals.length === 0 ? (
          <p>{t('impact.named_none')}</p>
        ) : (
          <ul>
            {deals.map((d) => (
              <li>
                <strong>
                  {d.buyerName} × {d.supplierName}
                </strong>{' '}
                · {t(`outcomes.status.${d.status}`)}
                {d.valueIdr !== null ? ` · ${formatIdrCompact(BigInt(d.valueIdr), locale)}` : ''}
                {d.eventName ? ` · ${d.eventName}` : ''} · {formatDate(d.startsAt, locale, d.timezone)}
              </li>
            ))}
          </ul>
        )}
      </article>
    </section>
  );
}
