import type { Profile } from './profile.js';

export type ChecklistKey =
  | 'identity'
  | 'nib'
  | 'description'
  | 'location'
  | 'processes'
  | 'materials'
  | 'sectors'
  | 'products'
  | 'machines'
  | 'capacity'
  | 'certifications'
  | 'contacts';

/** Weights sum to 100; the checklist tells the IKM what to add next, in this order. */
const ITEMS: [ChecklistKey, number, (p: Profile) => boolean][] = [
  [
    'identity',
    10,
    (p) => !!p.supplier.legalName && p.supplier.employees !== null && p.supplier.yearFounded !== null,
  ],
  ['nib', 10, (p) => !!p.supplier.nib],
  ['description', 10, (p) => (p.supplier.descriptionId ?? '').length >= 40],
  ['location', 10, (p) => !!p.supplier.regencyCode && p.supplier.lat !== null && !!p.supplier.address],
  ['processes', 15, (p) => p.supplier.processes.length > 0],
  ['materials', 5, (p) => p.supplier.materials.length > 0],
  ['sectors', 5, (p) => p.supplier.sectors.length > 0 || p.supplier.productCategories.length > 0],
  ['products', 10, (p) => (p.supplier.products ?? '').length >= 3],
  ['machines', 5, (p) => p.supplier.machines.length > 0],
  ['capacity', 5, (p) => p.supplier.capacityAmount !== null],
  ['certifications', 10, (p) => p.certifications.length > 0],
  ['contacts', 5, (p) => p.contacts.some((c) => !!c.phone || !!c.email)],
];

/** Profile completeness: a 0–100 score and the checklist with each item's state. */
export function completeness(p: Profile): {
  score: number;
  items: { key: ChecklistKey; done: boolean; weight: number }[];
} {
  const items = ITEMS.map(([key, weight, test]) => ({ key, weight, done: test(p) }));
  return { score: items.reduce((s, i) => s + (i.done ? i.weight : 0), 0), items };
}
