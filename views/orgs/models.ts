/*
 * View models of the organisation pages: only the fields they read. Repository rows are wider
 * and assignable to these, so routes pass them as they are, yet the views never name a repo.
 */
import type { OrgKindView, OrgRoleView } from '../models.js';

/** One of the user's organisations in their list. */
export interface OrgMembershipView {
  readonly id: string;
  readonly name: string;
  readonly kind: OrgKindView;
  readonly role: OrgRoleView;
}

/** The organisation a page is about. */
export interface OrgView {
  readonly id: string;
  readonly name: string;
  readonly kind: OrgKindView;
}

/** A member as the member table shows them. */
export interface OrgMemberView {
  readonly name: string;
  readonly email: string;
  readonly role: OrgRoleView;
}
