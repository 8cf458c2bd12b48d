import { formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { Verdict } from '../../src/matching/service.js';

export interface CriterionView {
  code: string;
  hard: boolean;
  pass: boolean;
  applies: boolean;
  weight: number;
  points: number;
  label: string;
}

export interface WhyNotProps {
  t: T;
  locale: Locale;
  needId: string;
  needTitle: string;
  supplierId: string;
  supplierName: string;
  verdict: Verdict;
  score: number | null;
  criteria: CriterionView[];
}

/**
 * "Why (not)": every criterion of the ranking for one supplier and need, hard constraints first,
 * each met or not, with the points the soft ones add to the score.
 */
export function WhyNotPage(p: WhyNotProps) {
  const { t, locale } = p;
  const hard = p.criteria.filter((c) => c.hard);
  const soft = p.criteria.filter((c) => !c.hard);
  const mark = (pass: boolean) => (
    <span class={pass ? 'pass' : 'fail'}>{pass ? `✓ ${t('match.pass')}` : `✗ ${t('match.fail')}`}</span>
  );
  return (
    <section id="why-not">
      <p>
        <a href={`/needs/${p.needId}#matches`}>← {p.needTitle}</a>
      </p>
      <h1>{t('match.why_title', { supplier: p.supplierName })}</h1>
      <p class={`verdict verdict-${p.verdict}`} role="status">
        {t(`match.verdict.${p.verdict}`, { score: p.score === null ? '' : formatNumber(p.score, locale, 1) })}
      </p>
      <table class="criteria">
        <caption>{t('match.hard_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('match.criterion')}</th>
            <th scope="col">{t('match.result')}</th>
          </tr>
        </thead>
        <tbody>
          {hard.map((c) => (
            <tr data-code={c.code} class={c.pass ? 'pass' : 'fail'}>
              <td>{c.label}</td>
              <td>{mark(c.pass)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="criteria">
        <caption>{t('match.soft_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('match.criterion')}</th>
            <th scope="col">{t('match.weight')}</th>
            <th scope="col">{t('match.points')}</th>
          </tr>
        </thead>
        <tbody>
          {soft.map((c) => (
            <tr data-code={c.code} class={c.applies ? (c.pass ? 'pass' : 'fail') : 'na'}>
              <td>{c.label}</td>
              <td>{c.applies ? c.weight : '—'}</td>
              <td>{c.applies ? formatNumber(c.points, locale, 1) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('match.formula')}</p>
    </section>
  );
}
