import type { Db } from '../db/client.js';
import { isUuid } from '../db/ids.js';
import { isCertificateValid, whatsappNumber } from './normalize.js';
import * as repo from './repo.js';

export interface Profile {
  supplier: repo.SupplierRow;
  certifications: repo.CertificationRow[];
  contacts: repo.ContactRow[];
  regencyName: string | null;
  provinceName: string | null;
  verifierName: string | null;
}

/** A supplier with everything a profile page or the API shows; null when there is no profile. */
export async function loadProfile(db: Db, orgId: string): Promise<Profile | null> {
  if (!isUuid(orgId)) return null;
  const supplier = await repo.findSupplier(db, orgId);
  if (!supplier) return null;
  const [certifications, contacts, names] = await Promise.all([
    repo.listCertifications(db, orgId),
    repo.listContacts(db, orgId),
    repo.findProfileNames(db, supplier),
  ]);
  return { supplier, certifications, contacts, ...names };
}

/** Certificates that count as held today (expired ones are shown but flagged, and never count). */
export function validCertifications(p: Profile, today: string) {
  return p.certifications.filter((c) => isCertificateValid(c.validUntil, today));
}

/** Highest TKDN % among valid certificates of type `tkdn` (as search and matching count it), or null. */
export function tkdnMax(p: Profile, today: string): number | null {
  const values = validCertifications(p, today)
    .filter((c) => c.type === 'tkdn' && c.tkdnPercent !== null)
    .map((c) => Number(c.tkdnPercent));
  return values.length ? Math.max(...values) : null;
}

/**
 * The API representation (snake_case). Evidence file references and the status reason are
 * for viewers with private access (the organisation and facilitators); contact details
 * for any logged-in viewer, never for anonymous visitors.
 */
export function profileToJson(
  p: Profile,
  opts: { today: string; private: boolean; contactDetails: boolean },
) {
  const s = p.supplier;
  return {
    id: s.organizationId,
    legal_name: s.legalName,
    trading_name: s.tradingName,
    nib: s.nib,
    kbli: s.kbli,
    year_founded: s.yearFounded,
    employees: s.employees,
    description_id: s.descriptionId,
    description_en: s.descriptionEn,
    province_code: s.provinceCode,
    province_name: p.provinceName,
    regency_code: s.regencyCode,
    regency_name: p.regencyName,
    address: s.address,
    location: s.lat !== null && s.lon !== null ? { lat: s.lat, lon: s.lon } : null,
    processes: s.processes,
    materials: s.materials,
    product_categories: s.productCategories,
    sectors: s.sectors,
    products: s.products,
    machines: s.machines,
    capacity: s.capacityAmount !== null ? { amount: Number(s.capacityAmount), unit: s.capacityUnit } : null,
    max_part: s.maxPart,
    certifications: p.certifications.map((c) => ({
      id: c.id,
      type: c.type,
      number: c.number,
      issuer: c.issuer,
      valid_until: c.validUntil,
      tkdn_percent: c.tkdnPercent === null ? null : Number(c.tkdnPercent),
      valid: isCertificateValid(c.validUntil, opts.today),
      ...(opts.private ? { evidence_file_id: c.evidenceFileId } : {}),
    })),
    tkdn_max: tkdnMax(p, opts.today),
    contacts:
      opts.contactDetails || opts.private
        ? p.contacts.map((c) => ({
            name: c.name,
            role: c.role,
            phone: c.phone,
            whatsapp: whatsappNumber(c.phone),
            email: c.email,
          }))
        : p.contacts.map((c) => ({ name: c.name, role: c.role })),
    status: s.status,
    status_reason: opts.private ? s.statusReason : null,
    verified: s.status === 'verified',
    verified_at: s.verifiedAt,
    verified_by: p.verifierName,
    needs_review: s.needsReview,
    binaan: s.binaanOf !== null && s.claimedAt === null,
    updated_at: s.updatedAt,
  };
}
