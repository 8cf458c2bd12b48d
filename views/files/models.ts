/*
 * View models of files: what a page needs to link to or show a file, never its storage key.
 * Repository rows are wider and assignable to these, so routes pass them as they are.
 */

/** A stored file as pages link to it. */
export interface FileMetaView {
  readonly id: string;
  readonly filename: string;
  readonly mime: string;
  readonly sizeBytes: number;
  readonly createdAt: Date;
}

/** Where a gallery item is shown. */
export type MediaKindView = 'photo' | 'portfolio';

/** A photo or portfolio item of a supplier's gallery. */
export interface MediaItemView extends FileMetaView {
  readonly kind: MediaKindView;
  readonly caption: string | null;
  readonly position: number;
}
