import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../audit/service.js';
import type { Db } from '../db/client.js';
import type { ContactRow, SupplierRow } from '../suppliers/repo.js';
import { isEmptyPlan, planCreate, planUpdate, rowContact, type UpdatePlan } from './plan.js';
import type { OutcomeRow } from './repo.js';
import type { CheckedRow, RowIssue } from './rows.js';
import * as repo from './supplier-repo.js';

export interface UpsertContext {
  importId: string;
  actorUserId: string;
  /** The importing facilitator's office: new suppliers become its *binaan*. */
  officeId: string;
}

export interface UpsertResult {
  outcomes: OutcomeRow[];
  issues: RowIssue[];
}

interface Pending {
  row: CheckedRow;
  attempts: number;
}

/** Rows that lost a race (their key was inserted by someone else meanwhile) are retried this often. */
const MAX_ATTEMPTS = 3;

/**
 * Writes valid rows idempotently inside the caller's transaction. Rows are matched by NIB,
 * else by normalized name + regency, under row locks; new ones are inserted with
 * ON CONFLICT DO NOTHING, so concurrent imports of the same list cannot create duplicates:
 * a row that loses the race is simply matched again on the next round. A second row for the
 * same supplier in one batch also waits for the next round, and so sees the first one's result.
 */
export async function upsertRows(tx: Db, rows: CheckedRow[], ctx: UpsertContext): Promise<UpsertResult> {
  const result: UpsertResult = { outcomes: [], issues: [] };
  let queue: Pending[] = rows.map((row) => ({ row, attempts: 0 }));
  while (queue.length) queue = await upsertRound(tx, queue, ctx, result);
  result.outcomes.sort((a, b) => a.row - b.row);
  return result;
}

const nameKey = (nameNorm: string, regency: string | null | undefined) => `${nameNorm}|${regency ?? ''}`;

function indexCandidates(candidates: SupplierRow[]) {
  const byNib = new Map<string, SupplierRow>();
  const byName = new Map<string, SupplierRow[]>();
  for (const s of candidates) {
    if (s.nib) byNib.set(s.nib, s);
    const k = nameKey(s.nameNorm, s.regencyCode);
    byName.set(k, [...(byName.get(k) ?? []), s]);
  }
  return { byNib, byName };
}

type Match = { kind: 'existing'; supplier: SupplierRow } | { kind: 'new' } | { kind: 'ambiguous' };

/**
 * NIB first. Without a NIB match, a supplier with the same name and regency: one without NIB
 * (a row may add the NIB an earlier list lacked), or, for rows without NIB, the only one with.
 */
function match(p: Pending, idx: ReturnType<typeof indexCandidates>): Match {
  const v = p.row.values;
  if (v.nib) {
    const s = idx.byNib.get(v.nib);
    if (s) return { kind: 'existing', supplier: s };
  }
  const named = idx.byName.get(nameKey(v.nameNorm!, v.regencyCode)) ?? [];
  const withoutNib = named.filter((s) => s.nib === null);
  if (withoutNib[0]) return { kind: 'existing', supplier: withoutNib[0] };
  if (!v.nib && named.length === 1) return { kind: 'existing', supplier: named[0]! };
  if (!v.nib && named.length > 1) return { kind: 'ambiguous' };
  return { kind: 'new' };
}

async function upsertRound(
  tx: Db,
  queue: Pending[],
  ctx: UpsertContext,
  result: UpsertResult,
): Promise<Pending[]> {
  const nibs = queue.flatMap((p) => (p.row.values.nib ? [p.row.values.nib] : []));
  const names = queue.map((p) => p.row.values.nameNorm!);
  const idx = indexCandidates(await repo.lockCandidates(tx, nibs, names));
  const later: Pending[] = [];
  const touched = new Set<string>();
  const newKeys = new Set<string>();
  const updates: { p: Pending; s: SupplierRow }[] = [];
  const creates: Pending[] = [];
  for (const p of queue) {
    const v = p.row.values;
    const m = match(p, idx);
    if (m.kind === 'ambiguous') {
      reject(result, p, 'match_ambiguous');
    } else if (m.kind === 'existing') {
      if (touched.has(m.supplier.organizationId)) later.push(p);
      else {
        touched.add(m.supplier.organizationId);
        updates.push({ p, s: m.supplier });
      }
    } else {
      const keys = [v.nib ? `nib:${v.nib}` : null, `name:${nameKey(v.nameNorm!, v.regencyCode)}`];
      if (keys.some((k) => k && newKeys.has(k))) later.push(p);
      else {
        for (const k of keys) if (k) newKeys.add(k);
        creates.push(p);
      }
    }
  }
  const audits: AuditEntry[] = [];
  await applyUpdates(tx, updates, ctx, result, audits);
  const lost = await applyCreates(tx, creates, ctx, result, audits);
  await repo.insertAudits(tx, audits);
  for (const p of lost) {
    if (p.attempts + 1 >= MAX_ATTEMPTS) reject(result, p, 'conflict');
    else later.push({ row: p.row, attempts: p.attempts + 1 });
  }
  return later;
}

function reject(result: UpsertResult, p: Pending, code: string) {
  result.outcomes.push({
    row: p.row.row,
    outcome: 'rejected',
    supplierId: null,
    legalName: p.row.values.legalName ?? null,
    note: code,
  });
  result.issues.push({ row: p.row.row, field: 'row', code, severity: 'error' });
}

