import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Which proxies may set X-Forwarded-For: a number of hops in front of the app, or their addresses. */
export interface TrustProxy {
  /** Trust this many proxy hops nearest the app (`true` = 1); 0 with no `proxies` ignores the header. */
  hops: number;
  /** Addresses or CIDRs of trusted proxies (IPv4 or IPv6). */
  proxies: string[];
}

function isAddressOrCidr(v: string): boolean {
  const [ip, bits, ...rest] = v.split('/');
  const family = net.isIP(ip ?? '');
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** `false`/`0`, `true`/`1`, a hop count, or a comma-separated list of proxy addresses/CIDRs. */
const trustProxy = z.string().transform((raw, ctx): TrustProxy => {
  const v = raw.trim().toLowerCase();
  if (['false', 'no', '0'].includes(v)) return { hops: 0, proxies: [] };
  if (['true', 'yes'].includes(v)) return { hops: 1, proxies: [] };
  if (/^\d{1,2}$/.test(v)) return { hops: Number(v), proxies: [] };
  const proxies = v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (proxies.length === 0 || !proxies.every(isAddressOrCidr)) {
    ctx.addIssue({ code: 'custom', message: 'expected true/false, a hop count, or proxy addresses/CIDRs' });
    return z.NEVER;
  }
  return { hops: 0, proxies };
});

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('./.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  APP_ORIGIN: z.url().optional(),
  SESSION_COOKIE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('pasok_session'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  TRUST_PROXY: trustProxy.default({ hops: 0, proxies: [] }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED: z.enum(['demo', 'none']).optional(),
  MEILI_URL: z.url().optional(),
  MEILI_KEY: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Pasok <no-reply@pasok.local>'),
  WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
  /** Set by the cluster primary for its workers, never by hand. */
  PASOK_CLUSTER_ROLE: z.enum(['lead', 'follower']).optional(),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN needs at least 16 characters').optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** HTTP worker processes (node:cluster): 1 = no cluster; 'auto' = one per core. */
  workers: number | 'auto';
  /** In a cluster worker: 'lead' runs jobs, schedules and the search outbox; 'follower' only serves. */
  clusterRole: 'lead' | 'follower' | undefined;
  appOrigin: string;
  secureCookies: boolean;
  sessionCookieName: string;
  sessionDays: number;
  trustProxy: TrustProxy;
  logLevel: string;
  seed: 'demo' | 'none';
  meiliUrl: string | undefined;
  meiliKey: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Bearer token for /metrics; without it /metrics answers 404. */
  metricsToken: string | undefined;
};

/** Thrown with every invalid variable listed, so a bad deployment fails at boot with one clear message. */
export class ConfigError extends Error {}

/**
 * The only reader of the environment: parses it once with zod so that the rest
 * of the code gets a typed, already-validated object.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const appOrigin = new URL(e.APP_ORIGIN ?? `http://localhost:${e.PORT}`).origin;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    workers: e.WORKERS,
    clusterRole: e.PASOK_CLUSTER_ROLE,
    appOrigin,
    secureCookies: appOrigin.startsWith('https:'),
    sessionCookieName: e.SESSION_COOKIE_NAME,
    sessionDays: e.SESSION_DAYS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    // Demo data (with its well-known passwords) never appears in production unless asked for.
    seed: e.SEED ?? (e.NODE_ENV === 'production' ? 'none' : 'demo'),
    meiliUrl: e.MEILI_URL,
    meiliKey: e.MEILI_KEY,
    smtpUrl: e.SMTP_URL,
    metricsToken: e.METRICS_TOKEN,
    mailFrom: e.MAIL_FROM,
  };
}
