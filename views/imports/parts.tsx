import type { T } from '../../src/i18n/index.js';
import type { ImportStatusView, RowIssueView } from './models.js';

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** One row finding in the reader's language. */
export function issueText(t: T, i: RowIssueView): string {
  return t(`imports.e.${i.code}`, { value: i.value ?? '' });
}

/** `#import-badge`; the polled status fragment re-sends it out of band so the header follows the run. */
export function StatusBadge({ t, status, oob }: { t: T; status: ImportStatusView; oob?: boolean }) {
  return (
    <span id="import-badge" class={`badge import-${status}`} hx-swap-oob={oob ? 'true' : undefined}>
      {t(`imports.status.${status}`)}
    </span>
  );
}

const ISSUES_SHOWN = 200;

/** Row findings (errors and warnings) as a table; long lists are cut with a count. */
export function IssueTable({ t, issues, id }: { t: T; issues: readonly RowIssueView[]; id: string }) {
  if (issues.length === 0) return <p id={id}>{t('imports.issues.none')}</p>;
  const shown = issues.slice(0, ISSUES_SHOWN);
  return (
    <div id={id} class="overflow-auto">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('imports.issues.row')}</th>
            <th scope="col">{t('imports.issues.field')}</th>
            <th scope="col">{t('imports.issues.severity')}</th>
            <th scope="col">{t('imports.issues.message')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr class={`issue-${i.severity}`}>
              <td>{i.row}</td>
              <td>{t(`imports.field.${i.field}`)}</td>
              <td>{t(`imports.severity.${i.severity}`)}</td>
              <td>{issueText(t, i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.length > shown.length ? (
        <p class="muted">{t('imports.issues.more', { shown: shown.length, total: issues.length })}</p>
      ) : null}
    </div>
  );
}