async function applyUpdates(
  tx: Db,
  updates: { p: Pending; s: SupplierRow }[],
  ctx: UpsertContext,
  result: UpsertResult,
  audits: AuditEntry[],
) {
  // Only the owning office's list updates a binaan: another office's import leaves it as it is.
  const editable = updates.filter(({ s }) => s.binaanOf === ctx.officeId && s.claimedAt === null);
  const ids = editable.map(({ s }) => s.organizationId);
  const [contacts, certs] = ids.length
    ? await Promise.all([repo.firstContacts(tx, ids), repo.certificationTypes(tx, ids)])
    : [[], []];
  const contactOf = new Map<string, ContactRow>(contacts.map((c) => [c.supplierId, c]));
  const certsOf = new Map(certs.map((c) => [c.supplierId, c.types]));
  const writes: Promise<unknown>[] = [];
  for (const { p, s } of updates) {
    const base = { row: p.row.row, supplierId: s.organizationId, legalName: s.legalName };
    if (s.claimedAt !== null || s.binaanOf !== ctx.officeId) {
      const note = s.claimedAt !== null ? 'claimed' : s.binaanOf === null ? 'own_profile' : 'other_office';
      result.outcomes.push({ ...base, outcome: 'unchanged', note });
      continue;
    }
    const plan = planUpdate(
      s,
      contactOf.get(s.organizationId) ?? null,
      certsOf.get(s.organizationId) ?? [],
      p.row.values,
    );
    if (isEmptyPlan(plan)) {
      result.outcomes.push({ ...base, outcome: 'unchanged', note: null });
      continue;
    }
    writes.push(writePlan(tx, s.organizationId, plan));
    result.outcomes.push({
      ...base,
      legalName: p.row.values.legalName ?? s.legalName,
      outcome: 'updated',
      note: null,
    });
    audits.push({
      actorUserId: ctx.actorUserId,
      organizationId: s.organizationId,
      entity: 'supplier',
      entityId: s.organizationId,
      action: 'import_update',
      changes: { import: ctx.importId, row: p.row.row, ...plan.changes },
    });
  }
  // Queries on one transaction are pipelined by postgres.js: issue them together, await once.
  await Promise.all(writes);
}

function writePlan(tx: Db, id: string, plan: UpdatePlan): Promise<unknown> {
  const ops: Promise<unknown>[] = [];
  if (Object.keys(plan.write).length) ops.push(repo.updateSupplier(tx, id, plan.write));
  if (plan.contactInsert) ops.push(repo.insertContacts(tx, [{ supplierId: id, ...plan.contactInsert }]));
  if (plan.contactUpdate) ops.push(repo.updateContact(tx, plan.contactUpdate.id, plan.contactUpdate.fields));
  if (plan.addCertifications.length)
    ops.push(
      repo.insertCertifications(
        tx,
        plan.addCertifications.map((type) => ({ supplierId: id, type })),
      ),
    );
  return Promise.all(ops);
}

const sortKey = (w: { nib: string | null; nameNorm: string; regencyCode: string | null }) =>
  w.nib ? `0${w.nib}` : `1${nameKey(w.nameNorm, w.regencyCode)}`;

/** Inserts organisations and suppliers for new rows; returns the rows that lost a race. */
async function applyCreates(
  tx: Db,
  creates: Pending[],
  ctx: UpsertContext,
  result: UpsertResult,
  audits: AuditEntry[],
): Promise<Pending[]> {
  if (creates.length === 0) return [];
  // A fixed insert order (by key) keeps two imports of overlapping lists from deadlocking.
  const planned = creates
    .map((p) => ({ p, id: randomUUID(), write: planCreate(p.row.values) }))
    .sort((a, b) => sortKey(a.write).localeCompare(sortKey(b.write)));
  await repo.insertSupplierOrganizations(
    tx,
    planned.map((x) => ({ id: x.id, name: x.write.legalName })),
  );
  const inserted = await repo.insertSuppliersIfAbsent(
    tx,
    planned.map((x) => ({ organizationId: x.id, write: x.write })),
    ctx.officeId,
  );
  const won = planned.filter((x) => inserted.has(x.id));
  const lost = planned.filter((x) => !inserted.has(x.id));
  await repo.deleteOrganizations(
    tx,
    lost.map((x) => x.id),
  );
  const contacts = won.flatMap((x) => {
    const c = rowContact(x.p.row.values, x.write.legalName);
    return c ? [{ supplierId: x.id, ...c }] : [];
  });
  const certs = won.flatMap((x) =>
    (x.p.row.values.certifications ?? []).map((type) => ({ supplierId: x.id, type })),
  );
  await Promise.all([repo.insertContacts(tx, contacts), repo.insertCertifications(tx, certs)]);
  for (const x of won) {
    result.outcomes.push({
      row: x.p.row.row,
      outcome: 'created',
      supplierId: x.id,
      legalName: x.write.legalName,
      note: null,
    });
    audits.push({
      actorUserId: ctx.actorUserId,
      organizationId: x.id,
      entity: 'supplier',
      entityId: x.id,
      action: 'import_create',
      changes: { import: ctx.importId, row: x.p.row.row, legalName: x.write.legalName, nib: x.write.nib },
    });
  }
  return lost.map((x) => x.p);
}
