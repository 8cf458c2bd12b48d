import jsqrModule from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { checkInUrl, currentOrNext, normaliseCode } from '../../../src/scheduling/checkin.js';
import { checkInWindow, isCheckInOpen } from '../../../src/scheduling/checkin-window.js';
import type { MeetingRow } from '../../../src/scheduling/repo.js';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is CommonJS with an `exports.default`: under NodeNext the default import is the module object.
const jsQR = ((jsqrModule as unknown as { default?: Decode }).default ?? jsqrModule) as unknown as Decode;

/** Renders a QR the way a badge carries it, as RGBA pixels a camera frame would give jsQR. */
function rasterise(text: string, scale = 4) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const margin = 4;
  const side = (n + 2 * margin) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      if (!qr.modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + margin) * scale + dy) * side + (x + margin) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }
  return { data, side };
}

describe('scan page decode path', () => {
  it("jsQR reads back the badge URL that the server's qrcode drew", () => {
    const url = checkInUrl('http://pasok.test', {
      participantId: 'p',
      eventId: '0b9f5f7e-7a6e-4a4e-9c59-2f1f4f0d3a11',
      token: 'a'.repeat(64),
      code: 'K7QX3M',
    });
    const { data, side } = rasterise(url);
    const decoded = jsQR(data, side, side);
    expect(decoded?.data).toBe(url);
  });

  it('finds nothing in a blank frame', () => {
    const blank = new Uint8ClampedArray(64 * 64 * 4).fill(255);
    expect(jsQR(blank, 64, 64)).toBeNull();
  });
});

describe('check-in window', () => {
  const start = new Date('2026-12-01T01:00:00Z'); // 09:00 WITA
  it('opens 15 minutes before the start and closes at midnight of the event day in the zone', () => {
    const w = checkInWindow(start, 'Asia/Makassar');
    expect(w.opensAt.toISOString()).toBe('2026-12-01T00:45:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(checkInWindow(start, 'Asia/Jayapura').closesAt.toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(isCheckInOpen(start, 'Asia/Makassar', new Date('2026-12-01T00:44:00Z'))).toBe(false);
    expect(isCheckInOpen(start, 'Asia/Makassar', new Date('2026-12-01T00:46:00Z'))).toBe(true);
    expect(isCheckInOpen(start, 'Asia/Makassar', new Date('2026-12-01T16:00:00Z'))).toBe(false);
  });

  it('takes the meeting under way, else the next one, and reads typed codes leniently', () => {
    const m = (id: string, s: string, e: string) =>
      ({ id, status: 'scheduled', startsAt: new Date(s), endsAt: new Date(e) }) as MeetingRow;
    const list = [
      m('a', '2026-12-01T01:00:00Z', '2026-12-01T01:20:00Z'),
      m('b', '2026-12-01T01:20:00Z', '2026-12-01T01:40:00Z'),
    ];
    expect(currentOrNext(list, new Date('2026-12-01T01:10:00Z'))?.id).toBe('a');
    expect(currentOrNext(list, new Date('2026-12-01T01:20:00Z'))?.id).toBe('b');
    expect(currentOrNext(list, new Date('2026-12-01T02:00:00Z'))).toBeNull();
    expect(normaliseCode(' k7q-x3m ')).toBe('K7QX3M');
  });
});
