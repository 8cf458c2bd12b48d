import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors, Select } from '../components/form.js';
import type { OrgMembershipView, OrgMemberView, OrgView } from './models.js';

const kindOptions = (t: T) => [
  { value: 'supplier', label: t('kind.supplier') },
  { value: 'buyer', label: t('kind.buyer') },
  { value: 'facilitator', label: t('kind.facilitator') },
];

/** The user's organisations and a form to create one. */
export function OrgListPage({
  t,
  orgs,
  values = {},
  errors = {},
}: {
  t: T;
  orgs: OrgMembershipView[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  return (
    <section id="orgs">
      <h1>{t('orgs.title')}</h1>
      {orgs.length === 0 ? <p>{t('home.no_orgs')}</p> : null}
      <ul>
        {orgs.map((o) => (
          <li>
            <a href={`/orgs/${o.id}`}>{o.name}</a> · {t(`kind.${o.kind}`)} · {t(`role.${o.role}`)}
          </li>
        ))}
      </ul>
      <article id="new-org">
        <h2>{t('orgs.new')}</h2>
        <FormErrors message={Object.keys(errors).length ? t('errors.invalid') : null} />
        <form method="post" action="/orgs">
          <Field name="name" label={t('orgs.name')} value={values.name} error={errors.name} required />
          <Select
            name="kind"
            label={t('orgs.kind')}
            value={values.kind}
            error={errors.kind}
            options={kindOptions(t)}
          />
          <button type="submit">{t('orgs.create')}</button>
        </form>
      </article>
    </section>
  );
}

/** One organisation: members, and for owners the invite-link form. */
export function OrgPage({
  t,
  org,
  role,
  members,
  inviteLink,
}: {
  t: T;
  org: OrgView;
  role: 'owner' | 'member';
  members: OrgMemberView[];
  inviteLink?: string | null;
}) {
  return (
    <section id="org">
      <h1>{org.name}</h1>
      <p>
        <span class="badge">{t(`kind.${org.kind}`)}</span>
      </p>
      <h2>{t('orgs.members')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('orgs.member_name')}</th>
            <th scope="col">{t('auth.email')}</th>
            <th scope="col">{t('orgs.member_role')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>{t(`role.${m.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {role === 'owner' ? (
        <article id="invite">
          <h2>{t('orgs.invite.title')}</h2>
          <p>{t('orgs.invite.lead')}</p>
          {inviteLink ? (
            <p role="status">
              {t('orgs.invite.link')} <code class="token">{inviteLink}</code>
            </p>
          ) : null}
          <form method="post" action={`/orgs/${org.id}/invites`}>
            <Select
              name="role"
              label={t('orgs.invite.role')}
              options={[
                { value: 'member', label: t('role.member') },
                { value: 'owner', label: t('role.owner') },
              ]}
            />
            <button type="submit">{t('orgs.invite.create')}</button>
          </form>
        </article>
      ) : null}
    </section>
  );
}

/** The landing page of an invite link. */
export function InvitePage({
  t,
  token,
  orgName,
  role,
  loggedIn,
}: {
  t: T;
  token: string;
  orgName: string;
  role: 'owner' | 'member';
  loggedIn: boolean;
}) {
  const next = encodeURIComponent(`/invites/${token}`);
  return (
    <article id="invite-accept" class="narrow">
      <h1>{t('orgs.invite.accept_title')}</h1>
      <p>{t('orgs.invite.accept_lead', { org: orgName, role: t(`role.${role}`) })}</p>
      {loggedIn ? (
        <form method="post" action={`/invites/${token}`}>
          <button type="submit">{t('orgs.invite.accept')}</button>
        </form>
      ) : (
        <p>
          {t('orgs.invite.login_first')} <a href={`/login?next=${next}`}>{t('nav.login')}</a> ·{' '}
          <a href={`/register?next=${next}`}>{t('nav.register')}</a>
        </p>
      )}
    </article>
  );
}
