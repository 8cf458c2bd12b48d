import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The repository root, so tests can name folders as the README does. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** One import statement of a source file: what it names and where that resolves to, if local. */
export interface ImportEdge {
  readonly specifier: string;
  /** Repository-relative path of the imported file, or null for a package or builtin. */
  readonly target: string | null;
}

const SOURCE = /\.(ts|tsx)$/;
/*
 * Static imports and re-exports (`import ... from`, `export ... from`, side-effect `import '...'`)
 * and dynamic `import('...')`. Type-only imports count too: they are what formed the old cycles.
 */
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every .ts/.tsx file under `dir` (repository-relative), declaration files excluded. */
export function listSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs)) {
      const path = join(abs, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

/** The imports of one repository-relative file, local ones resolved to repository-relative paths. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier === undefined) continue;
    edges.push({ specifier, target: resolveLocal(file, specifier) });
  }
  return edges;
}

function resolveLocal(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = join(dirname(file), specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // not this extension; try the next one
    }
  }
  return `${base} (unresolved)`;
}

/** Import cycles among `files` (each reported once, as the path that closes it). */
export function findCycles(files: readonly string[]): string[][] {
  const inScope = new Set(files);
  const graph = new Map(
    files.map((f) => [f, importsOf(f).flatMap((e) => (e.target && inScope.has(e.target) ? [e.target] : []))]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (seen === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}
