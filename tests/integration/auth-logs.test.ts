import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { redactPath } from '../../src/http/redact-path.js';
import { createLogger } from '../../src/logger.js';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

let t: TestApp;
const lines: string[] = [];
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await createTestApp();
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  app = createApp({ ...t.deps, logger: createLogger('info', sink) });
});
afterAll(() => t.close());

describe('request log', () => {
  it('never contains invite or claim tokens, in paths or query strings', async () => {
    const owner = await makeUser(t.db.sql, { org: { name: 'PT Log', kind: 'buyer' } });
    const guest = await makeUser(t.db.sql);
    const o = new TestClient(app, '10.9.0.1');
    await o.login(owner.email, owner.password);
    const html = await (await o.post(`/orgs/${owner.orgId}/invites`, { role: 'member' })).text();
    const token = /\/invites\/([A-Za-z0-9_-]{20,})/.exec(html)?.[1];
    expect(token).toBeTruthy();

    const g = new TestClient(app, '10.9.0.2');
    await g.login(guest.email, guest.password);
    expect((await g.get(`/invites/${token}`)).status).toBe(200);
    expect((await g.post(`/invites/${token}`)).status).toBe(303);
    await g.get(`/invites/${token}/extra`);
    await g.get('/imports/claim/claim-secret-abcdefghijkl');
    await g.get('/suppliers?token=query-secret-123&q=las');

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).not.toContain(token!);
    expect(log).not.toContain('claim-secret-abcdefghijkl');
    expect(log).not.toContain('query-secret-123');
    const paths = lines.map((l) => (JSON.parse(l) as { path?: string }).path).filter(Boolean);
    expect(paths).toContain('/invites/[redacted]');
    expect(paths).toContain('/imports/claim/[redacted]');
    expect(paths).toContain(`/orgs/${owner.orgId}/invites`);
  });
});

describe('redactPath', () => {
  it('redacts any route parameter named like a token, and credential query values', () => {
    expect(redactPath('/password-reset/abc123', ['*', '/password-reset/:resetToken'])).toBe(
      '/password-reset/[redacted]',
    );
    expect(redactPath('/orgs/42/members', ['/orgs/:orgId/members'])).toBe('/orgs/42/members');
    expect(redactPath('/x?token=s3cret&page=2&api_key=k')).toBe(
      '/x?token=[redacted]&page=2&api_key=[redacted]',
    );
  });
});
