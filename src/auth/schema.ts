import { z } from 'zod';

export const ORG_KINDS = ['supplier', 'buyer', 'facilitator'] as const;
export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;

const email = z.string().trim().toLowerCase().min(1, 'v.required').max(254).pipe(z.email('v.email'));
const newPassword = z.string().min(10).max(200);

export const LoginForm = z.object({
  email: z.string().trim().min(1, 'v.required').max(254),
  password: z.string().min(1, 'v.required').max(200),
  next: z.string().optional(),
});

export const RegisterForm = z
  .object({
    name: z.string().trim().min(2).max(120),
    email,
    password: newPassword,
    password_confirm: z.string(),
    org_name: z.string().trim().max(160).optional().default(''),
    org_kind: z
      .union([OrgKind, z.literal('')])
      .optional()
      .default(''),
    next: z.string().optional(),
  })
  .refine((v) => v.password === v.password_confirm, {
    path: ['password_confirm'],
    message: 'v.password_mismatch',
  })
  .refine((v) => !(v.org_kind && v.org_name.length < 2), { path: ['org_name'], message: 'v.required' });

export const ChangePasswordForm = z.object({
  current_password: z.string().min(1, 'v.required').max(200),
  new_password: newPassword,
});

export const ProfileForm = z.object({
  name: z.string().trim().min(2).max(120),
  locale: z.enum(['id', 'en']),
});

export const LangForm = z.object({ lang: z.enum(['id', 'en']), next: z.string().optional() });

/** Only same-site relative paths may be redirect targets (no `//evil`, no schemes). */
export function safeNext(next: string | undefined, fallback = '/'): string {
  // A path on this site only: no scheme, no `//host` or `/\host`, and no whitespace or backslashes,
  // which browsers strip or normalise (`/%09/evil.example` would otherwise become `//evil.example`).
  if (!next || next.length > 2000 || !/^\/(?![/\\])[^\s\\]*$/.test(next)) return fallback;
  return next;
}
