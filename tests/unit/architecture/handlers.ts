import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { listSources, ROOT } from './imports.js';

/** One route handler: where it starts and how many lines its function spans. */
export interface HandlerSpan {
  readonly file: string;
  /** `GET /events/:id`, as registered on the sub-app. */
  readonly route: string;
  /** 1-based line of the function's first line. */
  readonly line: number;
  /** Lines from the function's first line to its closing brace, both included. */
  readonly lines: number;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'on']);

function isFunction(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

function routeLabel(call: ts.CallExpression, method: string): string {
  const [first] = call.arguments;
  const path = first !== undefined && ts.isStringLiteralLike(first) ? first.text : '?';
  return `${method.toUpperCase()} ${path}`;
}

/**
 * Every handler registered with `x.get/post/put/patch/delete/all/on(path, ..., handler)` in a
 * file. Parsed with the TypeScript compiler rather than by counting braces, so a brace inside a
 * string, template or JSX text cannot shift the count. The last argument is the handler; a
 * function passed by name is followed to its declaration in the same file.
 */
export function handlersOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): HandlerSpan[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const locals = new Map<string, ts.Node>();
  const collect = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name !== undefined) locals.set(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
      if (isFunction(node.initializer)) locals.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const out: HandlerSpan[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      METHODS.has(node.expression.name.text) &&
      node.arguments.length >= 2 &&
      ts.isStringLiteralLike(node.arguments[0] as ts.Expression)
    ) {
      const last = node.arguments[node.arguments.length - 1] as ts.Expression;
      const fn = isFunction(last) ? last : ts.isIdentifier(last) ? locals.get(last.text) : undefined;
      if (fn !== undefined) {
        const start = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
        out.push({
          file,
          route: routeLabel(node, node.expression.name.text),
          line: start + 1,
          lines: end - start + 1,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Files that register routes on a Hono sub-app, under the given folders. */
export function routeFiles(dirs: readonly string[]): string[] {
  return dirs
    .flatMap((dir) => listSources(dir))
    .filter((file) => /new Hono\b/.test(readFileSync(join(ROOT, file), 'utf8')));
}
