import { describe, expect, it } from 'vitest';
import { importsOf, listSources } from './imports.js';

/** View folders already typed with view models of their own; add a folder once it is converted. */
const CONVERTED = [
  'views/account',
  'views/admin',
  'views/events',
  'views/files',
  'views/imports',
  'views/needs',
  'views/orgs',
  'views/outcomes',
  'views/reports',
  'views/scheduling',
  'views/search',
  'views/suppliers',
];
/** Modules that run SQL: repositories and the report lookups. */
const SQL_MODULE = /^src\/.*(?:repo|lookups)\.ts$/;

describe('views', () => {
  it('in converted folders import no repository module, not even for types', () => {
    const reaching = CONVERTED.flatMap((dir) =>
      listSources(dir).flatMap((file) =>
        importsOf(file)
          .filter((e) => e.target !== null && SQL_MODULE.test(e.target))
          .map((e) => `${file} imports ${e.specifier}`),
      ),
    );
    expect(reaching).toEqual([]);
  });

  it('live under views/: the only .tsx files in src/ are routes and the HTTP layer that renders them', () => {
    const stray = listSources('src').filter(
      (file) => file.endsWith('.tsx') && !file.endsWith('routes.tsx') && !file.startsWith('src/http/'),
    );
    expect(stray).toEqual([]);
  });
});
