import type { T } from '../../src/i18n/index.js';
import type { MeetingRequestTarget } from '../../src/needs/meetings.js';
import { BuyerActions, type BuyerActionsView } from '../directory/BuyerActions.js';

export interface CompareColumn {
  supplierId: string;
  name: string;
  meeting: MeetingRequestTarget;
  /** Row key → shown value, in the order of COMPARE_ROWS. */
  cells: Record<(typeof COMPARE_ROWS)[number], string>;
}

export const COMPARE_ROWS = [
  'score',
  'distance',
  'place',
  'status',
  'processes',
  'materials',
  'certs',
  'tkdn',
  'capacity',
  'employees',
  'founded',
  'price',
  'message',
] as const;

export interface CompareProps {
  t: T;
  needId: string;
  needTitle: string;
  columns: CompareColumn[];
  defaultMessage: string;
  /** Invite, event meeting requests and WhatsApp per supplier (the buyer's context). */
  buyer?: { ctx: BuyerActionsView; whatsapp: ReadonlyMap<string, string> } | null;
}

/** Shortlisted suppliers side by side, each with a form to propose a meeting. */
export function ComparePage({ t, needId, needTitle, columns, defaultMessage, buyer }: CompareProps) {
  return (
    <section id="compare">
      <p>
        <a href={`/needs/${needId}#responses`}>← {needTitle}</a>
      </p>
      <h1>{t('needs.compare_title')}</h1>
      {columns.length === 0 ? <p>{t('needs.compare_empty')}</p> : null}
      {columns.length ? (
        <div class="table-scroll">
          <table class="compare">
            <thead>
              <tr>
                <td />
                {columns.map((c) => (
                  <th scope="col">
                    <a href={`/suppliers/${c.supplierId}`}>{c.name}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {COMPARE_ROWS.map((row) => (
                <tr>
                  <th scope="row">{t(`needs.compare.${row}`)}</th>
                  {columns.map((c) => (
                    <td>{c.cells[row]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {columns.map((c) => (
        <details class="meeting-request">
          <summary>{t('needs.meeting.start', { supplier: c.name })}</summary>
          <form method="post" action={c.meeting.action}>
            <input type="hidden" name="from_org" value={c.meeting.fields.from_org} />
            <input type="hidden" name="to_org" value={c.meeting.fields.to_org} />
            <div class="grid">
              <label>
                {t('needs.meeting.date')}
                <input type="date" name="date" required />
              </label>
              <label>
                {t('needs.meeting.start_time')}
                <input type="time" name="start" required />
              </label>
              <label>
                {t('needs.meeting.minutes')}
                <input type="number" name="minutes" min="10" max="480" value="60" required />
              </label>
              <label>
                {t('needs.meeting.timezone')}
                <select name="timezone">
                  {c.meeting.zones.map((z) => (
                    <option value={z}>{t(`needs.zone.${z}`)}</option>
                  ))}
                </select>
              </label>
            </div>
            <label>
              {t('needs.meeting.place')}
              <input name="place" />
            </label>
            <label>
              {t('needs.meeting.online_url')}
              <input name="online_url" type="url" inputmode="url" placeholder="https://" />
            </label>
            <label>
              {t('needs.meeting.message')}
              <textarea name="message" rows={2}>
                {defaultMessage}
              </textarea>
            </label>
            <small class="muted">{t('needs.meeting.hint')}</small>
            <button type="submit">{t('needs.meeting.submit')}</button>
          </form>
        </details>
      ))}
      {buyer
        ? columns.map((c) => (
            <BuyerActions
              t={t}
              ctx={buyer.ctx}
              supplierId={c.supplierId}
              supplierName={c.name}
              whatsapp={buyer.whatsapp.get(c.supplierId) ?? null}
              next={`/needs/${needId}/compare`}
            />
          ))
        : null}
    </section>
  );
}
