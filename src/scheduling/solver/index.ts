/*
 * The one door into the pure scheduler: data in, assignment out, no I/O. Code outside this
 * folder imports from here only, so the solver's internals can change without touching callers.
 */
export { measureEarlyStart } from './early-report.js';
export type { EarlyStartReport } from './early-start.js';
export { InvalidInstanceError, parseInstance, solutionSchema } from './instance.js';
export { type SolveOptions, solve } from './solve.js';
export type { Instance, Meeting, Participant, Request, Solution } from './types.js';
export { validateSolution } from './validate.js';
