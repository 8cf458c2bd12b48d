/*
 * View models of the import pages: only the fields they read. The service's and repositories'
 * results are wider and assignable to these, so routes pass them as they are, yet the views
 * never name a repository. Field names come from the import's own field list.
 */
import type { ImportField } from '../../src/imports/fields.js';

/** Where an import job stands. */
export type ImportStatusView = 'pending' | 'running' | 'done' | 'failed';

/** What became of one sheet row. */
export type RowOutcomeView = 'created' | 'updated' | 'unchanged' | 'rejected';

/** A finding on one sheet row (`imports.e.<code>` is its message). */
export interface RowIssueView {
  readonly row: number;
  readonly field: ImportField | 'row';
  readonly code: string;
  readonly value?: string;
  readonly severity: 'error' | 'warning';
}

/** How many rows had each outcome. */
export type OutcomeCountsView = { readonly [o in RowOutcomeView]: number };

/** An import as its page and progress fragment show it. */
export interface ImportView extends OutcomeCountsView {
  readonly id: string;
  readonly filename: string;
  readonly status: ImportStatusView;
  readonly totalRows: number;
  readonly processedRows: number;
  readonly errors: readonly RowIssueView[];
  readonly failure: string | null;
  readonly createdAt: Date;
}

/** An import in the office's list, with its counts and who uploaded it. */
export interface ImportListItemView extends OutcomeCountsView {
  readonly id: string;
  readonly filename: string;
  readonly status: ImportStatusView;
  readonly createdAt: Date;
  readonly creatorName: string | null;
}

/** One row of a finished import's result table. */
export interface RowOutcomeItemView {
  readonly row: number;
  readonly outcome: RowOutcomeView;
  readonly supplierId: string | null;
  readonly legalName: string | null;
  readonly note: string | null;
  /** True when a claim link can still be made: an unclaimed binaan supplier. */
  readonly claimable: boolean;
}

/** The preview of a mapping: counts, the first rows with their cells, and all findings. */
export interface PreviewView {
  readonly headers: readonly string[];
  /** The field of each column, or null for an ignored one. */
  readonly mapping: readonly (ImportField | null)[];
  readonly mappingErrors: Readonly<Record<string, string>>;
  readonly rows: readonly {
    readonly row: number;
    readonly ok: boolean;
    readonly issues: readonly RowIssueView[];
    readonly cells: string[];
  }[];
  readonly total: number;
  readonly valid: number;
  readonly withWarnings: number;
  readonly invalid: number;
  readonly issues: readonly RowIssueView[];
}
