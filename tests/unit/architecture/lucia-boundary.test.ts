import { describe, expect, it } from 'vitest';
import { importsOf, listSources } from './imports.js';

const AUTH = 'src/auth/';
/** The session library and its adapters: only src/auth may name them, even for types. */
const LUCIA = /^(?:lucia(?:\/.*)?|@lucia-auth\/.+)$/;

/** Every `file imports package` line naming lucia, for the files given. */
function luciaImports(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((e) => e.target === null && LUCIA.test(e.specifier))
      .map((e) => `${file} imports ${e.specifier}`),
  );
}

describe('lucia', () => {
  it('is imported only inside src/auth: the rest of the app sees our own session and user types', () => {
    const files = [...listSources('src'), ...listSources('search'), ...listSources('views')].filter(
      (file) => !file.startsWith(AUTH),
    );
    expect(luciaImports(files)).toEqual([]);
  });

  it('is noticed by the check when a file does import it', () => {
    expect(luciaImports(['tests/unit/architecture/fixtures/uses-lucia.ts'])).toEqual([
      'tests/unit/architecture/fixtures/uses-lucia.ts imports lucia',
    ]);
  });
});
