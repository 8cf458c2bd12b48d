import type { FormValues } from '../../views/needs/fields.js';
import type { NeedFormProps, Option } from '../../views/needs/NeedFormPage.js';
import type { Db, Sql } from '../db/client.js';
import type { Locale } from '../i18n/index.js';
import { loadVocabulary } from '../matching/vocabulary.js';
import type { TermKind } from '../taxonomy/dictionary.js';
import type { NeedViewer } from './access.js';
import { listEstates, type NeedRow } from './repo.js';

/** The choices of the need form: the viewer's buyer organisations, estates, taxonomy terms by label. */
export async function formOptions(
  sql: Sql,
  viewer: NeedViewer,
  locale: Locale,
): Promise<Pick<NeedFormProps, 'buyerOrgs' | 'estates' | 'terms'>> {
  const [v, estates] = await Promise.all([loadVocabulary(sql), listEstates(sql as Db)]);
  const of = (kind: TermKind): Option[] =>
    v.taxonomy
      .ofKind(kind)
      .map((term) => ({ value: term.slug, label: locale === 'en' ? term.labelEn : term.labelId }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  return {
    buyerOrgs: viewer.orgs.filter((o) => o.kind === 'buyer').map((o) => ({ value: o.id, label: o.name })),
    estates: estates.map((e) => ({ value: e.slug, label: e.name })),
    terms: {
      processes: of('process'),
      materials: of('material'),
      certifications: of('certification'),
      sectors: of('sector'),
      categories: of('product_category'),
    },
  };
}

const str = (x: number | string | null) => (x === null ? '' : String(x));

/** A stored need as form values, for the edit form. */
export function valuesOf(n: NeedRow): FormValues {
  return {
    buyer_org_id: n.buyerOrgId,
    title_id: n.titleId ?? '',
    title_en: n.titleEn ?? '',
    description_id: n.descriptionId ?? '',
    description_en: n.descriptionEn ?? '',
    sector: n.sector ?? '',
    product_category: n.productCategory ?? '',
    processes: n.processes,
    materials: n.materials,
    required_certs: n.requiredCerts,
    preferred_certs: n.preferredCerts,
    min_tkdn: str(n.minTkdn),
    quantity: str(n.quantity),
    unit: n.unit ?? '',
    frequency: n.frequency ?? '',
    target_price_idr: n.targetPriceIdr ?? '',
    delivery: n.estateSlug ? 'estate' : 'point',
    estate: n.estateSlug ?? '',
    lat: str(n.deliveryLat),
    lon: str(n.deliveryLon),
    max_distance_km: str(n.maxDistanceKm),
    response_deadline: n.responseDeadline ?? '',
    visibility: n.visibility,
  };
}
