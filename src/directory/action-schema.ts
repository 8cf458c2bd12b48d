import { z } from 'zod';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A local path to come back to (never another origin: `//host` and `/\host` are refused). */
const localPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])/)
  .optional()
  .catch(undefined);

/** The buyer-action forms: the need or event chosen, an optional message, where to return. */
export const BuyerActionForm = z.object({
  need_id: z.preprocess(blank, z.uuid('v.choice').optional()),
  event_id: z.preprocess(blank, z.uuid('v.choice').optional()),
  message: z.string().trim().max(1000).optional(),
  next: localPath,
});

export const BUYER_ACTIONS = ['shortlist', 'invite', 'meeting'] as const;
