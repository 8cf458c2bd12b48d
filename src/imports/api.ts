import { Hono } from 'hono';
import { z } from 'zod';
import { describeRoutes } from '../api/openapi-registry.js';
import type { AppEnv } from '../context.js';
import { Invalid } from '../errors.js';
import { currentActor, requireRole } from '../http/guards.js';
import type { T } from '../i18n/index.js';
import { importViaApi } from './api-upload.js';
import { storedMapping } from './mapping.js';
import type { ImportRow } from './repo.js';
import type { RowIssue } from './rows.js';
import { ApiUploadFields } from './schema.js';
import { getImportFor } from './service.js';
import { readUpload, uploadLimit } from './upload.js';

/** Import API (mounted at /api/v1): upload (optionally with a mapping and an immediate commit), and status. */
export const importApi = new Hono<AppEnv>();

const issueJson = (t: T, i: RowIssue) => ({
  row: i.row,
  field: i.field,
  message: t(`imports.e.${i.code}`, { value: i.value ?? '' }),
});

/** The API shape of an import; row numbers are the sheet's own (the header is row 1). */
export function importToJson(imp: ImportRow, t: T) {
  const mapping = storedMapping(imp.mapping, imp.headers) ?? [];
  return {
    id: imp.id,
    status: imp.status,
    filename: imp.filename,
    created_at: imp.createdAt,
    total_rows: imp.totalRows,
    processed_rows: imp.processedRows,
    created: imp.created,
    updated: imp.updated,
    unchanged: imp.unchanged,
    rejected: imp.rejected,
    errors: imp.errors.filter((i) => i.severity === 'error').map((i) => issueJson(t, i)),
    warnings: imp.errors.filter((i) => i.severity === 'warning').map((i) => issueJson(t, i)),
    failure: imp.failure ? t(`imports.failure.${imp.failure}`) : null,
    mapping: Object.fromEntries(imp.headers.map((h, i) => [h, mapping[i] ?? 'ignore'])),
  };
}

importApi.post(
  '/imports',
  requireRole('facilitator'),
  uploadLimit((c, message) =>
    c.json({ error: { code: 'too_large', message, fields: { file: message } } }, 413),
  ),
  async (c) => {
    const upload = await readUpload(c);
    if (!upload.ok) throw new Invalid(upload.errors);
    const fields = ApiUploadFields.safeParse(upload.fields);
    if (!fields.success) throw new Invalid({ commit: 'v.invalid' });
    const { commit, mapping } = fields.data;
    const imp = await importViaApi(c.get('deps'), currentActor(c), {
      ...upload.file,
      commit,
      mapping: mapping === undefined ? undefined : parseMappingJson(mapping),
    });
    c.header('Location', `/api/v1/imports/${imp.id}`);
    return c.json(importToJson(imp, c.get('t')), 201);
  },
);

importApi.get('/imports/:id', requireRole('facilitator'), async (c) => {
  const imp = await getImportFor(c.get('deps'), currentActor(c), c.req.param('id'));
  return c.json(importToJson(imp, c.get('t')));
});

function parseMappingJson(raw: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Invalid({ mapping: 'imports.mapping.bad_json' });
}

describeRoutes('imports', [
  {
    method: 'post',
    path: '/imports',
    summary:
      'Upload a supplier spreadsheet (CSV or XLSX), optionally with a mapping and an immediate commit.',
    description: '`mapping` is a JSON object from column header to field. Facilitators only.',
    body: ApiUploadFields.extend({ file: z.file() }),
    bodyType: 'multipart',
    errors: [403, 413],
    response: { status: 201, description: 'The import and its status; `Location` names it.' },
  },
  {
    method: 'get',
    path: '/imports/:id',
    summary: 'The status of an import: counts, row errors and warnings, mapping.',
    errors: [403],
    response: { status: 200, description: 'The import.' },
  },
]);
