import { z } from 'zod';

/** The admin user list: free-text search over name, e-mail and organisation, and the page. */
export const UserListQuery = z.object({
  q: z.string().trim().max(100).default(''),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/**
 * Grant or revoke a platform role: `none` revokes. A facilitator works for an office, so
 * granting that role names one unless the user already belongs to an office.
 */
export const RoleForm = z.object({
  role: z.enum(['none', 'facilitator', 'admin'], 'v.invalid'),
  office_id: z
    .union([z.uuid('v.invalid'), z.literal('')])
    .optional()
    .transform((v) => v || null),
});
export type RoleForm = z.infer<typeof RoleForm>;

/** The API body of a role change: the same fields as the form. */
export const RoleBody = RoleForm;
