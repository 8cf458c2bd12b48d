import type { Db } from '../db/client.js';
import type { ReportFilter } from './schema.js';

export interface AwardTotals {
  count: number;
  /** bigint as text. */
  valueIdr: string;
}

/**
 * RFQ awards (issue #12) in the report's scope: each awarded need is one deal outside the meeting
 * records, on its award day in WIB, with the winning supplier's province, regency and sectors and
 * the need's estate. Awards belong to no event or office, so a report scoped to either has none.
 * Kept apart from the meeting figures, so those stay exactly what the official records say.
 */
export async function queryAwardTotals(db: Db, f: ReportFilter): Promise<AwardTotals> {
  if (f.event || f.office) return { count: 0, valueIdr: '0' };
  const [row] = await db<AwardTotals[]>`
    select count(*)::int as count, coalesce(sum(n.award_value_idr), 0)::text as value_idr
    from needs n
    join suppliers s on s.organization_id = n.awarded_supplier_id
    left join estates e on e.id = n.estate_id
    where n.awarded_at is not null
      ${f.from ? db`and (n.awarded_at at time zone 'Asia/Jakarta')::date >= ${f.from}::date` : db``}
      ${f.to ? db`and (n.awarded_at at time zone 'Asia/Jakarta')::date <= ${f.to}::date` : db``}
      ${f.province ? db`and s.province_code = ${f.province}` : db``}
      ${f.regency ? db`and s.regency_code = ${f.regency}` : db``}
      ${f.sector ? db`and ${f.sector} = any(s.sectors)` : db``}
      ${f.estate ? db`and e.slug = ${f.estate}` : db``}`;
  return row!;
}
