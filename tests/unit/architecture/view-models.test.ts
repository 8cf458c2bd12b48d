import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, listSources, ROOT } from './imports.js';

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

/** Value imports (not `import type`) from views/, with the names they bring in. */
function valueImportsFromViews(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const names: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\b)\{([^}]*)\}\s+from\s+'([^']+)'/gm)) {
    if (!/(^|\/)views\//.test(m[2] ?? '')) continue;
    for (const part of (m[1] ?? '').split(',')) {
      const name = part.trim();
      if (name && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/)[0]!);
    }
  }
  return names;
}

describe('src', () => {
  it('imports from views only components to render (PascalCase), never helpers', () => {
    const helpers = listSources('src').flatMap((file) =>
      valueImportsFromViews(file)
        .filter((name) => !/^[A-Z]/.test(name))
        .map((name) => `${file} imports ${name} from views`),
    );
    expect(helpers).toEqual([]);
  });
});
