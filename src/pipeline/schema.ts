import { z } from 'zod';
import { STAGES } from './stages.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Where a move form sends the browser back to: the board it came from, or the item page. */
const BACK = /^\/pipeline(\?(event|office)=[0-9a-f-]{36})?$|^\/pipeline\/meetings\/[0-9a-f-]{36}$/;

/**
 * A move: the new stage and the revision the mover saw (0 for an item not yet started), so a
 * move made on a stale card is refused instead of silently overwriting someone else's.
 */
export const MoveForm = z.object({
  stage: z.enum(STAGES),
  revision: z.coerce.number().int().min(0).max(1_000_000),
  back: z.preprocess(blank, z.string().max(120).regex(BACK).optional()).catch(undefined),
});

/** `/pipeline?event=` or `?office=`: one board per event or per office. */
export const BoardQuery = z.object({
  event: z.preprocess(blank, z.uuid().optional()).catch(undefined),
  office: z.preprocess(blank, z.uuid().optional()).catch(undefined),
});
