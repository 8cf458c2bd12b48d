import type { Locale, T } from '../../src/i18n/index.js';
import type { completeness } from '../../src/suppliers/completeness.js';
import { whatsappNumber } from '../../src/suppliers/normalize.js';
import type { Taxonomy } from '../../src/taxonomy/service.js';
import { BuyerActions, type BuyerActionsView } from '../directory/BuyerActions.js';
import { MediaGallery } from '../files/MediaGallery.js';
import type { FileMetaView, MediaItemView } from '../files/models.js';
import { type TrackRecordProps, TrackRecordSection } from '../outcomes/TrackRecord.js';
import type { ProfileView } from './models.js';
import { CertificationTable, StatusBadge, TermList } from './parts.js';

export interface ProfilePageProps {
  t: T;
  locale: Locale;
  tax: Taxonomy;
  profile: ProfileView;
  today: string;
  canEdit: boolean;
  isPrivate: boolean;
  isFacilitator: boolean;
  loggedIn: boolean;
  progress: ReturnType<typeof completeness> | null;
  media: MediaItemView[];
  evidence: ReadonlyMap<string, FileMetaView> | null;
  /** Meetings and deals: public summary, plus facilitator-only detail when present. */
  trackRecord?: Pick<TrackRecordProps, 'record' | 'detail'> | null;
  /** Buyer actions (shortlist, invite, meeting, WhatsApp): only for logged-in buyers. */
  buyer?: { ctx: BuyerActionsView; whatsapp: string | null } | null;
}

