import { z } from 'zod';

/**
 * WhatsApp numbers as people write them ("0812-3456-7890", "+62 812 …", "62812…"), stored as
 * +62… so a tap on wa.me works. Lengths are checked before the pattern (bounded input).
 */
export const whatsappNumber = z
  .string()
  .max(40, 'v.events.whatsapp')
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .transform((v) =>
    v.startsWith('+62') ? v : v.startsWith('62') ? `+${v}` : v.startsWith('0') ? `+62${v.slice(1)}` : v,
  )
  .pipe(z.string().regex(/^\+628[0-9]{7,12}$/, 'v.events.whatsapp'));

/** A walk-in registered at the desk. */
export const WalkInForm = z.object({
  name: z.string().trim().min(2).max(160),
  organization_name: z.string().trim().min(2).max(200),
  kind: z.enum(['supplier', 'buyer']),
  whatsapp: whatsappNumber,
});
