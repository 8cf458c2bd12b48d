import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { TrustProxy } from '../config.js';
import type { AppEnv } from '../context.js';

/** Only the nearest entries matter, and a client may send any number: bound the work. */
const MAX_HOPS = 32;

const lists = new WeakMap<TrustProxy, BlockList>();

function trustedList(trust: TrustProxy): BlockList {
  let list = lists.get(trust);
  if (!list) {
    list = new BlockList();
    for (const p of trust.proxies) {
      const [ip, bits] = p.split('/') as [string, string?];
      const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) list.addAddress(ip, type);
      else list.addSubnet(ip, Number(bits), type);
    }
    lists.set(trust, list);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

function socketAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The client address for rate limiting. The chain is the X-Forwarded-For entries followed
 * by the socket's peer; a client can prepend anything, so we walk from the right and take
 * the first hop that is not a trusted proxy (by hop count or by address).
 */
export function resolveClientIp(trust: TrustProxy, forwardedFor: string | undefined, peer: string): string {
  if (trust.hops === 0 && trust.proxies.length === 0) return peer;
  const header = (forwardedFor ?? '').slice(-4096);
  const chain = [
    ...header
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(-MAX_HOPS),
    peer,
  ];
  if (trust.hops > 0) return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  const list = trustedList(trust);
  for (let i = chain.length - 1; i > 0; i--) if (!isTrusted(list, chain[i]!)) return chain[i]!;
  return chain[0]!;
}

/** The client address of this request, honouring TRUST_PROXY. */
export function clientIp(c: Context<AppEnv>): string {
  return resolveClientIp(c.get('deps').config.trustProxy, c.req.header('x-forwarded-for'), socketAddress(c));
}
