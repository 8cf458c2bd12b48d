import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ClaimPage } from '../../views/imports/ClaimPage.js';
import { ImportListPage } from '../../views/imports/ImportListPage.js';
import { ImportPage } from '../../views/imports/ImportPage.js';
import { ImportStatus } from '../../views/imports/ImportStatus.js';
import { StatusBadge } from '../../views/imports/parts.js';
import type { AppEnv } from '../context.js';
import { DomainError, Invalid, NotFound } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor, currentUser, requireRole, requireUser } from '../http/guards.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, parseQuery } from '../http/validate.js';
import { importApi } from './api.js';
import { acceptClaim, createClaimLink, peekClaim } from './claims.js';
import { exportCsv, exportRows, toXlsx } from './export.js';
import type { Mapping } from './fields.js';
import type { ImportListRow, ImportRow } from './repo.js';
import { ClaimAcceptForm, ClaimForm, CommitForm, ExportQuery, mappingForm, OutcomeQuery } from './schema.js';
import {
  commitImport,
  findOffice,
  getImportFor,
  listImportRows,
  listImportsFor,
  previewImport,
  saveImportMapping,
  uploadImport,
} from './service.js';
import { readUpload, uploadLimit } from './upload.js';

export { importApi };

const ROWS_PER_PAGE = 100;
const ID = ':id{[0-9a-fA-F-]{36}}';

/** Import/export pages (mounted at /imports): facilitators only, except the claim links. */
export const importRoutes = new Hono<AppEnv>();
const staff = [requireUser(), requireRole('facilitator')] as const;
/** The app-wide 2 MB limit skips /imports (for uploads); the small forms get their own. */
const smallBody = bodyLimit({ maxSize: 256 * 1024 });

async function listPage(
  c: Context<AppEnv>,
  extra: { status?: number; errors?: Record<string, string> } = {},
) {
  const { sql } = c.get('deps');
  const actor = currentActor(c);
  const [imports, office] = await Promise.all([
    listImportsFor(c.get('deps'), actor),
    findOffice(sql, actor.userId),
  ]);
  const t = c.get('t');
  return render(
    c,
    <ImportListPage
      t={t}
      locale={c.get('locale')}
      imports={imports}
      officeName={office?.name ?? null}
      errors={extra.errors ?? {}}
    />,
    { title: t('imports.title'), status: extra.status ?? 200 },
  );
}

importRoutes.get('/', ...staff, (c) => listPage(c));

importRoutes.post(
  '/',
  ...staff,
  uploadLimit((c, message) => listPage(c, { status: 413, errors: { file: message } })),
  async (c) => {
    const upload = await readUpload(c);
    if (!upload.ok) return listPage(c, { status: 422, errors: upload.errors });
    try {
      const imp = await uploadImport(c.get('deps'), currentActor(c), upload.file);
      return redirectAfterPost(c, `/imports/${imp.id}`);
    } catch (err) {
      if (err instanceof DomainError && err.status === 422 && err.fields)
        return listPage(c, { status: 422, errors: translate(c, err.fields) });
      throw err;
    }
  },
);

importRoutes.get('/export.csv', ...staff, async (c) => {
  const rows = await exportRows(c.get('deps').sql, currentActor(c), parseQuery(c, ExportQuery));
  return download(c, exportCsv(rows), 'text/csv; charset=utf-8', 'csv');
});

