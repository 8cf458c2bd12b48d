import { z } from 'zod';
import { calendarDate } from '../text/calendar.js';

/** Indonesia's bounding box (with a small margin): a coordinate outside it is a typo, not a supplier. */
export const INDONESIA_BBOX = { minLat: -11, maxLat: 6, minLon: 95, maxLon: 141 } as const;

export const STATUSES = ['draft', 'submitted', 'verified', 'rejected', 'suspended'] as const;
export type SupplierStatus = (typeof STATUSES)[number];

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'v.invalid');
const slugList = z
  .array(slug)
  .max(50)
  .transform((a) => [...new Set(a)]);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

export const Nib = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^[0-9]{13}$/, 'v.nib'));

export const Lat = z.coerce
  .number('v.number')
  .min(INDONESIA_BBOX.minLat, 'v.lat_range')
  .max(INDONESIA_BBOX.maxLat, 'v.lat_range');
export const Lon = z.coerce
  .number('v.number')
  .min(INDONESIA_BBOX.minLon, 'v.lon_range')
  .max(INDONESIA_BBOX.maxLon, 'v.lon_range');

export const RegencyCode = z
  .string()
  .trim()
  .regex(/^[0-9]{2}\.[0-9]{2}$/, 'v.regency');

const isoDate = calendarDate();

export const CertificationInput = z.object({
  /** Present when editing an existing certificate, so its id (and evidence file) stay stable. */
  id: z.uuid().optional(),
  type: slug,
  number: optText(100).optional(),
  issuer: optText(200).optional(),
  valid_until: isoDate.nullable().optional(),
  tkdn_percent: z.coerce.number().min(0).max(100).nullable().optional(),
});

export const ContactInput = z.object({
  name: z.string().trim().min(1).max(120),
  role: optText(120).optional(),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^\+?[0-9 ()-]{6,30}$/, 'v.phone')
    .nullable()
    .optional(),
  email: z.email('v.email').nullable().optional(),
});

export const MachineInput = z.object({
  type: z.string().trim().min(1).max(120),
  count: z.coerce.number().int().min(1).max(10000),
  notes: optText(300).optional(),
});

/** Fields shared by create and patch (all optional here). */
const profileFields = {
  legal_name: z.string().trim().min(2).max(200),
  trading_name: optText(200).optional(),
  nib: Nib,
  kbli: z
    .array(z.string().regex(/^[0-9]{5}$/, 'v.kbli'))
    .max(20)
    .optional(),
  year_founded: z.coerce.number().int().min(1900).max(2100).nullable().optional(),
  employees: z.coerce.number().int().min(0).max(1_000_000).nullable().optional(),
  description_id: optText(5000).optional(),
  description_en: optText(5000).optional(),
  regency_code: RegencyCode,
  /** Sent by the cascading location form: the regency must lie in it. */
  province_code: z
    .string()
    .regex(/^[0-9]{2}$/, 'v.choice')
    .optional(),
  address: optText(300).optional(),
  location: z.object({ lat: Lat, lon: Lon }),
  processes: slugList.optional(),
  materials: slugList.optional(),
  product_categories: slugList.optional(),
  sectors: slugList.optional(),
  products: optText(2000).optional(),
  machines: z.array(MachineInput).max(100).optional(),
  capacity: z
    .object({ amount: z.coerce.number().min(0).max(1e12), unit: z.string().trim().min(1).max(40) })
    .nullable()
    .optional(),
  max_part: optText(200).optional(),
  certifications: z.array(CertificationInput).max(50).optional(),
  contacts: z.array(ContactInput).max(20).optional(),
};

/** `POST /api/v1/suppliers`: legal_name, nib, regency_code and location are required. */
export const SupplierCreateBody = z
  .object({
    ...profileFields,
    organization_id: z.uuid().optional(),
  })
  .strict();

/** `PATCH /api/v1/suppliers/:id`: any subset; lists replace the stored list. */
export const SupplierPatchBody = z.object(profileFields).partial().strict();

export type SupplierCreateBody = z.infer<typeof SupplierCreateBody>;
export type SupplierPatchBody = z.infer<typeof SupplierPatchBody>;
export type CertificationInput = z.infer<typeof CertificationInput>;
export type ContactInput = z.infer<typeof ContactInput>;
