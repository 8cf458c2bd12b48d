import { describe, expect, it } from 'vitest';
import { listSources } from './imports.js';
import { sqlTemplatesIn } from './sql-templates.js';

/**
 * Where SQL may be written: repository modules (`repo.ts`, `<thing>-repo.ts`), the migration
 * runner, the embedded-PostgreSQL lifecycle (it creates the database before any repo can
 * exist, so it is db infrastructure rather than a capability) and the seed.
 */
const ALLOWED = [
  /(^|\/)([a-z-]+-)?repo\.ts$/,
  /^src\/db\/migrate\.ts$/,
  /^src\/db\/embedded\.ts$/,
  /^src\/seed\//,
];

const allowed = (file: string) => ALLOWED.some((rule) => rule.test(file));

describe('SQL placement', () => {
  it('keeps every SQL template under src/ and search/ in a repository, the migrator or the seed', () => {
    const misplaced = [...listSources('src'), ...listSources('search')]
      .filter((file) => !allowed(file))
      .flatMap(sqlTemplatesIn)
      .map((t) => `${t.file}:${t.line} ${t.tag}\`...\``);
    expect(misplaced).toEqual([]);
  });

  it('finds a query planted in a service, whatever its handle is called', () => {
    const found = sqlTemplatesIn('tests/unit/architecture/fixtures/planted-service.ts');
    expect(found.map((t) => [t.line, t.tag])).toEqual([
      [5, 'db'],
      [10, 'deps.sql'],
      [14, 'conn'],
      [15, 'conn'],
      [15, 'conn'],
      [21, 'query'],
    ]);
  });

  it('does not count SQL words in strings, comments or other tags', () => {
    expect(sqlTemplatesIn('tests/unit/architecture/fixtures/not-sql.ts')).toEqual([]);
  });
});
