import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/**
 * Hostile values for the fuzz suite: each one has broken a real web app somewhere
 * (PostgreSQL refuses NUL and lone surrogates, JS dates roll 2027-02-30 over to March, ...).
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '2027-02-30',
  '2027-13-01',
  '2027-00-10',
  '0000-00-00',
  '2027-02-29',
  '2027-02-30T10:00',
  '2027-04-31T25:61',
  '2027-13-01T09:00:00+07:00',
  '+275760-09-13',
  '-1',
  '0',
  '-0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999999',
  '9223372036854775808',
  '2147483648',
  '1.5',
  '0x1F',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "' or 1=1 --",
  '"; drop table users; --',
  '../../../etc/passwd',
  '%00',
  '%ZZ',
  '<script>alert(1)</script>',
  'Ωμέγα',
  'ذهب',
  '工业园区',
  '𝕏😀👩‍👩‍👧',
  '\u202Egnp.exe',
  'é'.normalize('NFD'),
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  'Asia/Nowhere',
  'javascript:alert(1)',
  '//evil.example/',
  'http://evil.example/',
  '\r\nSet-Cookie: x=1',
  'x'.repeat(5000),
];

/** A string that may be hostile, random (any code unit, surrogates included), huge or a UUID. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(70_000), '\u0000'.repeat(3000), '\uD800'.repeat(3000)) },
);

/** A JSON value of the wrong kind: hostile strings, absurd numbers, arrays where scalars belong, objects. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      -1,
      0,
      1.5,
      -1e308,
      1e308,
      2 ** 31,
      2 ** 63,
      Number.MAX_SAFE_INTEGER + 2,
      null,
      true,
      false,
    ),
  },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[]], { a: '\u0000' }, ['\uD800'], [1, 2, 3]) },
);

/** Field names: every key of every zod object the app validates, plus every `name=` in the views. */
export interface Vocabulary {
  /** form field name → a plausible value (so the rest of the form passes and the hostile one goes deep) */
  form: Map<string, string>;
  /** JSON object samples built from the zod schemas, one per object schema */
  json: unknown[];
  /** all object samples merged into one */
  jsonAll: Record<string, unknown>;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def | null => (s as { _zod?: { def?: Def } })?._zod?.def ?? null;

/** A plausible string for a field, guessed from its name. */
export function plausible(key: string, ids: readonly string[]): string {
  const k = key.toLowerCase();
  const id = ids.length ? ids[k.length % ids.length]! : '00000000-0000-4000-8000-000000000000';
  if (/date|_on$|^from$|^to$|until/.test(k)) return '2027-03-15';
  if (/_at$|deadline/.test(k)) return '2027-03-15T09:00';
  if (/email/.test(k)) return 'fuzz@example.test';
  if (/password/.test(k)) return 'a long enough passphrase 42';
  if (/^lat/.test(k)) return '-6.2';
  if (/^lon/.test(k)) return '106.8';
  if (/start|end|time$/.test(k)) return '09:00';
  if (/zone/.test(k)) return 'Asia/Jakarta';
  if (/regency/.test(k)) return '32.13';
  if (/(^|_)ids?$|org$|^organi|supplier|need|meeting|participant|slot|table_id/.test(k)) return id;
  if (/minutes|quota|count|priority|qty|quantity|percent|year|page|limit|radius|size|rating/.test(k))
    return '30';
  if (/amount|budget|price|value/.test(k)) return '1000000';
  if (/url|link|website/.test(k)) return 'https://example.test/x';
  if (/phone|whatsapp/.test(k)) return '+628123456789';
  return 'Fuzz text';
}

/** A sample JSON value that fits a zod schema's shape, so mutating one leaf reaches deep validation. */
function sample(def: Def | null, key: string, ids: readonly string[], depth = 0): unknown {
  if (!def || depth > 6) return plausible(key, ids);
  const inner = (k: string) => sample(defOf(def[k]), key, ids, depth + 1);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        out[k] = sample(defOf(v), k, ids, depth + 1);
      }
      return out;
    }
    case 'array':
      return [inner('element')];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'union':
      return sample(defOf((def.options as unknown[])[0]), key, ids, depth + 1);
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'number':
    case 'int':
      return /^lat/.test(key) ? -6.2 : /^lon/.test(key) ? 106.8 : 30;
    case 'boolean':
      return true;
    case 'bigint':
      return 1000;
    default:
      return plausible(key, ids);
  }
}

