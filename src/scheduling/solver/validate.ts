import type { Instance, Request, Solution } from './types.js';

/**
 * Independent check of a solution against the instance, sharing no code with the solver so a
 * solver bug cannot hide itself. The service runs it before saving (a schedule edited by hand or
 * produced by an older version may be wrong), and tests run it on every generated instance.
 */
export function validateSolution(instance: Instance, solution: Solution): string[] {
  const violations: string[] = [];
  const requests = new Map(instance.requests.map((r) => [r.id, r]));
  const slots = new Set(instance.slots);
  const tables = new Set(instance.tables);
  const unavailable = new Map(instance.participants.map((p) => [p.id, new Set(p.unavailable)]));
  const seen = new Set<string>();
  const tableHolder = new Map<string, string>();
  const personHolder = new Map<string, string>();
  let objective = 0;

  for (const meeting of solution.meetings) {
    const request = requests.get(meeting.request);
    if (!request) {
      violations.push(`meeting for unknown request ${meeting.request}`);
      continue;
    }
    if (seen.has(request.id)) violations.push(`request ${request.id} is scheduled more than once`);
    seen.add(request.id);
    objective += request.priority;
    if (!slots.has(meeting.slot)) violations.push(`request ${request.id} is in unknown slot ${meeting.slot}`);
    if (!tables.has(meeting.table))
      violations.push(`request ${request.id} is at unknown table ${meeting.table}`);
    claim(tableHolder, `${meeting.slot}\u0000${meeting.table}`, request.id, (other) =>
      violations.push(
        `table ${meeting.table} is double-booked in slot ${meeting.slot} (${other}, ${request.id})`,
      ),
    );
    for (const person of [request.a, request.b]) {
      claim(personHolder, `${meeting.slot}\u0000${person}`, request.id, (other) =>
        violations.push(
          `participant ${person} is double-booked in slot ${meeting.slot} (${other}, ${request.id})`,
        ),
      );
      if (unavailable.get(person)?.has(meeting.slot)) {
        violations.push(`participant ${person} meets in slot ${meeting.slot} but is unavailable then`);
      }
    }
    if (request.locked && (request.locked.slot !== meeting.slot || request.locked.table !== meeting.table)) {
      violations.push(
        `locked request ${request.id} moved from ${request.locked.slot}/${request.locked.table} to ${meeting.slot}/${meeting.table}`,
      );
    }
  }

  violations.push(...checkUnscheduled(requests, seen, solution.unscheduled));
  if (objective !== solution.objective) {
    violations.push(`objective is ${solution.objective} but scheduled priorities sum to ${objective}`);
  }
  return violations;
}

function checkUnscheduled(
  requests: Map<string, Request>,
  scheduled: Set<string>,
  unscheduled: string[],
): string[] {
  const violations: string[] = [];
  const listed = new Set<string>();
  for (const id of unscheduled) {
    const request = requests.get(id);
    if (!request) violations.push(`unscheduled list names unknown request ${id}`);
    if (scheduled.has(id)) violations.push(`request ${id} is both scheduled and unscheduled`);
    if (listed.has(id)) violations.push(`request ${id} is listed as unscheduled more than once`);
    if (request?.locked) violations.push(`locked request ${id} was left unscheduled`);
    listed.add(id);
  }
  for (const id of requests.keys()) {
    if (!scheduled.has(id) && !listed.has(id))
      violations.push(`request ${id} is neither scheduled nor unscheduled`);
  }
  return violations;
}

function claim(
  holders: Map<string, string>,
  key: string,
  id: string,
  onConflict: (other: string) => void,
): void {
  const other = holders.get(key);
  if (other === undefined) holders.set(key, id);
  else onConflict(other);
}
