import { z } from 'zod';

/** A slug as the database accepts it: lower-case letters, digits and inner hyphens, up to 80. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

const email = z.string().trim().toLowerCase().min(1, 'v.required').max(254).pipe(z.email('v.email'));

/** Self-registration on a public event page: an account, its organisation, and the request to take part. */
export const SelfRegisterForm = z
  .object({
    name: z.string().trim().min(2).max(120),
    email,
    password: z.string().min(10).max(200),
    password_confirm: z.string().max(200),
    org_name: z.string().trim().min(2).max(160),
    org_kind: z.enum(['supplier', 'buyer']),
  })
  .refine((v) => v.password === v.password_confirm, {
    path: ['password_confirm'],
    message: 'v.password_mismatch',
  });
export type SelfRegisterForm = z.infer<typeof SelfRegisterForm>;

/** The facilitator's settings of the page. */
export const PublicPageForm = z.object({
  slug: z.string().trim().toLowerCase().min(1, 'v.required').max(80).regex(SLUG_PATTERN, 'v.events.slug'),
  open: z
    .literal('1')
    .optional()
    .transform((v) => v === '1'),
});
export type PublicPageForm = z.infer<typeof PublicPageForm>;
