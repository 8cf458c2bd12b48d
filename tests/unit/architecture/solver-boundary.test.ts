import { describe, expect, it } from 'vitest';
import { importsOf, listSources } from './imports.js';

const SOLVER = 'src/scheduling/solver/';
/** Packages the pure solver may use: validation only, no HTTP, i18n, database or clock of its own. */
const ALLOWED_PACKAGES = new Set(['zod']);

describe('the pure scheduler', () => {
  it('imports nothing from HTTP, i18n or the database: only its own folder and zod', () => {
    const outside = listSources(SOLVER).flatMap((file) =>
      importsOf(file)
        .filter((e) =>
          e.target === null ? !ALLOWED_PACKAGES.has(e.specifier) : !e.target.startsWith(SOLVER),
        )
        .map((e) => `${file} imports ${e.specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('is reached from the rest of src/ through its index only', () => {
    const files = [...listSources('src'), ...listSources('search'), ...listSources('views')];
    const inward = files
      .filter((file) => !file.startsWith(SOLVER))
      .flatMap((file) =>
        importsOf(file)
          .filter((e) => e.target?.startsWith(SOLVER) && e.target !== `${SOLVER}index.ts`)
          .map((e) => `${file} imports ${e.specifier}`),
      );
    expect(inward).toEqual([]);
  });
});