importRoutes.get('/export.xlsx', ...staff, async (c) => {
  const rows = await exportRows(c.get('deps').sql, currentActor(c), parseQuery(c, ExportQuery));
  const body = await toXlsx(rows);
  return download(c, body, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx');
});

function download(c: Context<AppEnv>, body: ReadableStream<Uint8Array> | Buffer, type: string, ext: string) {
  const date = c.get('deps').clock().toISOString().slice(0, 10);
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="ikm-${date}.${ext}"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(body instanceof ReadableStream ? body : new Uint8Array(body));
}

/** The claim landing page; after a refused accept, again with the consent error (422). */
async function claimPage(c: Context<AppEnv>, status = 200, consentError?: string) {
  const { sql, clock } = c.get('deps');
  const token = c.req.param('token') ?? '';
  const claim = await peekClaim(sql, token, clock());
  if (!claim) throw new NotFound('imports.claim.invalid');
  const t = c.get('t');
  const page = (
    <ClaimPage
      t={t}
      token={token}
      name={claim.legalName}
      loggedIn={!!c.get('user')}
      consentError={consentError}
    />
  );
  return render(c, page, { title: t('imports.claim.title'), status });
}

importRoutes.get('/claim/:token', (c) => claimPage(c));

importRoutes.post('/claim/:token', requireUser(), smallBody, async (c) => {
  const { sql, clock } = c.get('deps');
  const form = await parseForm(c, ClaimAcceptForm);
  if (!form.ok) return claimPage(c, 422, form.errors.consent);
  const claim = await acceptClaim(sql, c.req.param('token'), currentUser(c).id, clock());
  setFlash(c, 'imports.claim.accepted');
  return redirectAfterPost(c, `/orgs/${claim.supplierId}`);
});

interface PageExtra {
  status?: number;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  mapping?: Mapping;
  claim?: { name: string; url: string };
}

async function importPage(c: Context<AppEnv>, imp: ImportListRow, extra: PageExtra = {}) {
  const deps = c.get('deps');
  const t = c.get('t');
  const [preview, status] = await Promise.all([
    imp.status === 'pending' ? previewImport(deps, imp, extra.mapping) : null,
    statusFragment(c, imp, extra.claim),
  ]);
  return render(
    c,
    <ImportPage
      t={t}
      locale={c.get('locale')}
      imp={imp}
      creatorName={imp.creatorName}
      preview={preview}
      values={extra.values}
      errors={extra.errors}
      status={status}
    />,
    { title: imp.filename, status: extra.status ?? 200 },
  );
}

async function statusFragment(c: Context<AppEnv>, imp: ImportRow, claim?: { name: string; url: string }) {
  const q = parseQuery(c, OutcomeQuery);
  const { rows, hasMore } = await listImportRows(c.get('deps').sql, imp, { ...q, perPage: ROWS_PER_PAGE });
  return (
    <ImportStatus
      t={c.get('t')}
      imp={imp}
      rows={rows}
      outcome={q.outcome}
      page={q.page}
      hasMore={hasMore}
      claim={claim ?? null}
    />
  );
}

const loadImport = (c: Context<AppEnv>) =>
  getImportFor(c.get('deps'), currentActor(c), c.req.param('id') ?? '');

importRoutes.get(`/${ID}`, ...staff, async (c) => importPage(c, await loadImport(c)));

/** The fragment htmx polls while the import runs; a finished import's fragment stops the polling. */
importRoutes.get(`/${ID}/status`, ...staff, async (c) => {
  const imp = await loadImport(c);
  const fragment = await statusFragment(c, imp);
  return c.html(
    <>
      {fragment}
      <StatusBadge t={c.get('t')} status={imp.status} oob />
    </>,
  );
});

importRoutes.post(`/${ID}/mapping`, ...staff, smallBody, async (c) => {
  const imp = await loadImport(c);
  const form = await parseForm(c, mappingForm(imp.headers.length));
  if (!form.ok) return importPage(c, imp, { status: 422, values: form.values, errors: form.errors });
  try {
    await saveImportMapping(c.get('deps'), currentActor(c), imp, form.data);
  } catch (err) {
    if (!(err instanceof DomainError && err.status === 422 && err.fields)) throw err;
    return importPage(c, imp, {
      status: 422,
      values: form.values,
      errors: translate(c, err.fields),
      mapping: form.data,
    });
  }
  setFlash(c, 'imports.mapping.saved');
  return redirectAfterPost(c, `/imports/${imp.id}`);
});

importRoutes.post(`/${ID}/commit`, ...staff, smallBody, async (c) => {
  const imp = await loadImport(c);
  const form = await parseForm(c, CommitForm);
  if (!form.ok) throw new Invalid(form.errors);
  await commitImport(c.get('deps'), currentActor(c), imp, form.data.legal_basis ?? null);
  return redirectAfterPost(c, `/imports/${imp.id}`);
});

importRoutes.post(`/${ID}/claims`, ...staff, smallBody, async (c) => {
  const imp = await loadImport(c);
  const form = await parseForm(c, ClaimForm);
  if (!form.ok) throw new NotFound();
  const { sql, clock, config } = c.get('deps');
  const link = await createClaimLink(sql, currentActor(c), form.data.supplier_id, clock());
  return importPage(c, imp, {
    status: 201,
    claim: { name: link.legalName, url: `${config.appOrigin}/imports/claim/${link.token}` },
  });
});

function translate(c: Context<AppEnv>, fields: Record<string, string>): Record<string, string> {
  const t = c.get('t');
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, t(v)]));
}
