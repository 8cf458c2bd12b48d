import type { Db } from '../db/client.js';
import type { TermKind } from './dictionary.js';

export interface TermRow {
  kind: TermKind;
  slug: string;
  labelId: string;
  labelEn: string;
  synonymsId: string[];
  synonymsEn: string[];
  parentSlug: string | null;
  active: boolean;
}

export function listTerms(db: Db, opts: { activeOnly?: boolean } = {}): Promise<TermRow[]> {
  return db<TermRow[]>`
    select kind, slug, label_id, label_en, synonyms_id, synonyms_en, parent_slug, active
    from taxonomy_terms ${opts.activeOnly ? db`where active` : db``}
    order by kind, label_id`;
}

export async function findTerm(db: Db, kind: TermKind, slug: string): Promise<TermRow | null> {
  const [row]: [TermRow?] = await db`select * from taxonomy_terms where kind = ${kind} and slug = ${slug}`;
  return row ?? null;
}

export async function upsertTerm(db: Db, t: Omit<TermRow, 'active'> & { active?: boolean }): Promise<void> {
  await db`
    insert into taxonomy_terms (kind, slug, label_id, label_en, synonyms_id, synonyms_en, parent_slug, active)
    values (${t.kind}, ${t.slug}, ${t.labelId}, ${t.labelEn}, ${t.synonymsId}, ${t.synonymsEn}, ${t.parentSlug}, ${t.active ?? true})
    on conflict (kind, slug) do update set label_id = excluded.label_id, label_en = excluded.label_en,
      synonyms_id = excluded.synonyms_id, synonyms_en = excluded.synonyms_en, parent_slug = excluded.parent_slug,
      active = excluded.active, updated_at = now()`;
}