/** Every object shape nested anywhere in a schema. */
function collectObjects(def: Def | null, out: Def[], depth = 0): void {
  if (!def || depth > 8) return;
  if (def.type === 'object') {
    out.push(def);
    for (const v of Object.values(def.shape as Record<string, unknown>))
      collectObjects(defOf(v), out, depth + 1);
    return;
  }
  for (const k of ['innerType', 'in', 'out', 'element', 'left', 'right'])
    collectObjects(defOf(def[k]), out, depth + 1);
  if (Array.isArray(def.options)) for (const o of def.options) collectObjects(defOf(o), out, depth + 1);
}

function listFiles(dir: string, re: RegExp): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && re.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Reads the schemas and views of the app into a field vocabulary. */
export async function loadVocabulary(root: string, ids: readonly string[]): Promise<Vocabulary> {
  const form = new Map<string, string>();
  const json: unknown[] = [];
  for (const file of listFiles(path.join(root, 'src'), /^(schema|form)\.ts$/)) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const objects: Def[] = [];
      collectObjects(defOf(value), objects);
      for (const o of objects) {
        json.push(sample(o, '', ids));
        for (const k of Object.keys(o.shape as object)) form.set(k, plausible(k, ids));
      }
    }
  }
  for (const file of listFiles(path.join(root, 'views'), /\.tsx$/)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/name="([a-zA-Z0-9_.[\]-]+)"/g)) form.set(m[1]!, plausible(m[1]!, ids));
    for (const m of text.matchAll(/name=\{`([a-z_]+)\.\$\{i\}\.([a-z_]+)`\}/g)) {
      for (const i of [0, 1]) form.set(`${m[1]}.${i}.${m[2]}`, plausible(m[2]!, ids));
    }
  }
  const jsonAll = Object.assign(
    {},
    ...json.filter((j) => j !== null && typeof j === 'object' && !Array.isArray(j)),
  );
  return { form, json, jsonAll };
}

/** How a mutation treats the value it lands on. */
export type Mode = 'replace' | 'infect' | 'date';
export const mode: fc.Arbitrary<Mode> = fc.constantFrom<Mode>('replace', 'infect', 'infect', 'date');
const IMPOSSIBLE = ['2027-02-30', '2027-13-01', '2027-04-31', '2027-02-29'];

/**
 * Applies a mutation to one value. `infect` keeps a value that passes validation and slips a
 * NUL or a lone surrogate into it (the kind that reaches SQL); `date` turns a valid date into
 * an impossible one of the same shape; `replace` puts a hostile value in its place.
 */
export function mutateValue(old: unknown, how: Mode, hostile: unknown): unknown {
  if (how === 'infect' && typeof old === 'string' && old) {
    const at = Math.floor(old.length / 2);
    const poison = hostile === '' || typeof hostile !== 'string' ? '\uD800' : '\u0000';
    return old.slice(0, at) + poison + old.slice(at);
  }
  if (how === 'date' && typeof old === 'string' && /^\d{4}-\d{2}-\d{2}/.test(old)) {
    const day = IMPOSSIBLE[old.length % IMPOSSIBLE.length]!;
    return day + old.slice(10);
  }
  return hostile;
}

/** Replaces the leaf at `pick` (modulo the number of leaves) of a JSON value with `value`. */
export function mutateJson(doc: unknown, pick: number, value: unknown, how: Mode = 'replace'): unknown {
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        leaves.push({ parent: v, key: i });
        if (v[i] !== null && typeof v[i] === 'object') walk(v[i]);
      }
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        leaves.push({ parent: v as Record<string, unknown>, key: k });
        if (x !== null && typeof x === 'object') walk(x);
      }
    }
  };
  const copy = structuredClone(doc);
  walk(copy);
  if (!leaves.length) return value;
  const leaf = leaves[pick % leaves.length]!;
  const parent = leaf.parent as Record<string | number, unknown>;
  parent[leaf.key] = mutateValue(parent[leaf.key], how, value);
  return copy;
}
