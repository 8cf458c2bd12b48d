/*
 * View models of the admin pages: only the fields they read. The admin service's results are
 * wider and assignable to these, so routes pass them as they are, yet the views name no repo.
 */

/** An industrial estate in the list and the edit form. */
export interface EstateView {
  readonly slug: string;
  readonly name: string;
  readonly regencyCode: string;
  readonly regencyName: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly descriptionId: string | null;
  readonly descriptionEn: string | null;
}

/** A taxonomy term in the list and the edit form. */
export interface TermView {
  readonly slug: string;
  readonly labelId: string;
  readonly labelEn: string;
  readonly synonymsId: readonly string[];
  readonly synonymsEn: readonly string[];
  readonly parentSlug: string | null;
  readonly active: boolean;
}

/** A mail the file mailer wrote, as the outbox lists it. */
export interface MailFileView {
  readonly name: string;
  readonly mtime: Date;
  readonly to: string;
  readonly subject: string;
}

/** A stored message as the mail viewer shows it (the shape of src/mail/parse.ts's ParsedMail). */
export interface MailMessageView {
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  readonly subject: string;
  readonly date: Date | null;
  readonly text: string | null;
  readonly htmlText: string | null;
  readonly attachments: readonly { index: number; filename: string; contentType: string; size: number }[];
  readonly truncated: boolean;
}
