import { z } from 'zod';
import { findSemanticIssues } from './instance-checks.js';
import type { Instance, Solution } from './types.js';

const id = z.string().trim().min(1, { error: 'must be a non-empty id' });

/**
 * Strict objects on purpose: a typo such as `"lock"` for `"locked"` would otherwise be stripped
 * silently and a facilitator's fixed meeting would move without anyone noticing.
 */
export const instanceSchema = z.strictObject({
  slots: z.array(id),
  tables: z.array(id),
  participants: z.array(
    z.strictObject({
      id,
      unavailable: z.array(id).default([]),
    }),
  ),
  requests: z.array(
    z.strictObject({
      id,
      a: id,
      b: id,
      priority: z.int({ error: 'must be an integer 1..3' }).min(1).max(3),
      locked: z.strictObject({ slot: id, table: id }).optional(),
    }),
  ),
});

/** For callers that read a stored or hand-edited schedule back; pair it with `validateSolution`. */
export const solutionSchema = z.strictObject({
  meetings: z.array(z.strictObject({ request: id, slot: id, table: id })),
  unscheduled: z.array(id),
  objective: z.number(),
});

/** Compile-time proof that the schemas and the hand-written shapes in types.ts are the same. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTypes: [
  Same<z.infer<typeof instanceSchema>, Instance>,
  Same<z.infer<typeof solutionSchema>, Solution>,
] = [true, true];
void schemasMatchTypes;

/** Thrown for any instance the solver must not see; `issues` lists every problem, not just the first. */
export class InvalidInstanceError extends Error {
  override readonly name = 'InvalidInstanceError';
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    const shown = issues.slice(0, 10).join('; ');
    const more = issues.length > 10 ? ` (and ${issues.length - 10} more)` : '';
    super(`Invalid scheduling instance: ${shown}${more}`);
    this.issues = issues;
  }
}

/**
 * The single gate between uploaded JSON and the solver: the solver trusts its input completely
 * (indices, lock consistency), so every structural and referential problem must be caught here,
 * with a message a facilitator can act on.
 */
export function parseInstance(json: unknown): Instance {
  const parsed = instanceSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidInstanceError(parsed.error.issues.map((issue) => describeIssue(json, issue)));
  }
  const issues = findSemanticIssues(parsed.data);
  if (issues.length > 0) throw new InvalidInstanceError(issues);
  return parsed.data;
}

function describeIssue(json: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
  const owner = requestIdAt(json, issue.path);
  return `${path || '(root)'}${owner ? ` (request ${owner})` : ''}: ${issue.message}`;
}

/** Names the request an issue belongs to, so "requests[812].priority" can be found in a spreadsheet. */
function requestIdAt(json: unknown, path: readonly PropertyKey[]): string | null {
  if (path[0] !== 'requests' || typeof path[1] !== 'number') return null;
  if (typeof json !== 'object' || json === null || !('requests' in json)) return null;
  const requests = json.requests;
  if (!Array.isArray(requests)) return null;
  const entry: unknown = requests[path[1]];
  if (typeof entry !== 'object' || entry === null || !('id' in entry)) return null;
  return typeof entry.id === 'string' ? entry.id : null;
}
