import type { T } from '../../src/i18n/index.js';
import { Field, FormErrors } from '../components/form.js';

/** A drawing or specification as the RFQ page lists it. */
export interface AttachmentView {
  id: string;
  filename: string;
  size: string;
}

/** One quote, formatted for the reader (rupiah, dates, numbers). */
export interface QuoteView {
  id: string;
  supplierId: string;
  supplierName: string;
  unitPrice: string;
  minOrder: string;
  leadTime: string;
  validUntil: string;
  total: string;
  notes: string | null;
  file: { id: string; filename: string } | null;
  version: number;
  awarded: boolean;
}

export interface QuotesPageProps {
  t: T;
  needId: string;
  needTitle: string;
  /** The buyer: uploads drawings, compares and awards. */
  buyer: boolean;
  open: boolean;
  award: { supplierName: string; value: string } | null;
  attachments: AttachmentView[];
  quotes: QuoteView[];
  /** The viewer's supplier organisations that may quote (empty for buyers and staff). */
  quoting: { id: string; name: string }[];
  accept: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

function Attachments({ t, needId, buyer, open, attachments, accept, errors }: QuotesPageProps) {
  return (
    <article id="attachments">
      <h2>{t('rfq.attachments')}</h2>
      {attachments.length === 0 ? <p>{t('rfq.no_attachments')}</p> : null}
      <ul>
        {attachments.map((a) => (
          <li>
            <a href={`/needs/${needId}/files/${a.id}`}>{a.filename}</a> <small class="muted">{a.size}</small>
            {buyer ? (
              <form method="post" action={`/needs/${needId}/attachments/${a.id}/delete`} class="inline">
                <button type="submit" class="secondary outline">
                  {t('rfq.remove')}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {buyer && open ? (
        <form method="post" action={`/needs/${needId}/attachments`} enctype="multipart/form-data">
          <Field
            name="file"
            type="file"
            label={t('rfq.file')}
            hint={t('rfq.file_hint')}
            error={errors.file}
            required
            attrs={{ accept }}
          />
          <button type="submit">{t('rfq.upload')}</button>
        </form>
      ) : null}
    </article>
  );
}

function QuoteCard({ t, q, p }: { t: T; q: QuoteView; p: QuotesPageProps }) {
  return (
    <article class="quote-card" id={`quote-${q.id}`}>
      <header>
        <strong>{q.supplierName}</strong>
        {q.awarded ? <mark> {t('rfq.awarded_badge')}</mark> : null}
      </header>
      <dl>
        <dt>{t('rfq.unit_price')}</dt>
        <dd>{q.unitPrice}</dd>
        <dt>{t('rfq.total')}</dt>
        <dd>{q.total}</dd>
        <dt>{t('rfq.min_order')}</dt>
        <dd>{q.minOrder}</dd>
        <dt>{t('rfq.lead_time')}</dt>
        <dd>{q.leadTime}</dd>
        <dt>{t('rfq.valid_until')}</dt>
        <dd>{q.validUntil}</dd>
        <dt>{t('rfq.notes')}</dt>
        <dd>{q.notes ?? '—'}</dd>
        <dt>{t('rfq.version')}</dt>
        <dd>{String(q.version)}</dd>
      </dl>
      {q.file ? (
        <p>
          <a href={`/needs/${p.needId}/files/${q.file.id}`}>{q.file.filename}</a>
        </p>
      ) : null}
      {p.buyer && p.open ? (
        <form method="post" action={`/needs/${p.needId}/award`}>
          <input type="hidden" name="quote_id" value={q.id} />
          <label for={`award-value-${q.id}`}>
            {t('rfq.award_value')}
            <input id={`award-value-${q.id}`} name="value_idr" inputmode="numeric" />
            <small>{t('rfq.award_value_hint')}</small>
          </label>
          <button type="submit">{t('rfq.award', { supplier: q.supplierName })}</button>
        </form>
      ) : null}
    </article>
  );
}

function QuoteForm({ t, needId, quoting, values, errors, accept }: QuotesPageProps) {
  return (
    <form method="post" action={`/needs/${needId}/quotes`} enctype="multipart/form-data" id="quote-form">
      <h2>{t('rfq.quote_form')}</h2>
      <FormErrors message={errors._ ?? null} />
      {quoting.length > 1 ? (
        <label for="f-supplier_id">
          {t('rfq.as_supplier')}
          <select id="f-supplier_id" name="supplier_id">
            {quoting.map((s) => (
              <option value={s.id} selected={values.supplier_id === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div class="grid-2">
        <Field
          name="unit_price_idr"
          label={t('rfq.unit_price')}
          value={values.unit_price_idr}
          error={errors.unit_price_idr}
          hint={t('rfq.price_hint')}
          required
        />
        <Field
          name="min_order"
          label={t('rfq.min_order')}
          value={values.min_order}
          error={errors.min_order}
          required
          attrs={{ inputmode: 'decimal' }}
        />
        <Field
          name="lead_time_days"
          label={t('rfq.lead_time_days')}
          type="number"
          value={values.lead_time_days}
          error={errors.lead_time_days}
          required
          attrs={{ min: '1', max: '730' }}
        />
        <Field
          name="valid_until"
          label={t('rfq.valid_until')}
          type="date"
          value={values.valid_until}
          error={errors.valid_until}
          required
        />
      </div>
      <label for="f-notes">
        {t('rfq.notes')}
        <textarea id="f-notes" name="notes" rows={3} maxlength={2000}>
          {values.notes ?? ''}
        </textarea>
        {errors.notes ? <small class="field-error">{errors.notes}</small> : null}
      </label>
      <Field
        name="file"
        type="file"
        label={t('rfq.quote_file')}
        hint={t('rfq.file_hint')}
        error={errors.file}
        attrs={{ accept }}
      />
      <button type="submit">{t('rfq.submit_quote')}</button>
    </form>
  );
}

/** Drawings and quotes of a need: the buyer compares (cards, side by side on wide screens) and awards. */
export function QuotesPage(p: QuotesPageProps) {
  const { t } = p;
  return (
    <section id="rfq">
      <p>
        <a href={`/needs/${p.needId}`}>← {p.needTitle}</a>
      </p>
      <h1>{t('rfq.title')}</h1>
      {p.award ? (
        <p role="status" class="notice">
          {t('rfq.awarded_to', { supplier: p.award.supplierName, value: p.award.value })}
        </p>
      ) : null}
      <Attachments {...p} />
      <h2>{t('rfq.quotes')}</h2>
      {p.quotes.length === 0 ? <p>{t('rfq.no_quotes')}</p> : null}
      <div class="grid-2 quote-cards">
        {p.quotes.map((q) => (
          <QuoteCard t={t} q={q} p={p} />
        ))}
      </div>
      {p.quoting.length && p.open ? <QuoteForm {...p} /> : null}
    </section>
  );
}
