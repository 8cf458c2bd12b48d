/*
 * View models of the shell and the landing page: only what they show. The session user and
 * membership rows are wider and assignable to these, so routes pass them as they are.
 */

/** The kinds of organisation, as labels are keyed. */
export type OrgKindView = 'supplier' | 'buyer' | 'facilitator';

/** A member's role in an organisation. */
export type OrgRoleView = 'owner' | 'member';

/** The logged-in user as the navigation and the landing page need them. */
export interface Viewer {
  readonly name: string;
  readonly platformRole: 'admin' | 'facilitator' | null;
}

/** One of the viewer's organisations on the landing page. */
export interface HomeOrg {
  readonly id: string;
  readonly name: string;
  readonly kind: OrgKindView;
  readonly role: OrgRoleView;
}
