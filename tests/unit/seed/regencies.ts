import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Regency codes from idn-area-data's own CSV, the source of truth for the seeds' codes. */
export function loadRegencyCodes(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('idn-area-data/package.json'));
  const csv = readFileSync(join(root, 'data', 'regencies.csv'), 'utf8');
  const codes = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [code, provinceCode] = line.split(',');
    if (code && provinceCode) codes.set(code, provinceCode);
  }
  return codes;
}
