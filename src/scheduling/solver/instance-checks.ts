import type { Instance } from './types.js';

/**
 * Referential and lock-consistency rules that a schema cannot express. Returns every problem
 * found so a facilitator can fix an upload in one round trip instead of one error at a time.
 */
export function findSemanticIssues(instance: Instance): string[] {
  const issues: string[] = [];
  const slots = new Set(instance.slots);
  const tables = new Set(instance.tables);
  const participants = new Set(instance.participants.map((p) => p.id));

  issues.push(...findDuplicates('slot', instance.slots));
  issues.push(...findDuplicates('table', instance.tables));
  issues.push(
    ...findDuplicates(
      'participant',
      instance.participants.map((p) => p.id),
    ),
  );
  issues.push(
    ...findDuplicates(
      'request',
      instance.requests.map((r) => r.id),
    ),
  );

  for (const participant of instance.participants) {
    for (const slot of participant.unavailable) {
      if (!slots.has(slot)) {
        issues.push(`participant ${participant.id} is unavailable in unknown slot "${slot}"`);
      }
    }
  }

  for (const request of instance.requests) {
    for (const side of [request.a, request.b]) {
      if (!participants.has(side))
        issues.push(`request ${request.id} refers to unknown participant "${side}"`);
    }
    if (request.a === request.b) {
      issues.push(`request ${request.id} asks participant ${request.a} to meet themselves`);
    }
    if (request.locked && !slots.has(request.locked.slot)) {
      issues.push(`request ${request.id} is locked to unknown slot "${request.locked.slot}"`);
    }
    if (request.locked && !tables.has(request.locked.table)) {
      issues.push(`request ${request.id} is locked to unknown table "${request.locked.table}"`);
    }
  }

  if (issues.length === 0) issues.push(...findLockConflicts(instance));
  return issues;
}

function findDuplicates(kind: string, ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) reported.add(id);
    seen.add(id);
  }
  return [...reported].map((id) => `duplicate ${kind} id "${id}"`);
}

/**
 * Runs only once every id is known to resolve, so each message can name the exact pair of locked
 * requests (or the unavailability) that make the locks impossible to honour together.
 */
function findLockConflicts(instance: Instance): string[] {
  const issues: string[] = [];
  const unavailable = new Map(instance.participants.map((p) => [p.id, new Set(p.unavailable)]));
  const tableHolder = new Map<string, string>();
  const participantHolder = new Map<string, string>();

  for (const request of instance.requests) {
    const lock = request.locked;
    if (!lock) continue;
    const tableKey = `${lock.slot}\u0000${lock.table}`;
    const tableOwner = tableHolder.get(tableKey);
    if (tableOwner) {
      issues.push(
        `locked requests ${tableOwner} and ${request.id} both hold table ${lock.table} in slot ${lock.slot}`,
      );
    } else {
      tableHolder.set(tableKey, request.id);
    }
    for (const participant of [request.a, request.b]) {
      if (unavailable.get(participant)?.has(lock.slot)) {
        issues.push(
          `request ${request.id} is locked to slot ${lock.slot}, but participant ${participant} is unavailable then`,
        );
      }
      const key = `${lock.slot}\u0000${participant}`;
      const owner = participantHolder.get(key);
      if (owner) {
        issues.push(
          `locked requests ${owner} and ${request.id} both put participant ${participant} in slot ${lock.slot}`,
        );
      } else {
        participantHolder.set(key, request.id);
      }
    }
  }
  return issues;
}
