import type { DocsModel, OperationModel, SchemaRow } from '../../views/api/ApiDocsPage.js';
import type { Json } from './openapi.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function typeOf(s: Json): string {
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(s.anyOf)) return [...new Set((s.anyOf as Json[]).map(typeOf))].join(' | ');
  if (s.type === 'array') return `${typeOf((s.items ?? {}) as Json)}[]`;
  if (typeof s.format === 'string') return `${String(s.type ?? 'string')} (${s.format})`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  return typeof s.type === 'string' ? s.type : 'any';
}

const NOTES: [string, string][] = [
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['minimum', 'min'],
  ['maximum', 'max'],
  ['minItems', 'min items'],
  ['maxItems', 'max items'],
  ['default', 'default'],
];

function notesOf(s: Json): string {
  const parts: string[] = [];
  const branches = Array.isArray(s.anyOf) ? (s.anyOf as Json[]) : [s];
  for (const b of branches) {
    for (const [k, label] of NOTES) {
      const v = b[k] ?? s[k];
      const text = `${label} ${JSON.stringify(v)}`;
      if (v !== undefined && Math.abs(Number(v)) < 1e15 && !parts.includes(text)) parts.push(text);
    }
  }
  if (typeof s.description === 'string') parts.push(s.description);
  return parts.join(', ');
}

/** Flattens an object schema into readable rows; nested objects and arrays of objects get dotted names. */
export function schemaRows(schema: Json, prefix = '', depth = 0): SchemaRow[] {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows: SchemaRow[] = [];
  for (const [key, s] of Object.entries(props)) {
    const name = prefix + key;
    rows.push({ name, type: typeOf(s), required: required.has(key), notes: notesOf(s) });
    if (depth >= 4) continue;
    const inner = s.type === 'array' ? ((s.items ?? {}) as Json) : s;
    if (inner.type === 'object')
      rows.push(...schemaRows(inner, s.type === 'array' ? `${name}[].` : `${name}.`, depth + 1));
  }
  return rows;
}

/** A value a client could send for this schema: the first enum value, a placeholder uuid, … */
export function exampleOf(s: Json, depth = 0): unknown {
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum)) return (s.enum as unknown[])[0];
  if (Array.isArray(s.anyOf))
    return exampleOf(((s.anyOf as Json[]).find((b) => b.type !== 'null') ?? {}) as Json, depth);
  switch (s.type) {
    case 'string':
      return s.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'text';
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' && s.minimum > -1e15 ? s.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 ? [] : [exampleOf((s.items ?? {}) as Json, depth + 1)];
    case 'object': {
      const req = (s.required as string[] | undefined) ?? [];
      const props = (s.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(req.filter((k) => props[k]).map((k) => [k, exampleOf(props[k]!, depth + 1)]));
    }
    default:
      return null;
  }
}

function curlOf(
  origin: string,
  method: string,
  path: string,
  op: Json,
  media: string | null,
  body: Json | null,
) {
  const lines = [`curl -X ${method.toUpperCase()} '${origin}${path}'`];
  if (!(Array.isArray(op.security) && op.security.length === 0))
    lines.push(`  -H "Authorization: Bearer $PASOK_TOKEN"`);
  if (media === 'application/json' && body) {
    lines.push(`  -H 'Content-Type: application/json'`, `  -d '${JSON.stringify(exampleOf(body))}'`);
  } else if (media && body) {
    for (const [k, s] of Object.entries((body.properties ?? {}) as Record<string, Json>)) {
      lines.push(s.format === 'binary' ? `  -F '${k}=@file'` : `  -F '${k}=${String(exampleOf(s))}'`);
    }
  }
  return lines.join(' \\\n');
}

function operationModel(
  origin: string,
  refs: Record<string, Json>,
  path: string,
  method: string,
  op: Json,
): OperationModel {
  const params = ((op.parameters ?? []) as Json[]).map((p) => ({
    name: String(p.name),
    in: p.in as 'path' | 'query',
    required: p.required === true,
    type: typeOf(p.schema as Json),
    notes: notesOf(p.schema as Json),
  }));
  const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
  const [media, mediaObj] = Object.entries(content)[0] ?? [null, null];
  const body = mediaObj ? (mediaObj.schema as Json) : null;
  return {
    anchor: String(op.operationId),
    method: method.toUpperCase(),
    path,
    summary: String(op.summary ?? ''),
    description: typeof op.description === 'string' ? op.description : null,
    public: Array.isArray(op.security) && op.security.length === 0,
    params,
    bodyMedia: media,
    body: body ? schemaRows(body) : [],
    responses: Object.entries(op.responses as Record<string, Json>).map(([status, r]) => ({
      status,
      description: String(r.description ?? refDescription(refs, r)),
    })),
    curl: curlOf(origin, method, path.replace(/\{(\w+)\}/g, ':$1'), op, media, body),
  };
}

const refDescription = (refs: Record<string, Json>, r: Json) =>
  String(refs[String(r.$ref).split('/').pop()!]?.description ?? '');

/** The reference page's model: tags in document order, each with its operations. */
export function docsModel(doc: Json): DocsModel {
  const refs = ((doc.components as Json).responses ?? {}) as Record<string, Json>;
  const origin = String((doc.servers as Json[])[0]?.url ?? '');
  const byTag = new Map<string, OperationModel[]>(
    ((doc.tags ?? []) as Json[]).map((t) => [String(t.name), []]),
  );
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const m of METHODS) {
      const op = item[m] as Json | undefined;
      if (!op) continue;
      const tag = String((op.tags as string[])[0]);
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(operationModel(origin, refs, path, m, op));
    }
  }
  return { tags: [...byTag].map(([name, operations]) => ({ name, operations })) };
}
