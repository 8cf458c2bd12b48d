import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Doc = Record<string, unknown> & { id: string };

interface FakeTask {
  uid: number;
  indexUid: string | null;
  type: string;
  status: 'processing' | 'succeeded' | 'failed';
  error: { message: string; code: string; type: string; link: string } | null;
  apply: () => void;
}

export interface FakeMeiliOptions {
  version?: string;
  /** Documents with one of these ids make their whole task fail, as Meilisearch does. */
  rejectIds?: Set<string>;
  /** Answer every task as failed with an internal error (a server in trouble). */
  internalFailure?: boolean;
  /** Called while a task is still processing, i.e. while the client waits for it. */
  onWait?: (task: { uid: number; type: string }) => Promise<void> | void;
}

/**
 * A tiny in-process stand-in for the Meilisearch HTTP API: just the routes the outbox worker and
 * the reindex use, with tasks that stay "processing" for one poll so tests can look at the database
 * while the client waits. The real contract suite still runs against MEILI_URL.
 */
export class FakeMeili {
  readonly indexes = new Map<string, { docs: Map<string, Doc>; settings: Record<string, unknown> }>();
  readonly tasks = new Map<number, FakeTask>();
  readonly requests: string[] = [];
  private server: Server | null = null;
  private nextUid = 0;

  constructor(readonly opts: FakeMeiliOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((r) => this.server?.close(r));
  }

  docs(uid: string): Map<string, Doc> {
    return this.indexes.get(uid)?.docs ?? new Map();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean);
    this.requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const m = req.method;
    if (parts[0] === 'version')
      return send(200, { pkgVersion: this.opts.version ?? '1.18.0', commitSha: 'x', commitDate: 'x' });
    if (parts[0] === 'tasks' && parts[1]) return send(200, await this.poll(Number(parts[1])));
    if (parts[0] === 'indexes' && !parts[1] && m === 'GET')
      return send(200, {
        results: [...this.indexes.keys()].map((uid) => ({ uid, primaryKey: 'id' })),
        offset: 0,
        limit: 1000,
        total: this.indexes.size,
      });
    if (parts[0] === 'indexes' && !parts[1] && m === 'POST')
      return send(
        202,
        this.enqueue(body.uid, 'indexCreation', () => this.ensure(body.uid)),
      );
    const uid = parts[1]!;
    if (parts[0] === 'indexes' && parts.length === 2 && m === 'GET')
      return this.indexes.has(uid)
        ? send(200, { uid, primaryKey: 'id' })
        : send(404, { message: 'not found', code: 'index_not_found', type: 'invalid_request', link: '' });
    if (parts[0] === 'indexes' && parts.length === 2 && m === 'DELETE')
      return send(
        202,
        this.enqueue(uid, 'indexDeletion', () => this.indexes.delete(uid)),
      );
    if (parts[2] === 'settings' && m === 'GET') return send(200, this.ensure(uid).settings);
    if (parts[2] === 'settings')
      return send(
        202,
        this.enqueue(uid, 'settingsUpdate', () => Object.assign(this.ensure(uid).settings, body)),
      );
    if (parts[2] === 'documents' && parts[3] === 'delete-batch')
      return send(
        202,
        this.enqueue(uid, 'documentDeletion', () => {
          for (const id of body as string[]) this.ensure(uid).docs.delete(id);
        }),
      );
    if (parts[2] === 'documents' && m === 'POST') {
      const docs = body as Doc[];
      const bad = docs.find((d) => this.opts.rejectIds?.has(d.id));
      const task = this.enqueue(uid, 'documentAdditionOrUpdate', () => {
        for (const d of docs) this.ensure(uid).docs.set(d.id, d);
      });
      if (bad)
        this.fail(
          task.taskUid,
          'invalid_document_geo_field',
          'invalid_request',
          `The _geo field in document ${bad.id} is invalid`,
        );
      return send(202, task);
    }
    if (parts[0] === 'swap-indexes')
      return send(
        202,
        this.enqueue(null, 'indexSwap', () => {
          for (const {
            indexes: [a, b],
          } of body as { indexes: [string, string] }[]) {
            const x = this.indexes.get(a);
            this.indexes.set(a, this.indexes.get(b)!);
            if (x) this.indexes.set(b, x);
          }
        }),
      );
    send(404, {
      message: `fake: no route ${m} ${url.pathname}`,
      code: 'not_found',
      type: 'invalid_request',
      link: '',
    });
  }

  private ensure(uid: string) {
    let ix = this.indexes.get(uid);
    if (!ix) {
      ix = { docs: new Map(), settings: {} };
      this.indexes.set(uid, ix);
    }
    return ix;
  }

  private enqueue(indexUid: string | null, type: string, apply: () => void) {
    const uid = this.nextUid++;
    const error = this.opts.internalFailure
      ? { message: 'disk full', code: 'internal', type: 'internal', link: '' }
      : null;
    this.tasks.set(uid, { uid, indexUid, type, status: 'processing', error, apply });
    return { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() };
  }

  private fail(uid: number, code: string, type: string, message: string) {
    this.tasks.get(uid)!.error = { message, code, type, link: '' };
  }

  /** The first poll answers "processing" (after onWait); the next one finishes the task. */
  private async poll(uid: number) {
    const t = this.tasks.get(uid)!;
    if (t.status === 'processing') {
      await this.opts.onWait?.({ uid, type: t.type });
      if (t.error) t.status = 'failed';
      else {
        t.apply();
        t.status = 'succeeded';
      }
      return this.view(t, 'processing');
    }
    return this.view(t, t.status);
  }

  private view(t: FakeTask, status: string) {
    return {
      uid: t.uid,
      batchUid: null,
      indexUid: t.indexUid,
      status,
      type: t.type,
      canceledBy: null,
      details: {},
      error: status === 'failed' ? t.error : null,
      duration: null,
      enqueuedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    };
  }
}
