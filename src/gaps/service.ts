import type { Db, Sql } from '../db/client.js';
import { Invalid } from '../errors.js';
import { todayIso } from '../suppliers/normalize.js';
import { cachedTaxonomy } from '../taxonomy/cache.js';
import {
  type DemandNeedRow,
  findEstateBySlug,
  type GapEstateRow,
  listEstateNeeds,
  listTenantSectors,
  listVerifiedSuppliersNear,
} from './repo.js';
import { inputsOfSector } from './sector-inputs.js';
import { assess, type Lack, narrowerTerms, type Requirement } from './supply.js';

/** No qualified supplier in reach; one or two (fragile); three or more. */
export type GapLevel = 'none' | 'thin' | 'covered';

export interface PartialSupplier {
  id: string;
  name: string;
  regencyName: string | null;
  distanceKm: number;
  lacks: Lack[];
}

export interface GapRow {
  requirement: Requirement;
  /** Needs asking for it (open and closed), those still open, and those nobody answered. */
  needs: number;
  openNeeds: number;
  unmatchedNeeds: number;
  /** Tenants whose sector typically buys it (curated table). */
  tenants: number;
  qualified: number;
  level: GapLevel;
  partial: PartialSupplier[];
}

export interface GapMap {
  estate: GapEstateRow;
  radiusKm: number;
  asOf: string;
  suppliersInReach: number;
  rows: GapRow[];
}

/** Partial suppliers shown per gap: enough to plan a training or certification round. */
export const PARTIAL_LIMIT = 3;

const keyOf = (r: Requirement) =>
  [r.kind, r.slug, [...r.materials].sort().join('+'), [...r.certs].sort().join('+'), r.minTkdn ?? ''].join(
    '|',
  );

/** A need's demand lines: one per process, or its product category when it names no process. */
function needLines(n: DemandNeedRow): Requirement[] {
  const base = {
    materials: n.materials,
    certs: n.requiredCerts,
    minTkdn: n.minTkdn === null ? null : Number(n.minTkdn),
  };
  if (n.processes.length) return n.processes.map((slug) => ({ kind: 'process' as const, slug, ...base }));
  return n.productCategory ? [{ kind: 'product_category', slug: n.productCategory, ...base }] : [];
}

interface Tally {
  requirement: Requirement;
  needs: Set<string>;
  open: Set<string>;
  unmatched: Set<string>;
  tenants: Set<string>;
}

/** Demand lines from needs and tenants' sectors, merged where they ask exactly the same thing. */
async function collectDemand(db: Db, estateId: string): Promise<Tally[]> {
  const [needs, tenants] = await Promise.all([
    listEstateNeeds(db, estateId),
    listTenantSectors(db, estateId),
  ]);
  const byKey = new Map<string, Tally>();
  const tally = (r: Requirement) => {
    const key = keyOf(r);
    let t = byKey.get(key);
    if (!t) {
      t = { requirement: r, needs: new Set(), open: new Set(), unmatched: new Set(), tenants: new Set() };
      byKey.set(key, t);
    }
    return t;
  };
  for (const n of needs)
    for (const r of needLines(n)) {
      const t = tally(r);
      t.needs.add(n.id);
      if (n.status === 'open') t.open.add(n.id);
      if (n.unmatched) t.unmatched.add(n.id);
    }
  for (const tenant of tenants)
    for (const sector of tenant.sectors)
      for (const input of inputsOfSector(sector))
        tally({ ...input, materials: [...input.materials], certs: [...input.certs] }).tenants.add(
          tenant.organizationId,
        );
  return [...byKey.values()];
}

const LEVEL_ORDER: Record<GapLevel, number> = { none: 0, thin: 1, covered: 2 };

/**
 * The supply-chain gap map of an estate: for each capability its tenants need (from their needs
 * and the typical inputs of their sectors), how many verified suppliers within `radiusKm` qualify,
 * and the nearest partial suppliers with what they lack. Gaps first: none in reach, then one or two.
 */
export async function buildGapMap(db: Sql, slug: string, radiusKm: number, now: Date): Promise<GapMap> {
  const estate = await findEstateBySlug(db, slug);
  if (!estate) throw new Invalid({ estate: 'v.gaps.unknown_estate' });
  const [demand, supply, taxonomy] = await Promise.all([
    collectDemand(db, estate.id),
    listVerifiedSuppliersNear(db, estate, radiusKm),
    cachedTaxonomy(db),
  ]);
  const narrower = narrowerTerms(taxonomy.terms);
  const today = todayIso(now);
  const rows = demand.map((d): GapRow => {
    let qualified = 0;
    const partial: PartialSupplier[] = [];
    for (const s of supply) {
      const { lacks, shares } = assess(s, d.requirement, narrower, today);
      if (lacks.length === 0) qualified++;
      else if (shares)
        partial.push({
          id: s.organizationId,
          name: s.name,
          regencyName: s.regencyName,
          distanceKm: s.distanceKm,
          lacks,
        });
    }
    partial.sort((a, b) => a.lacks.length - b.lacks.length || a.distanceKm - b.distanceKm);
    const level: GapLevel = qualified === 0 ? 'none' : qualified <= 2 ? 'thin' : 'covered';
    return {
      requirement: d.requirement,
      needs: d.needs.size,
      openNeeds: d.open.size,
      unmatchedNeeds: d.unmatched.size,
      tenants: d.tenants.size,
      qualified,
      level,
      partial: partial.slice(0, PARTIAL_LIMIT),
    };
  });
  rows.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.qualified - b.qualified ||
      b.needs + b.tenants - (a.needs + a.tenants) ||
      keyOf(a.requirement).localeCompare(keyOf(b.requirement)),
  );
  return { estate, radiusKm, asOf: today, suppliersInReach: supply.length, rows };
}
