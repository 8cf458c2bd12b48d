import type { T } from '../../src/i18n/index.js';
import { OUTCOMES } from '../../src/imports/schema.js';
import type { ImportView, RowIssueView, RowOutcomeItemView, RowOutcomeView } from './models.js';
import { IssueTable, issueText } from './parts.js';

export interface ImportStatusProps {
  t: T;
  imp: ImportView;
  rows: readonly RowOutcomeItemView[];
  outcome: RowOutcomeView | undefined;
  page: number;
  hasMore: boolean;
  /** A claim link made just now: shown once. */
  claim?: { name: string; url: string } | null | undefined;
}

/**
 * `#import-status`: while running, a progress bar that htmx re-fetches every second (the
 * replacement of a finished import carries no trigger, so polling stops by itself); without
 * JavaScript, a meta refresh every 3 s and a reload link. Once finished: counts, row findings and the row-by-row table.
 */
export function ImportStatus(p: ImportStatusProps) {
  const { t, imp } = p;
  if (imp.status === 'pending') return <section id="import-status" />;
  if (imp.status === 'running') {
    return (
      <section
        id="import-status"
        hx-get={`/imports/${imp.id}/status`}
        hx-trigger="every 1s"
        hx-swap="outerHTML"
        aria-live="polite"
      >
        <noscript>
          <meta http-equiv="refresh" content="3" />
        </noscript>
        <h2>{t('imports.progress.title')}</h2>
        <progress
          value={String(imp.processedRows)}
          max={String(Math.max(imp.totalRows, 1))}
          aria-label={t('imports.progress.label')}
        />
        <p>{t('imports.progress.text', { processed: imp.processedRows, total: imp.totalRows })}</p>
        <p>
          <a href={`/imports/${imp.id}`} class="muted">
            {t('imports.progress.refresh')}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section id="import-status">
      <h2>{t('imports.result.title')}</h2>
      {imp.status === 'failed' ? (
        <div class="form-error" role="alert">
          <p>{t(`imports.failure.${imp.failure ?? 'error'}`)}</p>
          <form method="post" action={`/imports/${imp.id}/commit`}>
            <button type="submit">{t('imports.commit.retry')}</button>
          </form>
        </div>
      ) : null}
      <dl id="import-counts" class="grid-2">
        {OUTCOMES.map((o) => (
          <div>
            <dt>{t(`imports.result.${o}`)}</dt>
            <dd data-count={o}>{imp[o]}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('imports.issues.title')}</h3>
      <IssueTable t={t} issues={imp.errors} id="import-issues" />
      <RowTable {...p} />
    </section>
  );
}

function RowTable({ t, imp, rows, outcome, page, hasMore, claim }: ImportStatusProps) {
  const link = (o: RowOutcomeView | undefined, pg = 1) =>
    `/imports/${imp.id}?${new URLSearchParams({ ...(o ? { outcome: o } : {}), ...(pg > 1 ? { page: String(pg) } : {}) })}#rows`;
  const issuesOf = new Map<number, RowIssueView[]>();
  for (const i of imp.errors)
    if (i.severity === 'error') issuesOf.set(i.row, [...(issuesOf.get(i.row) ?? []), i]);
  return (
    <article id="rows">
      <h3>{t('imports.rows.title')}</h3>
      <p>{t('imports.claim.lead')}</p>
      {claim ? (
        <p role="status" id="claim-link">
          {t('imports.claim.link', { name: claim.name })} <code class="token">{claim.url}</code>
        </p>
      ) : null}
      <nav aria-label={t('imports.rows.filter')}>
        <ul>
          <li>
            {outcome ? (
              <a href={link(undefined)}>{t('imports.result.all')}</a>
            ) : (
              <strong>{t('imports.result.all')}</strong>
            )}
          </li>
          {OUTCOMES.map((o) => (
            <li>
              {o === outcome ? (
                <strong>{t(`imports.result.${o}`)}</strong>
              ) : (
                <a href={link(o)}>{t(`imports.result.${o}`)}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t('imports.rows.none')}</p>
      ) : (
        <div class="overflow-auto">
          <table id="row-outcomes">
            <thead>
              <tr>
                <th scope="col">{t('imports.rows.row')}</th>
                <th scope="col">{t('imports.rows.supplier')}</th>
                <th scope="col">{t('imports.rows.outcome')}</th>
                <th scope="col">{t('imports.rows.note')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr data-row={String(r.row)}>
                  <td>{r.row}</td>
                  <td>{r.legalName ?? ''}</td>
                  <td>{t(`imports.result.${r.outcome}`)}</td>
                  <td>
                    {r.outcome === 'rejected' && issuesOf.get(r.row)
                      ? issuesOf.get(r.row)!.map((i) => <div>{issueText(t, i)}</div>)
                      : r.note
                        ? t(noteKey(r.note), { value: '' })
                        : ''}
                  </td>
                  <td>
                    {r.claimable && r.supplierId ? (
                      <form method="post" action={`/imports/${imp.id}/claims`}>
                        <input type="hidden" name="supplier_id" value={r.supplierId} />
                        <button
                          type="submit"
                          class="secondary outline"
                          aria-label={t('imports.claim.create_for', { name: r.legalName ?? '' })}
                        >
                          {t('imports.claim.create')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('imports.page.label')}>
        <ul>
          {page > 1 ? (
            <li>
              <a href={link(outcome, page - 1)}>{t('imports.page.prev')}</a>
            </li>
          ) : null}
          {hasMore ? (
            <li>
              <a href={link(outcome, page + 1)}>{t('imports.page.next')}</a>
            </li>
          ) : null}
        </ul>
      </nav>
    </article>
  );
}

/** Row notes are either outcome notes (claimed, own profile) or the code of the row's first error. */
function noteKey(note: string): string {
  return note === 'claimed' || note === 'own_profile' ? `imports.note.${note}` : `imports.e.${note}`;
}
