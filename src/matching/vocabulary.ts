import { buildSynonymTable, type SynonymTable } from '../../search/synonyms.js';
import type { Sql } from '../db/client.js';
import type { Locale } from '../i18n/index.js';
import { cachedTaxonomy } from '../taxonomy/cache.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import type { Taxonomy } from '../taxonomy/service.js';
import { buildTermTree, type TermTree } from './term-tree.js';

/** The taxonomy as matching uses it: parent links, synonyms in both languages, labels. */
export interface Vocabulary {
  taxonomy: Taxonomy;
  tree: TermTree;
  synonyms: SynonymTable;
  label(kind: TermKind, slug: string, locale: Locale): string;
}

/** Derived once per loaded taxonomy: a new taxonomy (edited, or expired from the cache) is a new key. */
const derived = new WeakMap<Taxonomy, Vocabulary>();

/** The shared taxonomy (src/taxonomy/cache.ts) with matching's parent links and synonym table. */
export async function loadVocabulary(sql: Sql): Promise<Vocabulary> {
  const taxonomy = await cachedTaxonomy(sql);
  let vocabulary = derived.get(taxonomy);
  if (!vocabulary) {
    vocabulary = {
      taxonomy,
      tree: buildTermTree(taxonomy.terms),
      synonyms: buildSynonymTable(taxonomy.terms),
      label: taxonomy.label,
    };
    derived.set(taxonomy, vocabulary);
  }
  return vocabulary;
}
