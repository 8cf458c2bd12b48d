import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

const TOKEN = 'metrics-token-0123456789abcdef';

describe('/metrics', () => {
  let plain: TestApp;
  let t: TestApp;

  beforeAll(async () => {
    [plain, t] = await Promise.all([createTestApp(), createTestApp({ env: { METRICS_TOKEN: TOKEN } })]);
  });
  afterAll(async () => {
    await Promise.all([plain.close(), t.close()]);
  });

  it('does not exist unless a token is configured', async () => {
    expect((await plain.app.request('/metrics')).status).toBe(404);
    const withToken = await plain.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(withToken.status).toBe(404);
  });

  it('refuses scrapes without the right bearer token', async () => {
    expect((await t.app.request('/metrics')).status).toBe(401);
    const wrong = await t.app.request('/metrics', { headers: { authorization: 'Bearer wrong-token' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const basic = await t.app.request('/metrics', { headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
  });

  it('reports requests by route pattern, event-loop lag, connections, queues, search and blobs', async () => {
    const fileId = '7d9c1c1e-6f4e-4b8e-9d7a-0a1b2c3d4e5f';
    expect((await t.app.request(`/files/${fileId}`)).status).toBe(404);
    expect((await t.app.request('/healthz')).status).toBe(200);
    expect((await t.app.request('/no/such/page/secret-token-123')).status).toBe(404);
    await t.deps.jobs!.send('mail.send', { to: 'x@example.test' });
    const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/pasok_http_requests_total\{method="GET",route="\/files\/:id",status="404"\} 1/);
    expect(text).toMatch(/pasok_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/);
    expect(text).toMatch(/pasok_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    expect(text).toMatch(
      /pasok_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/healthz"\}/,
    );
    expect(text).toMatch(/^pasok_nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^pasok_db_connections\{state="[a-z ]+"\} \d+/m);
    expect(text).toMatch(/^pasok_db_pool_size \d+/m);
    expect(text).toMatch(/^pasok_job_queue_depth\{queue="mail.send",state="created"\} 1$/m);
    expect(text).toMatch(/^pasok_search_outbox_oldest_seconds \d/m);
    expect(text).toMatch(/^pasok_search_degraded 0$/m);
    expect(text).toMatch(/^pasok_blob_bytes \d+/m);
    expect(text).toContain('pasok_search_index_documents');
    expect(text).toContain('pasok_search_snapshot_age_seconds');
    // No raw path, id or token ever becomes a label.
    expect(text).not.toContain(fileId);
    expect(text).not.toContain('secret-token-123');
    expect(text).not.toContain(TOKEN);
  });
});
