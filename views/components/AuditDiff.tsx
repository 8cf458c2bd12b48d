import { type AuditFormatContext, formatAuditChanges } from '../../src/audit/format.js';

/**
 * An audit entry's changes as "Label: before → after", in the reader's language and zone, with
 * no-op changes left out. Values are text nodes, so a field holding markup is shown, never run.
 */
export function AuditDiff({
  entity,
  action,
  changes,
  ctx,
}: {
  entity: string;
  action?: string;
  changes: unknown;
  ctx: AuditFormatContext;
}) {
  const lines = formatAuditChanges(entity, changes, ctx, action);
  if (lines.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="changes">
      {lines.map((l) => (
        <li data-field={l.field}>
          <strong>{l.label}</strong>:{' '}
          {l.before === null ? (
            l.after
          ) : (
            <>
              <del>{l.before}</del> {ctx.t('audit.arrow')} <ins>{l.after}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
