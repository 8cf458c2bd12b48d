import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The application folder (package.json, migrations/, public/), found by walking up from this
 * module, so the same code finds it when run from src/ by tsx and from dist/src/ once compiled.
 */
export const APP_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'migrations')))
      return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`no application root (package.json + migrations/) above ${start}`);
  }
}
