/*
 * The solver's input and output shapes, written out by hand so the parser (instance.ts) and the
 * rules it runs (instance-checks.ts) share them without importing each other. instance.ts checks
 * at compile time that its zod schemas infer exactly these types, so the two cannot drift.
 */

/** One organisation's presence at an event: the slots it cannot attend. */
export interface Participant {
  id: string;
  unavailable: string[];
}

/** A requested meeting between participants `a` and `b`; a lock pins it to one slot and table. */
export interface Request {
  id: string;
  a: string;
  b: string;
  priority: number;
  locked?: { slot: string; table: string } | undefined;
}

/** Everything the solver needs about one event day, in ids only. */
export interface Instance {
  slots: string[];
  tables: string[];
  participants: Participant[];
  requests: Request[];
}

/** One seated request. */
export interface Meeting {
  request: string;
  slot: string;
  table: string;
}

/** The solver's answer: seated meetings, requests left waiting and the objective reached. */
export interface Solution {
  meetings: Meeting[];
  unscheduled: string[];
  objective: number;
}
