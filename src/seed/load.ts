import { randomUUID } from 'node:crypto';
import type { Db, Sql, Tx } from '../db/client.js';
import { normalizeName } from '../suppliers/normalize.js';
import type { SupplierSeed } from './demo-suppliers.js';

export interface LoadOptions {
  batchSize?: number;
  /** Facilitator office per province code, recorded as the supplier's binaan office. */
  binaanByProvince?: Record<string, string>;
  verifiedBy?: string | null;
  verifiedAt?: Date;
  /** Use this organisation (already existing) for the first seed instead of creating one. */
  firstOrgId?: string;
  onProgress?: (done: number) => void;
}

/**
 * Bulk-loads supplier seeds: organisations, profiles, certifications and contacts in
 * multi-row inserts per batch (one transaction each). Used for the demo data and for
 * `seed --synthetic N`, which must handle 100,000 suppliers in well under two minutes.
 * Given a transaction, it loads inside it (the demo seed is all-or-nothing).
 */
export async function loadSupplierSeeds(
  sql: Sql | Tx,
  seeds: Iterable<SupplierSeed>,
  opts: LoadOptions = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 2000;
  let batch: SupplierSeed[] = [];
  let done = 0;
  let first = true;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const ids: string[] = rows.map(() => randomUUID());
    if (first && opts.firstOrgId) ids[0] = opts.firstOrgId;
    const skipFirstOrg = first && !!opts.firstOrgId;
    first = false;
    const inTx = (fn: (tx: Tx) => Promise<void>) =>
      'savepoint' in sql ? fn(sql as Tx) : (sql as Sql).begin(fn);
    await inTx(async (tx) => {
      const orgs = rows
        .map((s, i) => ({ id: ids[i]!, name: s.legalName, kind: 'supplier' }))
        .slice(skipFirstOrg ? 1 : 0);
      if (orgs.length) await tx`insert into organizations ${tx(orgs, 'id', 'name', 'kind')}`;
      const suppliers = rows.map((s, i) => ({
        ...supplierRow(s, ids[i]!, opts),
        machines: tx.json(s.machines as never),
      }));
      const columns = Object.keys(suppliers[0]!) as (keyof (typeof suppliers)[number])[];
      await tx`insert into suppliers ${tx(suppliers, columns)}`;
      const certs = rows.flatMap((s, i) =>
        s.certifications.map((c) => ({
          supplierId: ids[i]!,
          type: c.type,
          number: c.number,
          issuer: c.issuer,
          validUntil: c.validUntil,
          tkdnPercent: c.tkdnPercent,
        })),
      );
      for (let i = 0; i < certs.length; i += 5000) {
        const part = certs.slice(i, i + 5000);
        await tx`insert into supplier_certifications ${tx(part, 'supplierId', 'type', 'number', 'issuer', 'validUntil', 'tkdnPercent')}`;
      }
      const contacts = rows.flatMap((s, i) =>
        s.contacts.map((c, position) => ({
          supplierId: ids[i]!,
          name: c.name,
          role: c.role,
          phone: c.phone,
          email: c.email,
          position,
        })),
      );
      for (let i = 0; i < contacts.length; i += 5000) {
        const part = contacts.slice(i, i + 5000);
        await tx`insert into supplier_contacts ${tx(part, 'supplierId', 'name', 'role', 'phone', 'email', 'position')}`;
      }
    });
    done += rows.length;
    opts.onProgress?.(done);
  };
  for (const s of seeds) {
    batch.push(s);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return done;
}

function supplierRow(s: SupplierSeed, id: string, opts: LoadOptions) {
  const verified = s.status === 'verified';
  return {
    organizationId: id,
    legalName: s.legalName,
    tradingName: s.tradingName,
    nameNorm: normalizeName(s.legalName),
    nib: s.nib,
    kbli: s.kbli,
    yearFounded: s.yearFounded,
    employees: s.employees,
    descriptionId: s.descriptionId,
    descriptionEn: s.descriptionEn,
    provinceCode: s.provinceCode,
    regencyCode: s.regencyCode,
    address: s.address,
    lat: s.lat,
    lon: s.lon,
    processes: s.processes,
    materials: s.materials,
    productCategories: s.productCategories,
    sectors: s.sectors,
    products: s.products,
    capacityAmount: s.capacity?.amount ?? null,
    capacityUnit: s.capacity?.unit ?? null,
    maxPart: s.maxPart,
    status: s.status,
    statusReason: s.status === 'rejected' || s.status === 'suspended' ? 'Data belum lengkap (demo)' : null,
    verifiedAt: verified ? (opts.verifiedAt ?? new Date()) : null,
    verifiedBy: verified ? (opts.verifiedBy ?? null) : null,
    binaanOf: opts.binaanByProvince?.[s.provinceCode] ?? null,
  };
}

/**
 * Synthetic suppliers carry NIBs starting with 5 (see synthetic.ts); counting them lets the CLI
 * refuse to seed a database twice, which would collide on the generated names.
 */
export async function countSyntheticSuppliers(db: Db): Promise<number> {
  const [row]: [{ n: number }?] = await db`select count(*)::int as n from suppliers where nib like '5%'`;
  return row?.n ?? 0;
}

/** Refreshes the planner's statistics after a bulk load, so the first searches use the indexes. */
export async function analyzeSuppliers(db: Db): Promise<void> {
  await db`analyze suppliers`;
}
