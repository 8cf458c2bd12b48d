import { z } from 'zod';

export const SavedSearchForm = z.object({
  name: z.string().trim().min(1, 'v.required').max(100),
  query: z.string().trim().max(2000).default(''),
});
export type SavedSearchForm = z.infer<typeof SavedSearchForm>;
