import { buildSynonymTable, type SynonymTable } from '../../search/synonyms.js';
import type { Sql } from '../db/client.js';
import type { Locale } from '../i18n/index.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import { loadTaxonomy, type Taxonomy } from '../taxonomy/service.js';
import { buildTermTree, type TermTree } from './term-tree.js';

/** The taxonomy as matching uses it: parent links, synonyms in both languages, labels. */
export interface Vocabulary {
  taxonomy: Taxonomy;
  tree: TermTree;
  synonyms: SynonymTable;
  label(kind: TermKind, slug: string, locale: Locale): string;
}

const cache = new WeakMap<Sql, { at: number; vocabulary: Promise<Vocabulary> }>();
const TTL_MS = 10_000;

/** Loads the active taxonomy at most every ten seconds (admins edit it rarely). */
export function loadVocabulary(sql: Sql): Promise<Vocabulary> {
  const hit = cache.get(sql);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.vocabulary;
  const vocabulary = loadTaxonomy(sql).then((taxonomy) => ({
    taxonomy,
    tree: buildTermTree(taxonomy.terms),
    synonyms: buildSynonymTable(taxonomy.terms),
    label: taxonomy.label,
  }));
  cache.set(sql, { at: Date.now(), vocabulary });
  vocabulary.catch(() => cache.delete(sql));
  return vocabulary;
}
