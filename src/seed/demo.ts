import { hashPassword } from '../auth/password.js';
import * as authRepo from '../auth/repo.js';
import type { Sql, Tx } from '../db/client.js';
import * as orgRepo from '../orgs/repo.js';
import { seedDemoEvent } from './demo-event.js';
import { seedDemoGaps } from './demo-gaps.js';
import { seedDemoOutcomes } from './demo-outcomes.js';
import { demoSuppliers } from './demo-suppliers.js';
import { loadSupplierSeeds } from './load.js';

export const DEMO_PASSWORD = 'pasok-demo-2026';

interface DemoOrg {
  name: string;
  kind: orgRepo.OrgKind;
}

/** Organisations of every kind, from the situations in the seed articles. */
export const DEMO_ORGS: DemoOrg[] = [
  { name: 'Dinas Perindustrian Provinsi NTB', kind: 'facilitator' },
  { name: 'Dinas Perindustrian dan Perdagangan Provinsi Jawa Timur', kind: 'facilitator' },
  { name: 'BBSPJILM Bandung', kind: 'facilitator' },
  { name: 'PT Smelter Tembaga Sumbawa (demo)', kind: 'buyer' },
  { name: 'PT Otoparts Smartpolitan (demo)', kind: 'buyer' },
  { name: 'PT Tekstil Garmen Subang (demo)', kind: 'buyer' },
  { name: 'PT Teknologi Pendukung Otomotif Smartpolitan (demo)', kind: 'buyer' },
  { name: 'PT Logistik Patimban (demo)', kind: 'buyer' },
  { name: 'PT Pangan Halal Sidoarjo (demo)', kind: 'buyer' },
  { name: 'CV Sinar Logam Presisi', kind: 'supplier' },
];

/** One login per role; each owns one organisation of the matching kind. */
export const DEMO_USERS = [
  { role: 'admin', email: 'admin@pasok.test', name: 'Admin Pasok', platformRole: 'admin', org: null },
  {
    role: 'facilitator',
    email: 'fasilitator@pasok.test',
    name: 'Baiq Nurul Aini',
    platformRole: 'facilitator',
    org: 'Dinas Perindustrian Provinsi NTB',
  },
  {
    role: 'buyer',
    email: 'pembeli@pasok.test',
    name: 'Hendra Wijaya',
    platformRole: null,
    org: 'PT Otoparts Smartpolitan (demo)',
  },
  {
    role: 'supplier',
    email: 'ikm@pasok.test',
    name: 'Asep Saepudin',
    platformRole: null,
    org: 'CV Sinar Logam Presisi',
  },
] as const;

/** Buyers located in each estate (estate slugs from seed/places.ts). */
const DEMO_TENANTS: Record<string, string[]> = {
  'amman-smelter-sumbawa-barat': ['PT Smelter Tembaga Sumbawa (demo)'],
  'smartpolitan-subang': [
    'PT Otoparts Smartpolitan (demo)',
    'PT Tekstil Garmen Subang (demo)',
    'PT Teknologi Pendukung Otomotif Smartpolitan (demo)',
  ],
  'patimban-subang': ['PT Logistik Patimban (demo)'],
  'kih-safe-and-lock-sidoarjo': ['PT Pangan Halal Sidoarjo (demo)'],
};

/**
 * The 300+ demo IKM. The demo supplier user's organisation gets the first West Java seed
 * as its profile; each province's IKM are *binaan* of that province's office.
 */
async function loadDemoSuppliers(sql: Tx, orgIds: Map<string, string>, facilitatorId: string): Promise<void> {
  const seeds = demoSuppliers();
  const own = seeds.findIndex((s) => s.provinceCode === '32' && s.status === 'verified');
  const first = { ...seeds[own]!, legalName: 'CV Sinar Logam Presisi', tradingName: 'Bengkel Sinar Logam' };
  const ordered = [first, ...seeds.filter((_, i) => i !== own)];
  await loadSupplierSeeds(sql, ordered, {
    firstOrgId: orgIds.get('CV Sinar Logam Presisi')!,
    verifiedBy: facilitatorId,
    verifiedAt: new Date('2026-10-01T03:00:00Z'),
    binaanByProvince: {
      '52': orgIds.get('Dinas Perindustrian Provinsi NTB')!,
      '35': orgIds.get('Dinas Perindustrian dan Perdagangan Provinsi Jawa Timur')!,
      '32': orgIds.get('BBSPJILM Bandung')!,
    },
  });
  // The demo supplier user's own organisation is not binaan: it manages its own profile.
  await sql`update suppliers set binaan_of = null, claimed_at = now() where organization_id = ${orgIds.get('CV Sinar Logam Presisi')!}`;
}

export interface SeedResult {
  created: boolean;
  password: string;
  users: { role: string; email: string }[];
}

/**
 * Loads the demo dataset once, on an empty database. Runs under an advisory lock so
 * two instances starting together cannot both seed.
 */
export async function seedDemo(sql: Sql): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(7134220452)`;
    const [{ n }] = (await tx`select count(*)::int as n from users`) as unknown as [{ n: number }];
    if (n > 0) return null;
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGS) orgIds.set(o.name, (await orgRepo.insertOrganization(tx, o)).id);
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await authRepo.insertUser(tx, {
        email: u.email,
        name: u.name,
        passwordHash,
        platformRole: u.platformRole,
      });
      userIds.set(u.role, user.id);
      if (u.org) await orgRepo.upsertMembership(tx, orgIds.get(u.org)!, user.id, 'owner');
    }
    for (const [estate, tenants] of Object.entries(DEMO_TENANTS)) {
      for (const name of tenants) {
        await tx`
          insert into estate_tenants (estate_id, organization_id)
          select e.id, ${orgIds.get(name)!}::uuid from estates e where e.slug = ${estate}
          on conflict do nothing`;
      }
    }
    await loadDemoSuppliers(tx, orgIds, userIds.get('facilitator')!);
    return true;
  });
  const created = !!seeded;
  // Built through the event services after the base data is committed (they run their own transactions).
  if (created) await seedDemoEvent(sql);
  if (created) await seedDemoOutcomes(sql);
  if (created) await seedDemoGaps(sql);
  return {
    created,
    password: DEMO_PASSWORD,
    users: DEMO_USERS.map((u) => ({ role: u.role, email: u.email })),
  };
}
