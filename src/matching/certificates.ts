import { isCertificateValid } from '../suppliers/normalize.js';
import type { CertState, SupplierFacts } from './types.js';

/** True when the supplier holds a certificate of this type valid today (no allocation: the hot path). */
export function hasValidCert(s: SupplierFacts, type: string, today: string): boolean {
  for (let i = 0; i < s.certTypes.length; i++)
    if (s.certTypes[i] === type && isCertificateValid(s.certUntil[i] ?? null, today)) return true;
  return false;
}

/** The best state of a certificate type: valid beats expired beats missing. */
export function certState(s: SupplierFacts, type: string, today: string): [CertState, string | null] {
  let state: CertState = 'missing';
  let until: string | null = null;
  for (let i = 0; i < s.certTypes.length; i++) {
    if (s.certTypes[i] !== type) continue;
    const u = s.certUntil[i] ?? null;
    if (isCertificateValid(u, today)) return ['valid', u];
    state = 'expired';
    if (until === null || (u !== null && u > until)) until = u;
  }
  return [state, until];
}

/** Highest TKDN % among valid `tkdn` certificates (as search counts it), or null. */
export function bestTkdn(s: SupplierFacts, today: string): number | null {
  let best: number | null = null;
  for (let i = 0; i < s.certTypes.length; i++) {
    const p = s.certTkdn[i];
    if (s.certTypes[i] !== 'tkdn' || p === null || p === undefined) continue;
    if (!isCertificateValid(s.certUntil[i] ?? null, today)) continue;
    if (best === null || p > best) best = p;
  }
  return best;
}
