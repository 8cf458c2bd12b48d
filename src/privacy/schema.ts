import { z } from 'zod';

/** The account page's erasure request: an optional reason. */
export const ErasureRequestForm = z.object({
  reason: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v) => v || null),
});

/** A reviewer's decision; the note is kept with the request. */
export const DecisionForm = z.object({
  decision: z.enum(['erase', 'reject'], 'v.invalid'),
  note: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v) => v || null),
});

export const QueueQuery = z.object({
  status: z.enum(['pending', 'erased', 'rejected', 'all']).default('pending'),
});
