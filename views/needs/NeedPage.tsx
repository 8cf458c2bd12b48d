import { formatDateTime, formatIdr } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';
import type { Reason } from '../../src/matching/reasons.js';
import { ActionButton } from '../events/parts.js';
import { MatchList, type MatchListProps } from '../matching/MatchList.js';
import { Area, type FormValues, Input, one } from './fields.js';
import type { AuditLineView, InvitationView, NeedView, ResponseView } from './models.js';
import { type Label, localized, NeedFacts, ReasonList, StatusBadge } from './parts.js';

export interface OwnSupplier {
  supplierId: string;
  supplierName: string;
  score: number | null;
  reasons: Reason[];
  response: ResponseView | null;
}

export interface NeedPageProps {
  t: T;
  locale: Locale;
  need: NeedView;
  label: Label;
  buyer: boolean;
  matches: Omit<MatchListProps, 't' | 'locale' | 'needId'> | null;
  responses: ResponseView[] | null;
  own: OwnSupplier[];
  invitations: InvitationView[] | null;
  audit: AuditLineView[] | null;
  values: FormValues;
  errors: Record<string, string>;
}

/** One need: what it asks for, the buyer's actions, matches, responses; a supplier's answer form. */
export function NeedPage(p: NeedPageProps) {
  const { t, locale, need } = p;
  const { title, description } = localized(need, locale);
  return (
    <article id="need">
      <p>
        <a href="/needs">← {t('needs.list_title')}</a>
      </p>
      <h1>
        {title} <StatusBadge t={t} need={need} />
      </h1>
      <p class="need-description">{description}</p>
      <NeedFacts t={t} locale={locale} need={need} label={p.label} />
      <p>
        <a href={`/needs/${need.id}/quotes`} class="rfq-link">
          {t('rfq.link')}
        </a>
      </p>
      {p.buyer ? <BuyerActions t={t} need={need} /> : null}
      {p.own.map((o) => (
        <SupplierAnswer t={t} locale={locale} need={need} own={o} values={p.values} errors={p.errors} />
      ))}
      {p.responses && p.buyer ? <Responses t={t} locale={locale} need={need} rows={p.responses} /> : null}
      {p.invitations ? <Invitations t={t} need={need} rows={p.invitations} buyer={p.buyer} /> : null}
      {p.matches ? <MatchList t={t} locale={locale} needId={need.id} {...p.matches} /> : null}
      {p.audit ? <Audit t={t} locale={locale} rows={p.audit} /> : null}
    </article>
  );
}

function BuyerActions({ t, need }: { t: T; need: NeedView }) {
  return (
    <div class="actions need-actions">
      {need.status !== 'closed' ? (
        <a href={`/needs/${need.id}/edit`} class="cta secondary">
          {t('needs.edit')}
        </a>
      ) : null}
      {need.status === 'draft' ? (
        <ActionButton action={`/needs/${need.id}/open`} label={t('needs.open')} />
      ) : null}
      {need.status === 'open' ? (
        <ActionButton
          action={`/needs/${need.id}/close`}
          label={t('needs.close_awarded')}
          fields={{ reason: 'awarded' }}
        />
      ) : null}
      {need.status !== 'closed' ? (
        <ActionButton
          action={`/needs/${need.id}/close`}
          label={t('needs.close_cancelled')}
          fields={{ reason: 'cancelled' }}
          secondary
        />
      ) : null}
      <a href={`/needs/${need.id}/compare`}>{t('needs.compare')}</a>
    </div>
  );
}

