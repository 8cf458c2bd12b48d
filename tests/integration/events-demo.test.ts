import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEventInstance } from '../../src/scheduling/instance-builder.js';
import { parseInstance } from '../../src/scheduling/solver/index.js';
import { seedDemo } from '../../src/seed/demo.js';
import { DEMO_EVENT_NAME, seedDemoEvent } from '../../src/seed/demo-event.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db.sql);
});
afterAll(() => t.close());

describe('demo event', () => {
  it('seeds an upcoming event with approved participants and accepted requests, once', async () => {
    const now = new Date('2026-11-20T02:00:00Z');
    const id = await seedDemoEvent(t.db.sql, now);
    expect(id).not.toBeNull();
    expect(await seedDemoEvent(t.db.sql, now)).toBe(id);
    const [event] = await t.db.sql<
      { name: string; startsAt: Date }[]
    >`select name, starts_at from events where id = ${id}`;
    expect(event!.name).toBe(DEMO_EVENT_NAME);
    expect(event!.startsAt.getTime()).toBeGreaterThan(now.getTime());
    const { instance } = await buildEventInstance(t.db.sql, id!);
    expect(instance.participants.length).toBeGreaterThanOrEqual(10);
    expect(instance.requests.length).toBeGreaterThanOrEqual(10);
    expect(() => parseInstance(instance)).not.toThrow();
  });
});
