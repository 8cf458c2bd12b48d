import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';

const run = promisify(execFile);
let db: TestDb;
let dir: string;

beforeAll(async () => {
  db = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasok-cli-'));
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: dir, LOG_LEVEL: 'warn' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('CLI', () => {
  it('creates a user with an organisation and a token, printing only JSON', async () => {
    const u = await cli([
      'user:create',
      '--email',
      'Ops@Example.test',
      '--password',
      'long-enough-pw',
      '--name',
      'Ops',
      '--platform-role',
      'facilitator',
      '--org',
      'Disperin Uji',
      '--org-kind',
      'facilitator',
    ]);
    expect(u.code).toBe(0);
    const user = JSON.parse(u.stdout);
    expect(user).toMatchObject({
      email: 'ops@example.test',
      platform_role: 'facilitator',
      organization: { name: 'Disperin Uji', kind: 'facilitator', role: 'owner' },
    });
    const tk = await cli(['token:create', '--email', 'ops@example.test']);
    expect(tk.code).toBe(0);
    expect(JSON.parse(tk.stdout).token).toMatch(/^pasok_/);
    expect(tk.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('fails with exit code 2 and a message on stderr for bad input', async () => {
    const r = await cli(['user:create', '--email', 'nope', '--password', 'x', '--name', 'N']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--email/);
    expect((await cli(['token:create', '--email', 'ghost@example.test'])).code).toBe(2);
    expect((await cli(['no-such-command'])).code).toBe(2);
  });

  it('solves a scheduling instance file and rejects an invalid one', async () => {
    const file = path.join(dir, 'instance.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        slots: ['s01', 's02'],
        tables: ['T01'],
        participants: [{ id: 'b0001', unavailable: ['s02'] }, { id: 'v0001' }, { id: 'v0002' }],
        requests: [
          { id: 'r00001', a: 'b0001', b: 'v0001', priority: 3, locked: { slot: 's01', table: 'T01' } },
          { id: 'r00002', a: 'b0001', b: 'v0002', priority: 2 },
          { id: 'r00003', a: 'v0001', b: 'v0002', priority: 1 },
        ],
      }),
    );
    const ok = await cli(['schedule', '--in', file]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      meetings: [
        { request: 'r00001', slot: 's01', table: 'T01' },
        { request: 'r00003', slot: 's02', table: 'T01' },
      ],
      unscheduled: ['r00002'],
      objective: 4,
    });
    fs.writeFileSync(
      file,
      JSON.stringify({
        slots: ['s01'],
        tables: ['T01'],
        participants: [],
        requests: [{ id: 'r1', a: 'x', b: 'y', priority: 1 }],
      }),
    );
    const bad = await cli(['schedule', '--in', file]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown participant/);
  });
});
