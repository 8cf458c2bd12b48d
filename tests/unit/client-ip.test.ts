import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { resolveClientIp } from '../../src/http/client-ip.js';

const trust = (v: string) => loadConfig({ TRUST_PROXY: v }).trustProxy;

describe('TRUST_PROXY parsing', () => {
  it('reads false, true, a hop count and a list of proxy addresses or CIDRs', () => {
    expect(trust('false')).toEqual({ hops: 0, proxies: [] });
    expect(loadConfig({}).trustProxy).toEqual({ hops: 0, proxies: [] });
    expect(trust('true')).toEqual({ hops: 1, proxies: [] });
    expect(trust('2')).toEqual({ hops: 2, proxies: [] });
    expect(trust('10.0.0.0/8, 192.168.1.5,fd00::/8')).toEqual({
      hops: 0,
      proxies: ['10.0.0.0/8', '192.168.1.5', 'fd00::/8'],
    });
  });

  it('refuses a value that is none of these, at boot', () => {
    expect(() => trust('proxy.example')).toThrow(/TRUST_PROXY/);
    expect(() => trust('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientIp(trust('false'), '1.2.3.4', '198.51.100.1')).toBe('198.51.100.1');
  });

  it('takes the hop the trusted proxy saw, not the left-most entry a client can forge', () => {
    expect(resolveClientIp(trust('true'), '6.6.6.6, 203.0.113.7', '10.0.0.2')).toBe('203.0.113.7');
    expect(resolveClientIp(trust('true'), '203.0.113.7', '10.0.0.2')).toBe('203.0.113.7');
    expect(resolveClientIp(trust('2'), '6.6.6.6, 203.0.113.7, 10.0.0.9', '10.0.0.2')).toBe('203.0.113.7');
    expect(resolveClientIp(trust('3'), '203.0.113.7', '10.0.0.2')).toBe('203.0.113.7');
  });

  it('walks from the right past trusted proxy addresses to the first untrusted hop', () => {
    const t = trust('10.0.0.0/8,fd00::/8');
    expect(resolveClientIp(t, '6.6.6.6, 203.0.113.7, 10.1.2.3', '10.0.0.2')).toBe('203.0.113.7');
    expect(resolveClientIp(t, '6.6.6.6, 2001:db8::1, fd00::5', 'fd00::1')).toBe('2001:db8::1');
    expect(resolveClientIp(t, '6.6.6.6', '198.51.100.1')).toBe('198.51.100.1');
    expect(resolveClientIp(t, 'garbage, 10.1.1.1', '10.0.0.2')).toBe('garbage');
  });

  it('bounds the work on a huge header', () => {
    const header = `${'9.9.9.9, '.repeat(100_000)}203.0.113.7`;
    expect(resolveClientIp(trust('true'), header, '10.0.0.2')).toBe('203.0.113.7');
  });
});