function SupplierAnswer(props: {
  t: T;
  locale: Locale;
  need: NeedView;
  own: OwnSupplier;
  values: FormValues;
  errors: Record<string, string>;
}) {
  const { t, locale, need, own, values, errors } = props;
  const r = own.response;
  return (
    <section id="respond" class="respond">
      <h2>{t('needs.answer_title', { supplier: own.supplierName })}</h2>
      {own.score !== null ? <p>{t('needs.your_score', { score: own.score })}</p> : null}
      <ReasonList reasons={own.reasons} />
      {r ? (
        <p role="status">
          {r.interested
            ? t('needs.you_interested')
            : t('needs.you_not_interested', { reason: r.reason ?? '' })}
          {r.indicativePriceIdr ? ` · ${formatIdr(BigInt(r.indicativePriceIdr), locale)}` : ''}
        </p>
      ) : need.status === 'open' ? (
        <div class="grid">
          <form method="post" action={`/needs/${need.id}/respond`}>
            <input type="hidden" name="supplier_id" value={own.supplierId} />
            <input type="hidden" name="interested" value="true" />
            <h3>{t('needs.interest_title')}</h3>
            <Area
              name="message"
              label={t('needs.field.message')}
              value={one(values, 'message')}
              error={errors.message}
            />
            <Input
              name="indicative_price_idr"
              label={t('needs.field.indicative_price')}
              hint={t('needs.field.target_price_hint')}
              value={one(values, 'indicative_price_idr')}
              error={errors.indicative_price_idr}
            />
            <button type="submit">{t('needs.express_interest')}</button>
          </form>
          <form method="post" action={`/needs/${need.id}/respond`}>
            <input type="hidden" name="supplier_id" value={own.supplierId} />
            <input type="hidden" name="interested" value="false" />
            <h3>{t('needs.decline_title')}</h3>
            <Input
              name="reason"
              label={t('needs.field.reason')}
              value={one(values, 'reason')}
              error={errors.reason}
            />
            <button type="submit" class="secondary">
              {t('needs.not_interested')}
            </button>
          </form>
        </div>
      ) : (
        <p class="muted">{t('needs.not_open')}</p>
      )}
    </section>
  );
}

function Responses({
  t,
  locale,
  need,
  rows,
}: {
  t: T;
  locale: Locale;
  need: NeedView;
  rows: ResponseView[];
}) {
  const interested = rows.filter((r) => r.interested);
  const declined = rows.filter((r) => !r.interested);
  return (
    <section id="responses">
      <h2>{t('needs.responses_title', { n: interested.length })}</h2>
      {interested.length === 0 ? <p class="muted">{t('needs.no_responses')}</p> : null}
      <ul class="responses">
        {interested.map((r) => (
          <li id={`response-${r.supplierId}`}>
            <a href={`/suppliers/${r.supplierId}`}>
              <strong>{r.supplierName}</strong>
            </a>
            {r.indicativePriceIdr ? ` · ${formatIdr(BigInt(r.indicativePriceIdr), locale)}` : ''}
            {r.shortlisted ? <span class="badge">{t('needs.shortlisted')}</span> : null}
            <p>{r.message}</p>
            {r.shortlisted ? (
              <ActionButton
                action={`/needs/${need.id}/shortlist/${r.supplierId}/remove`}
                label={t('needs.unshortlist')}
                secondary
              />
            ) : (
              <ActionButton
                action={`/needs/${need.id}/shortlist/${r.supplierId}`}
                label={t('needs.shortlist')}
              />
            )}
          </li>
        ))}
      </ul>
      {declined.length ? (
        <details>
          <summary>{t('needs.declined_title', { n: declined.length })}</summary>
          <ul>
            {declined.map((r) => (
              <li>
                {r.supplierName}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function Invitations({
  t,
  need,
  rows,
  buyer,
}: {
  t: T;
  need: NeedView;
  rows: InvitationView[];
  buyer: boolean;
}) {
  return (
    <section id="invitations">
      <h2>{t('needs.invitations_title')}</h2>
      {rows.length === 0 ? <p class="muted">{t('needs.no_invitations')}</p> : null}
      <ul>
        {rows.map((r) => (
          <li>{r.supplierName}</li>
        ))}
      </ul>
      {buyer && need.status !== 'closed' ? <p class="muted">{t('needs.invite_hint')}</p> : null}
    </section>
  );
}

function Audit({ t, locale, rows }: { t: T; locale: Locale; rows: AuditLineView[] }) {
  return (
    <details id="audit">
      <summary>{t('needs.audit_title')}</summary>
      <ul>
        {rows.map((a) => (
          <li>
            {formatDateTime(a.at, 'Asia/Jakarta', locale)} · {a.actorName ?? '—'} ·{' '}
            {t(`needs.audit.${a.action}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}
