import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './imports.js';

/** One SQL tagged template found in a source file. */
export interface SqlTemplate {
  readonly file: string;
  readonly line: number;
  /** The tag as written (`sql`, `db`, `tx`, `deps.sql`, ...). */
  readonly tag: string;
}

/*
 * A tag is a database handle when its last name is one of the names the code base gives
 * postgres.js (`sql`, `db`, `tx`, ...), or when the template reads as SQL whatever the tag is
 * called. Either rule alone catches a planted query; both together survive a rename.
 */
const HANDLE = /^(sql|db|tx|trx|t|conn|client|pg)$/i;
const STATEMENT =
  /^\s*(select|insert|update|delete|with|lock|create|drop|alter|analyze|vacuum|truncate|copy|values|and|or|where|order|limit)\b/i;

/**
 * Every SQL tagged template in a repository-relative file, found with the TypeScript parser so
 * strings, comments and JSX text that merely mention SQL words are not counted.
 */
export function sqlTemplatesIn(file: string): SqlTemplate[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: SqlTemplate[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag.getText(source).replace(/<[\s\S]*>$/, '');
      const last = tag.split('.').pop() ?? tag;
      const head = ts.isNoSubstitutionTemplateLiteral(node.template)
        ? node.template.text
        : node.template.head.text;
      if (HANDLE.test(last) || STATEMENT.test(head)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ file, line: line + 1, tag });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
