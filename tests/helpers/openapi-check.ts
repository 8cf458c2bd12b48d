/**
 * A compact OpenAPI 3.1 checker and JSON Schema (2020-12 subset) validator for the tests: no
 * validator package is installed, and the document only uses a small, well-known set of keywords.
 */
type Json = Record<string, unknown>;

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** JSON Schema 2020-12 keywords (plus OpenAPI's own annotations) the document may use. */
const KEYWORDS = new Set([
  '$ref',
  '$defs',
  '$id',
  '$schema',
  '$comment',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'items',
  'prefixItems',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
  'description',
  'title',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'contentEncoding',
  'contentMediaType',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** Follows a local `#/a/b` reference, or throws naming it. */
export function resolveRef(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node as Json;
}

/** Problems with a schema: unknown keywords, bad types, regexes that do not compile, dangling $refs. */
export function schemaProblems(doc: Json, schema: unknown, at: string): string[] {
  if (typeof schema === 'boolean') return [];
  if (!schema || typeof schema !== 'object') return [`${at}: not a schema`];
  const s = schema as Json;
  const out: string[] = [];
  for (const k of Object.keys(s)) if (!KEYWORDS.has(k)) out.push(`${at}: unknown keyword ${k}`);
  if (typeof s.$ref === 'string') {
    try {
      resolveRef(doc, s.$ref);
    } catch (e) {
      out.push(`${at}: ${(e as Error).message}`);
    }
  }
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  for (const t of types) if (!TYPES.has(t as string)) out.push(`${at}: bad type ${String(t)}`);
  if (s.pattern !== undefined) {
    try {
      new RegExp(s.pattern as string, 'u');
    } catch {
      out.push(`${at}: pattern does not compile`);
    }
  }
  if (s.required !== undefined && !Array.isArray(s.required)) out.push(`${at}: required is not a list`);
  if (s.enum !== undefined && !Array.isArray(s.enum)) out.push(`${at}: enum is not a list`);
  for (const [k, v] of Object.entries((s.properties ?? {}) as Json))
    out.push(...schemaProblems(doc, v, `${at}.${k}`));
  for (const key of ['items', 'additionalProperties', 'not', 'propertyNames']) {
    if (s[key] !== undefined) out.push(...schemaProblems(doc, s[key], `${at}/${key}`));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    const list = s[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) out.push(`${at}/${key}: not a non-empty list`);
    else for (const [i, b] of list.entries()) out.push(...schemaProblems(doc, b, `${at}/${key}/${i}`));
  }
  return out;
}

const deref = (doc: Json, x: Json): Json => (typeof x.$ref === 'string' ? resolveRef(doc, x.$ref) : x);

/** Problems with the document's shape as OpenAPI 3.1 requires it; empty when it is sound. */
export function openApiProblems(doc: Json): string[] {
  const out: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) out.push('openapi is not 3.1.x');
  const info = doc.info as Json | undefined;
  if (!info || typeof info.title !== 'string' || typeof info.version !== 'string')
    out.push('info.title/version');
  if (!doc.paths || typeof doc.paths !== 'object') return [...out, 'paths missing'];
  const ids = new Set<string>();
  const schemes = ((doc.components as Json | undefined)?.securitySchemes ?? {}) as Json;
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    if (!path.startsWith('/')) out.push(`${path}: does not start with /`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const [method, raw] of Object.entries(item)) {
      const at = `${method.toUpperCase()} ${path}`;
      if (!METHODS.has(method)) {
        out.push(`${at}: not an HTTP method`);
        continue;
      }
      const op = raw as Json;
      if (typeof op.operationId !== 'string' || ids.has(op.operationId))
        out.push(`${at}: operationId missing or repeated`);
      ids.add(String(op.operationId));
      const params = ((op.parameters ?? []) as Json[]).map((p) => deref(doc, p));
      for (const p of params) {
        if (typeof p.name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(p.in as string))
          out.push(`${at}: bad parameter`);
        if (p.in === 'path' && p.required !== true)
          out.push(`${at}: path parameter ${String(p.name)} not required`);
        out.push(...schemaProblems(doc, p.schema, `${at} param ${String(p.name)}`));
      }
      const inPath = params.filter((p) => p.in === 'path').map((p) => p.name);
      if (JSON.stringify([...inPath].sort()) !== JSON.stringify([...templated].sort()))
        out.push(`${at}: path parameters differ from the template`);
      const responses = op.responses as Record<string, Json> | undefined;
      if (!responses || Object.keys(responses).length === 0) out.push(`${at}: no responses`);
      for (const [status, r0] of Object.entries(responses ?? {})) {
        if (!/^[1-5](\d\d|XX)$|^default$/.test(status)) out.push(`${at}: bad status ${status}`);
        let r: Json;
        try {
          r = deref(doc, r0);
        } catch (e) {
          out.push(`${at} ${status}: ${(e as Error).message}`);
          continue;
        }
        if (typeof r.description !== 'string') out.push(`${at} ${status}: no description`);
        for (const [media, m] of Object.entries((r.content ?? {}) as Record<string, Json>)) {
          out.push(...schemaProblems(doc, m.schema, `${at} ${status} ${media}`));
        }
      }
      const body = op.requestBody as Json | undefined;
      for (const [media, m] of Object.entries((body?.content ?? {}) as Record<string, Json>)) {
        out.push(...schemaProblems(doc, m.schema, `${at} body ${media}`));
      }
      for (const req of (op.security ?? doc.security ?? []) as Json[]) {
        for (const name of Object.keys(req))
          if (!schemes[name]) out.push(`${at}: unknown security scheme ${name}`);
      }
    }
  }
  for (const [name, s] of Object.entries(((doc.components as Json | undefined)?.schemas ?? {}) as Json)) {
    out.push(...schemaProblems(doc, s, `components.schemas.${name}`));
  }
  return out;
}

function typeMatches(t: string, v: unknown): boolean {
  if (t === 'null') return v === null;
  if (t === 'integer') return Number.isInteger(v);
  if (t === 'array') return Array.isArray(v);
  if (t === 'object') return v !== null && typeof v === 'object' && !Array.isArray(v);
  return typeof v === t;
}

/** Does `value` satisfy `schema`? The keywords the document uses; formats other than uuid are annotations. */
export function validates(doc: Json, schema: unknown, value: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  const s = deref(doc, schema as Json);
  const types = s.type === undefined ? null : Array.isArray(s.type) ? s.type : [s.type];
  if (types && !types.some((t) => typeMatches(t as string, value))) return false;
  if (s.enum && !(s.enum as unknown[]).some((e) => e === value)) return false;
  if (s.const !== undefined && s.const !== value) return false;
  if (s.anyOf && !(s.anyOf as unknown[]).some((b) => validates(doc, b, value))) return false;
  if (s.allOf && !(s.allOf as unknown[]).every((b) => validates(doc, b, value))) return false;
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) return false;
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) return false;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return false;
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return false;
    if (typeof s.maximum === 'number' && value > s.maximum) return false;
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) return false;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return false;
    if (s.items !== undefined && !value.every((x) => validates(doc, s.items, x))) return false;
  }
  if (typeMatches('object', value)) {
    const obj = value as Json;
    const props = (s.properties ?? {}) as Json;
    for (const k of (s.required ?? []) as string[]) if (!(k in obj)) return false;
    for (const [k, v] of Object.entries(obj)) {
      if (k in props) {
        if (!validates(doc, props[k], v)) return false;
      } else if (s.additionalProperties !== undefined && !validates(doc, s.additionalProperties, v))
        return false;
    }
  }
  return true;
}
