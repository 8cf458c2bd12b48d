import { formatDateTime } from '../../src/i18n/format.js';
import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors, Select } from '../components/form.js';

/** A user row as the admin pages read it. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly platformRole: 'admin' | 'facilitator' | null;
  readonly createdAt: Date;
  readonly deactivatedAt: Date | null;
  readonly erasedAt: Date | null;
  readonly orgs: readonly { id: string; name: string; kind: string; role: string }[];
}

/** One audit entry about a user, written out as a sentence. */
export interface UserAuditView {
  readonly id: string;
  readonly at: Date;
  readonly actorName: string | null;
  readonly action: string;
  readonly changes?: Record<string, unknown> | undefined;
}

const ADMIN_TZ = 'Asia/Jakarta';

const roleLabel = (t: T, role: string | null) => (role ? t(`role.${role}`) : t('admin.users.role_none'));

function StateBadge({ t, u }: { t: T; u: UserView }) {
  if (u.erasedAt) return <span class="badge">{t('admin.users.state_erased')}</span>;
  if (u.deactivatedAt) return <span class="badge">{t('admin.users.state_inactive')}</span>;
  return <span class="badge">{t('admin.users.state_active')}</span>;
}

/** Search and list of users; the table scrolls in its own box on a phone. */
export function UserListPage(p: { t: T; users: UserView[]; q: string; page: number; hasMore: boolean }) {
  const { t } = p;
  const link = (page: number) => `/admin/users?q=${encodeURIComponent(p.q)}&page=${page}`;
  return (
    <section id="admin-users">
      <h1>{t('admin.users.title')}</h1>
      <form method="get" action="/admin/users">
        <Field name="q" type="search" label={t('admin.users.search')} value={p.q} />
        <button type="submit">{t('admin.filter')}</button>
      </form>
      {p.users.length === 0 ? <p>{t('admin.users.none')}</p> : null}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.orgs')}</th>
              <th scope="col">{t('admin.users.state')}</th>
            </tr>
          </thead>
          <tbody>
            {p.users.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/users/${u.id}`}>{u.name}</a>
                </td>
                <td>{u.email}</td>
                <td>{roleLabel(t, u.platformRole)}</td>
                <td>{u.orgs.map((o) => o.name).join(', ')}</td>
                <td>
                  <StateBadge t={t} u={u} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t('admin.users.pages')}>
        {p.page > 1 ? <a href={link(p.page - 1)}>{t('admin.users.prev')}</a> : null}{' '}
        {p.hasMore ? <a href={link(p.page + 1)}>{t('admin.users.next')}</a> : null}
      </nav>
    </section>
  );
}

/**
 * "Admin Ani granted the role Facilitator" from an audit row. The database client camel-cases JSON
 * keys on the way out, so `platform_role` as written reads back as `platformRole`.
 */
function auditSentence(t: T, a: UserAuditView): string {
  const actor = a.actorName ?? t('admin.users.someone');
  const ch = a.changes ?? {};
  const change = (ch.platformRole ?? ch.platform_role) as [string | null, string | null] | undefined;
  return t(`admin.users.audit.${a.action}`, {
    actor,
    from: roleLabel(t, change?.[0] ?? null),
    to: roleLabel(t, change?.[1] ?? null),
    sessions: String(ch.sessionsRevoked ?? ch.sessions_revoked ?? 0),
    tokens: String(ch.tokensRevoked ?? ch.tokens_revoked ?? 0),
  });
}

/** One user: facts, the role form, deactivate/reactivate, and the readable audit trail. */
export function UserDetailPage(p: {
  t: T;
  locale: 'id' | 'en';
  user: UserView;
  offices: { id: string; name: string }[];
  audit: UserAuditView[];
  selfId: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t, user: u, errors } = p;
  const roles = ['none', 'facilitator', 'admin'].map((r) => ({
    value: r,
    label: roleLabel(t, r === 'none' ? null : r),
  }));
  const offices = [
    { value: '', label: t('admin.users.office_keep') },
    ...p.offices.map((o) => ({ value: o.id, label: o.name })),
  ];
  const base = `/admin/users/${u.id}`;
  return (
    <section id="admin-user">
      <p>
        <a href="/admin/users">{t('admin.users.back')}</a>
      </p>
      <h1>
        {u.name} <StateBadge t={t} u={u} />
      </h1>
      <dl>
        <dt>{t('admin.users.email')}</dt>
        <dd>{u.email}</dd>
        <dt>{t('admin.users.role')}</dt>
        <dd>{roleLabel(t, u.platformRole)}</dd>
        <dt>{t('admin.users.orgs')}</dt>
        <dd>
          {u.orgs.length
            ? u.orgs.map((o) => `${o.name} (${t(`kind.${o.kind}`)}, ${t(`role.${o.role}`)})`).join('; ')
            : '—'}
        </dd>
        <dt>{t('admin.users.created')}</dt>
        <dd>{formatDateTime(u.createdAt, ADMIN_TZ, p.locale)}</dd>
      </dl>
      {u.erasedAt ? null : (
        <>
          <h2>{t('admin.users.role_change')}</h2>
          <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
          <form method="post" action={`${base}/role`}>
            <Select
              name="role"
              label={t('admin.users.role')}
              options={roles}
              value={p.values.role ?? u.platformRole ?? 'none'}
              error={errors.role}
              required
            />
            <Select
              name="office_id"
              label={t('admin.users.office')}
              options={offices}
              value={p.values.office_id ?? ''}
              error={errors.office_id}
            />
            <button type="submit">{t('admin.users.role_save')}</button>
          </form>
          <h2>{t('admin.users.access')}</h2>
          {u.deactivatedAt ? (
            <form method="post" action={`${base}/reactivate`}>
              <p>
                {t('admin.users.inactive_since', { at: formatDateTime(u.deactivatedAt, ADMIN_TZ, p.locale) })}
              </p>
              <button type="submit">{t('admin.users.reactivate')}</button>
            </form>
          ) : (
            <form method="post" action={`${base}/deactivate`}>
              <p>
                {t(u.id === p.selfId ? 'admin.users.deactivate_self_hint' : 'admin.users.deactivate_hint')}
              </p>
              <button type="submit" class="secondary">
                {t('admin.users.deactivate')}
              </button>
            </form>
          )}
        </>
      )}
      <h2>{t('admin.users.audit')}</h2>
      {p.audit.length === 0 ? <p>{t('admin.users.audit_none')}</p> : null}
      <ul id="user-audit">
        {p.audit.map((a) => (
          <li>
            <time datetime={a.at.toISOString()}>{formatDateTime(a.at, ADMIN_TZ, p.locale)}</time>:{' '}
            {auditSentence(t, a)}
          </li>
        ))}
      </ul>
    </section>
  );
}
