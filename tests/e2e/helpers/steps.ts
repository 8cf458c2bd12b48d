import { beforeEach } from 'vitest';

/**
 * Turns the `it`s of the enclosing `describe` into the steps of one story, which share a
 * browser page: once a step fails, the later ones are skipped (naming the failed step)
 * instead of failing for the same reason and burying the first error.
 */
export function stopAfterFirstFailure(): void {
  let failed: string | null = null;
  beforeEach(({ skip, onTestFailed, task }) => {
    if (failed) skip(`skipped: the step "${failed}" failed`);
    onTestFailed(() => {
      failed ??= task.name;
    });
  });
}