/** The public profile; the owner also sees completeness, facilitators the decision forms. */
export function ProfilePage(p: ProfilePageProps) {
  const { t, locale, tax, profile } = p;
  const s = profile.supplier;
  const description = locale === 'en' && s.descriptionEn ? s.descriptionEn : s.descriptionId;
  return (
    <section id="supplier-profile">
      <hgroup>
        <h1>{s.tradingName ?? s.legalName}</h1>
        <p>
          {s.tradingName ? `${s.legalName} · ` : ''}
          {[profile.regencyName, profile.provinceName].filter(Boolean).join(', ')}
        </p>
      </hgroup>
      <p>
        <StatusBadge
          t={t}
          locale={locale}
          status={s.status}
          verifiedAt={s.verifiedAt}
          verifierName={profile.verifierName}
          needsReview={p.isPrivate && s.needsReview}
        />
        {p.isPrivate && s.statusReason ? <span class="muted"> · {s.statusReason}</span> : null}
      </p>
      {p.canEdit ? (
        <p>
          <a href={`/suppliers/${s.organizationId}/edit`}>{t('suppliers.edit')}</a>
          {p.isPrivate ? (
            <>
              {' · '}
              <a href={`/suppliers/${s.organizationId}/audit`}>{t('suppliers.audit')}</a>
              {' · '}
              <a href={`/suppliers/${s.organizationId}/naik-kelas`}>{t('naik.timeline_link')}</a>
            </>
          ) : null}
        </p>
      ) : p.isFacilitator ? (
        <p>
          <a href={`/suppliers/${s.organizationId}/audit`}>{t('suppliers.audit')}</a>
          {' · '}
          <a href={`/suppliers/${s.organizationId}/naik-kelas`}>{t('naik.timeline_link')}</a>
        </p>
      ) : null}
      {p.buyer ? (
        <BuyerActions
          t={t}
          ctx={p.buyer.ctx}
          supplierId={s.organizationId}
          supplierName={s.tradingName ?? s.legalName}
          whatsapp={p.buyer.whatsapp}
          next={`/suppliers/${s.organizationId}`}
          open
        />
      ) : null}
      {p.progress ? <Completeness t={t} progress={p.progress} id={s.organizationId} /> : null}
      {p.isFacilitator ? (
        <DecisionForms t={t} id={s.organizationId} status={s.status} needsReview={s.needsReview} />
      ) : null}
      {description ? <p class="description">{description}</p> : null}
      <div class="grid-2">
        <article>
          <h2>{t('suppliers.section.capabilities')}</h2>
          <h3>{t('suppliers.field.processes')}</h3>
          <TermList tax={tax} kind="process" slugs={s.processes} locale={locale} />
          <h3>{t('suppliers.field.materials')}</h3>
          <TermList tax={tax} kind="material" slugs={s.materials} locale={locale} />
          <h3>{t('suppliers.field.product_categories')}</h3>
          <TermList tax={tax} kind="product_category" slugs={s.productCategories} locale={locale} />
          <h3>{t('suppliers.field.sectors')}</h3>
          <TermList tax={tax} kind="sector" slugs={s.sectors} locale={locale} />
          <h3>{t('suppliers.field.products')}</h3>
          <p>{s.products ?? '—'}</p>
        </article>
        <article>
          <h2>{t('suppliers.section.facts')}</h2>
          <dl>
            <dt>NIB</dt>
            <dd>{s.nib ?? '—'}</dd>
            <dt>KBLI</dt>
            <dd>
              {s.kbli.length ? s.kbli.map((k) => `${k} ${tax.label('kbli', k, locale)}`).join('; ') : '—'}
            </dd>
            <dt>{t('suppliers.field.year_founded')}</dt>
            <dd>{s.yearFounded ?? '—'}</dd>
            <dt>{t('suppliers.field.employees')}</dt>
            <dd>{s.employees ?? '—'}</dd>
            <dt>{t('suppliers.field.capacity')}</dt>
            <dd>
              {s.capacityAmount !== null
                ? `${Number(s.capacityAmount).toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB')} ${s.capacityUnit ?? ''}`
                : '—'}
            </dd>
            <dt>{t('suppliers.field.max_part')}</dt>
            <dd>{s.maxPart ?? '—'}</dd>
            <dt>{t('suppliers.field.address')}</dt>
            <dd>
              {s.address ?? '—'}
              {s.lat !== null && s.lon !== null ? (
                <small class="muted">
                  {' '}
                  ({s.lat.toFixed(4)}, {s.lon.toFixed(4)})
                </small>
              ) : null}
            </dd>
          </dl>
        </article>
      </div>
      {p.media.length ? (
        <article>
          <h2>{t('suppliers.section.media')}</h2>
          <MediaGallery t={t} items={p.media} />
        </article>
      ) : null}
      {s.machines.length ? (
        <article>
          <h2>{t('suppliers.field.machines')}</h2>
          <ul>
            {s.machines.map((m) => (
              <li>
                {m.count} × {tax.label('equipment', m.type, locale)}
                {m.notes ? <span class="muted"> · {m.notes}</span> : null}
              </li>
            ))}
          </ul>
        </article>
      ) : null}
      <article>
        <h2>{t('suppliers.section.certifications')}</h2>
        <CertificationTable
          t={t}
          locale={locale}
          tax={tax}
          certs={profile.certifications}
          today={p.today}
          evidenceLinks={p.isPrivate}
          evidence={p.evidence}
        />
      </article>
      {p.trackRecord ? (
        <TrackRecordSection
          t={t}
          locale={locale}
          record={p.trackRecord.record}
          detail={p.trackRecord.detail}
        />
      ) : null}
      <article>
        <h2>{t('suppliers.section.contacts')}</h2>
        {p.loggedIn || p.isPrivate ? (
          <ul>
            {profile.contacts.map((c) => {
              const wa = whatsappNumber(c.phone);
              return (
                <li>
                  <strong>{c.name}</strong>
                  {c.role ? ` · ${c.role}` : ''}
                  {c.phone ? ` · ${c.phone}` : ''}
                  {wa ? (
                    <>
                      {' · '}
                      <a href={`https://wa.me/${wa}`} rel="noopener noreferrer">
                        WhatsApp
                      </a>
                    </>
                  ) : null}
                  {c.email ? (
                    <>
                      {' · '}
                      <a href={`mailto:${c.email}`}>{c.email}</a>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="muted">
            <a href={`/login?next=/suppliers/${s.organizationId}`}>{t('suppliers.login_for_contacts')}</a>
          </p>
        )}
      </article>
    </section>
  );
}

function Completeness({
  t,
  progress,
  id,
}: {
  t: T;
  progress: NonNullable<ProfilePageProps['progress']>;
  id: string;
}) {
  return (
    <article id="completeness">
      <h2>
        {t('suppliers.completeness')}: {progress.score}%
      </h2>
      <progress value={progress.score} max={100} aria-label={t('suppliers.completeness')} />
      <ul class="checklist">
        {progress.items.map((i) => (
          <li class={i.done ? 'done' : 'todo'}>
            {i.done ? '✓ ' : '○ '}
            {t(`suppliers.check.${i.key}`)}
          </li>
        ))}
      </ul>
      <form method="post" action={`/suppliers/${id}/submit`}>
        <button type="submit">{t('suppliers.submit_for_review')}</button>
      </form>
    </article>
  );
}

function DecisionForms({
  t,
  id,
  status,
  needsReview,
}: {
  t: T;
  id: string;
  status: string;
  needsReview: boolean;
}) {
  const actions: [string, boolean][] = [
    ['verify', status === 'submitted' || status === 'rejected' || (status === 'verified' && needsReview)],
    ['reject', status === 'submitted' || status === 'verified'],
    ['suspend', status === 'verified' || status === 'submitted'],
    ['reinstate', status === 'suspended'],
  ];
  return (
    <article id="decision">
      <h2>{t('suppliers.decision.title')}</h2>
      <form method="post" action={`/suppliers/${id}/decision`}>
        <label for="f-reason">
          {t('suppliers.decision.reason')}
          <input id="f-reason" name="reason" type="text" maxlength={500} />
          <small>{t('suppliers.decision.reason_hint')}</small>
        </label>
        <div class="actions">
          {actions
            .filter(([, ok]) => ok)
            .map(([a]) => (
              <button
                type="submit"
                name="decision"
                value={a}
                class={a === 'verify' || a === 'reinstate' ? '' : 'secondary'}
              >
                {t(`suppliers.decision.${a}`)}
              </button>
            ))}
        </div>
      </form>
    </article>
  );
}
