import { formatNumber, formatPercent } from '../i18n/format.js';
import type { Locale, T } from '../i18n/index.js';
import type { Criterion, Fact } from './types.js';
import { SEA_CROSSING_KM } from './weights.js';

/** A reason as the API and the pages show it: a stable code and a sentence in the reader's language. */
export interface Reason {
  code: string;
  label: string;
}

export interface ReasonContext {
  t: T;
  locale: Locale;
  /** Taxonomy label of a slug (kind: process, material, certification). */
  term: (kind: 'process' | 'material' | 'certification', slug: string) => string;
}

/**
 * The reasons a matched supplier is shown with: the criteria it meets, in the order the score
 * weighs them. Failed or inapplicable criteria never appear here (they are in "why not").
 */
export function reasonFacts(criteria: readonly Criterion[]): Fact[] {
  const out: Fact[] = [];
  const order = ['processes', 'materials', 'cert_required', 'tkdn', 'cert_preferred', 'distance', 'capacity'];
  const byOrder = [...criteria].sort((a, b) => rank(order, a.code) - rank(order, b.code));
  for (const c of byOrder) {
    if (!c.pass || !c.applies) continue;
    if (c.code === 'processes' || c.code === 'materials' || c.code === 'cert_required' || c.code === 'tkdn')
      out.push(c);
    else if (c.code === 'cert_preferred')
      for (const cert of c.held) out.push({ code: 'cert_preferred', held: [cert], missing: [] });
    else if (c.code === 'distance' && c.km !== null) out.push(c);
    else if (c.code === 'capacity' && c.fit !== null) out.push(c);
    else if (c.code === 'verified' && c.verified) out.push(c);
    else if (c.code === 'text' && c.relevance > 0) out.push(c);
  }
  return out;
}

function rank(order: string[], code: string): number {
  const i = order.indexOf(code);
  return i < 0 ? order.length : i;
}

/** "ISO 9001 …" → "Sertifikat ISO 9001 …" / "ISO 9001 … certificate", unless the label already says so. */
function certPhrase(label: string, locale: Locale): string {
  if (locale === 'en') return /certificat/i.test(label) ? label : `${label} certificate`;
  return /^sertifikat/i.test(label) ? label : `Sertifikat ${label}`;
}

const km = (x: number, locale: Locale) =>
  formatNumber(x < 10 ? Math.round(x * 10) / 10 : Math.round(x), locale, 1);

/** The sentence for a fact; `pass` chooses between the met and the unmet wording. */
export function describe(f: Fact, pass: boolean, applies: boolean, ctx: ReasonContext): string {
  const { t, locale } = ctx;
  const names = (kind: 'process' | 'material' | 'certification', slugs: readonly string[]) =>
    slugs.map((s) => ctx.term(kind, s)).join(', ');
  const place = (p: string | null) => p ?? t('match.place.point');
  switch (f.code) {
    case 'status':
      return t(pass ? 'match.why.status.pass' : 'match.why.status.fail', {
        status: t(`suppliers.status.${f.status}`),
      });
    case 'relevance':
      if (f.named) return t(pass ? 'match.why.relevance.named_pass' : 'match.why.relevance.named_fail');
      return t(pass ? 'match.why.relevance.pass' : 'match.why.relevance.fail');
    case 'cert_required':
      return t(`match.why.cert_required.${f.state}`, {
        cert: certPhrase(ctx.term('certification', f.cert), locale),
        until: f.until ?? '',
      });
    case 'tkdn':
      if (f.best === null) return t('match.why.tkdn.none', { min: formatPercent(f.min, locale) });
      return t(pass ? 'match.reason.tkdn' : 'match.why.tkdn.low', {
        value: formatPercent(f.best, locale),
        min: formatPercent(f.min, locale),
      });
    case 'max_distance':
      if (f.km === null) return t('match.why.max_distance.unknown', { max: km(f.max, locale) });
      return t(pass ? 'match.why.max_distance.pass' : 'match.why.max_distance.fail', {
        km: km(f.km, locale),
        place: place(f.place),
        max: km(f.max, locale),
      });
    case 'processes':
    case 'materials': {
      const kind = f.code === 'processes' ? 'process' : 'material';
      const total = f.covered.length + f.missing.length;
      if (!applies) return t('match.why.na', { criterion: t(`match.criterion.${f.code}`) });
      if (f.covered.length === 0) return t(`match.why.${f.code}.none`, { names: names(kind, f.missing) });
      return t(`match.reason.${f.code}`, { n: f.covered.length, total, names: names(kind, f.covered) });
    }
    case 'cert_preferred':
      if (!applies) return t('match.why.na', { criterion: t('match.criterion.cert_preferred') });
      if (f.held.length === 0)
        return t('match.why.cert_preferred.none', { names: names('certification', f.missing) });
      return f.missing.length === 0 && f.held.length === 1
        ? t('match.reason.cert_preferred', { cert: certPhrase(names('certification', f.held), locale) })
        : t('match.why.cert_preferred.some', {
            n: f.held.length,
            total: f.held.length + f.missing.length,
            names: names('certification', f.held),
          });
    case 'distance':
      if (!applies) return t('match.why.na', { criterion: t('match.criterion.distance') });
      if (f.km === null) return t('match.why.distance.unknown');
      return f.crossing
        ? t('match.reason.distance_crossing', {
            km: km(f.km, locale),
            place: place(f.place),
            extra: km(SEA_CROSSING_KM, locale),
          })
        : t('match.reason.distance', { km: km(f.km, locale), place: place(f.place) });
    case 'capacity':
      if (f.fit === null || f.supply === null) return t('match.why.capacity.na');
      return t(f.fit >= 1 ? 'match.reason.capacity_full' : 'match.reason.capacity_partial', {
        supply: formatNumber(Math.round(f.supply), locale),
        demand: formatNumber(Math.round(f.demand), locale),
        unit: f.unit,
        pct: formatPercent(Math.round(f.fit * 100), locale),
      });
    case 'verified':
      return t(f.verified ? 'match.reason.verified' : 'match.why.verified.no');
    case 'text':
      return f.relevance > 0
        ? t('match.reason.text', { pct: formatPercent(Math.round(f.relevance * 100), locale) })
        : t('match.why.text.none');
    case 'track_record':
      return f.value === null
        ? t('match.why.track_record')
        : t('match.reason.track_record', { pct: formatPercent(Math.round(f.value * 100), locale) });
  }
}

/** `{code, label}` reasons of a match, rendered in the reader's language. */
export function renderReasons(criteria: readonly Criterion[], ctx: ReasonContext): Reason[] {
  return reasonFacts(criteria).map((f) => ({ code: f.code, label: describe(f, true, true, ctx) }));
}
