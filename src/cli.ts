import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { meiliClient } from '../search/create.js';
import { reindexAll } from '../search/sync.js';
import { findUserByEmail } from './auth/repo.js';
import { OrgKind } from './auth/schema.js';
import { registerUser } from './auth/service.js';
import { ConfigError, loadConfig } from './config.js';
import { BackupError, backupDatabase, restoreDatabase } from './db/backup.js';
import { migrate } from './db/migrate.js';
import { type OpenDb, openDatabase } from './db/open.js';
import { createLogger } from './logger.js';
import { findOrganizationByName, upsertMembership } from './orgs/repo.js';
import { createOrganization } from './orgs/service.js';
import { syncReferenceData } from './reference/sync.js';
import { InvalidInstanceError, parseInstance, solve } from './scheduling/solver/index.js';
import { seedDemo } from './seed/demo.js';
import { analyzeSuppliers, countSyntheticSuppliers, loadSupplierSeeds } from './seed/load.js';
import { syntheticSuppliers } from './seed/synthetic.js';
import { createApiToken } from './tokens/service.js';

/** A failure the CLI reports on stderr with exit code 2 (bad usage or input), never a stack trace. */
class CliError extends Error {}

type Command = (db: OpenDb, args: string[]) => Promise<unknown>;

const UserCreate = z.object({
  email: z.email(),
  password: z.string().min(10, 'password must have at least 10 characters'),
  name: z.string().trim().min(1),
  'platform-role': z.enum(['admin', 'facilitator']).optional(),
  org: z.string().trim().min(2).optional(),
  'org-kind': OrgKind.optional(),
});

function parse<S extends z.ZodType>(
  schema: S,
  args: string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
) {
  const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new CliError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return parsed.data as z.infer<S>;
}

const commands: Record<string, Command> = {
  async migrate(db) {
    return { applied: await migrate(db.sql) };
  },

  async 'user:create'(db, args) {
    const o = parse(UserCreate, args, {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      'platform-role': { type: 'string' },
      org: { type: 'string' },
      'org-kind': { type: 'string' },
    });
    if (o.org && !o['org-kind']) {
      const existing = await findOrganizationByName(db.sql, o.org);
      if (!existing) throw new CliError('--org-kind is required when the organisation does not exist yet');
    }
    if (await findUserByEmail(db.sql, o.email))
      throw new CliError(`a user with email ${o.email} already exists`);
    const user = await registerUser(db.sql, {
      email: o.email.toLowerCase(),
      name: o.name,
      password: o.password,
      platformRole: o['platform-role'] ?? null,
    });
    let organization: { id: string; name: string; kind: string } | null = null;
    if (o.org) {
      const existing = await findOrganizationByName(db.sql, o.org);
      if (existing) {
        await upsertMembership(db.sql, existing.id, user.id, 'owner');
        organization = existing;
      } else {
        organization = await createOrganization(db.sql, {
          name: o.org,
          kind: o['org-kind']!,
          ownerId: user.id,
        });
      }
    }
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      platform_role: user.platformRole,
      organization: organization
        ? { id: organization.id, name: organization.name, kind: organization.kind, role: 'owner' }
        : null,
    };
  },

  async 'token:create'(db, args) {
    const o = parse(z.object({ email: z.email(), name: z.string().default('cli') }), args, {
      email: { type: 'string' },
      name: { type: 'string' },
    });
    const user = await findUserByEmail(db.sql, o.email);
    if (!user) throw new CliError(`no user with email ${o.email}`);
    const { token, id } = await createApiToken(db.sql, user.id, o.name);
    return { token, id };
  },

  async seed(db, args) {
    const o = parse(
      z.object({
        synthetic: z.coerce.number().int().min(1).max(1_000_000).optional(),
        seed: z.coerce.number().int().default(42),
      }),
      args,
      { synthetic: { type: 'string' }, seed: { type: 'string' } },
    );
    if (!o.synthetic) {
      const r = await seedDemo(db.sql);
      return { created: r.created, users: r.users };
    }
    const started = performance.now();
    const n = await countSyntheticSuppliers(db.sql);
    if (n > 0) throw new CliError(`synthetic suppliers already exist (${n}); use a fresh database`);
    const inserted = await loadSupplierSeeds(db.sql, syntheticSuppliers(o.synthetic, o.seed), {
      batchSize: 2000,
      onProgress: (done) => process.stderr.write(`\rseeded ${done}/${o.synthetic}`),
    });
    process.stderr.write('\n');
    await analyzeSuppliers(db.sql);
    return {
      synthetic: inserted,
      seed: o.seed,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  },

  async 'search:reindex'(db) {
    const client = meiliClient(loadConfig(), 60_000);
    if (!client) throw new CliError('MEILI_URL is not set (PostgreSQL search rows are kept by triggers)');
    return reindexAll(db.sql, client);
  },
};

