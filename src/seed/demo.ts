import { hashPassword } from '../auth/password.js';
import * as authRepo from '../auth/repo.js';
import type { Sql } from '../db/client.js';
import * as orgRepo from '../orgs/repo.js';

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
  { name: 'PT Logistik Patimban (demo)', kind: 'buyer' },
  { name: 'PT Pangan Halal Sidoarjo (demo)', kind: 'buyer' },
  { name: 'CV Sinar Logam Presisi', kind: 'supplier' },
  { name: 'UD Las Barokah Mataram', kind: 'supplier' },
  { name: 'CV Cor Logam Pasuruan', kind: 'supplier' },
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
  const created = await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(7134220452)`;
    const [{ n }] = (await tx`select count(*)::int as n from users`) as unknown as [{ n: number }];
    if (n > 0) return false;
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGS) orgIds.set(o.name, (await orgRepo.insertOrganization(tx, o)).id);
    for (const u of DEMO_USERS) {
      const user = await authRepo.insertUser(tx, {
        email: u.email,
        name: u.name,
        passwordHash,
        platformRole: u.platformRole,
      });
      if (u.org) await orgRepo.upsertMembership(tx, orgIds.get(u.org)!, user.id, 'owner');
    }
    return true;
  });
  return {
    created,
    password: DEMO_PASSWORD,
    users: DEMO_USERS.map((u) => ({ role: u.role, email: u.email })),
  };
}