/** Commands that need no database. */
const offline: Record<string, (args: string[]) => Promise<unknown>> = {
  async schedule(args) {
    const o = parse(z.object({ in: z.string().min(1) }), args, { in: { type: 'string' } });
    let raw: string;
    try {
      raw = o.in === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(o.in, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read ${o.in}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new CliError(`${o.in} is not valid JSON: ${(err as Error).message}`);
    }
    try {
      return solve(parseInstance(json));
    } catch (err) {
      if (err instanceof InvalidInstanceError) throw new CliError(`invalid instance: ${err.message}`);
      throw err;
    }
  },
};

/** The one file argument of backup/restore, with `--force` for restore. */
function fileArgs(args: string[], withForce: boolean): { file: string; force: boolean } {
  const { values, positionals } = parseArgs({
    args,
    options: withForce ? { force: { type: 'boolean' } } : {},
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new CliError('expected exactly one file name');
  return { file: positionals[0]!, force: values.force === true };
}

/**
 * Commands that must see the database as it is: no migration or reference sync first (a restore
 * needs an empty database to stay empty until it fills it).
 */
const maintenance: Record<string, Command> = {
  async backup(db, args) {
    const { file } = fileArgs(args, false);
    return { file, ...(await backupDatabase(db.url, file)) };
  },
  async restore(db, args) {
    const { file, force } = fileArgs(args, true);
    if (!fs.existsSync(file)) throw new CliError(`cannot read ${file}`);
    try {
      return { file, ...(await restoreDatabase(db.url, file, { force })) };
    } catch (err) {
      if (err instanceof BackupError) throw new CliError(err.message);
      throw err;
    }
  },
};

const USAGE = `Usage: npm run -s cli -- <command> [options]
  migrate
  user:create --email E --password P --name N [--platform-role admin|facilitator] [--org "Name" --org-kind supplier|buyer|facilitator]
  token:create --email E [--name N]
  schedule --in FILE                 solve a meeting-scheduling instance (JSON; - for stdin)
  seed [--synthetic N [--seed S]]   demo data (empty database), or N synthetic suppliers
  search:reindex                    rebuild the Meilisearch index and swap it in (no downtime)
  backup FILE                       write a backup of all data, files and mail included (gzip)
  restore FILE [--force]            restore a backup into an empty database (--force: replace the data)`;

/**
 * Admin commands. Results are JSON on stdout and nothing else (logs go to stderr),
 * so scripts can parse them. Works against the same DATA_DIR / DATABASE_URL as the server, even while it runs.
 */
async function main(argv: string[]) {
  const [name, ...args] = argv;
  const standalone = name ? offline[name] : undefined;
  if (standalone) {
    process.stdout.write(`${JSON.stringify(await standalone(args))}\n`);
    return 0;
  }
  const command = name ? (commands[name] ?? maintenance[name]) : undefined;
  if (!command) {
    process.stderr.write(`${name ? `Unknown command: ${name}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'stderr');
  const db = await openDatabase(config, logger);
  try {
    if (!maintenance[name!]) {
      await migrate(db.sql);
      await syncReferenceData(db.sql);
    }
    const result = await command(db, args);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await db.shutdown();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof CliError || err instanceof ConfigError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(2);
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
