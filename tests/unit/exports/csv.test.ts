import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvStream, guardFormula, toCsv } from '../../../src/exports/csv.js';

const BOM = '\uFEFF';

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('guardFormula', () => {
  it.each(['=SUM(A1)', '+62812', '-1+cmd', '@import', '\tTab', '\rCR'])('defuses %j', (text) => {
    expect(guardFormula(text)).toBe(`'${text}`);
  });

  it.each(['CV Maju', '-12', '-6,25', '-6.25', '', "'=already", ' =spaced'])('leaves %j alone', (text) => {
    expect(guardFormula(text)).toBe(text);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF, quotes separators and doubles quotes', () => {
    expect(
      toCsv([
        ['Nama', 'Catatan'],
        ['CV "Maju", Jaya', 'ok'],
      ]),
    ).toBe(`${BOM}Nama,Catatan\r\n"CV ""Maju"", Jaya",ok\r\n`);
  });

  it('quotes line breaks and semicolons, which Indonesian Excel splits on', () => {
    expect(toCsv([['Liner\nball mill', 'a;b', 'c\rd']])).toBe(`${BOM}"Liner\nball mill","a;b","c\rd"\r\n`);
  });

  it('guards formula text but writes numbers, negative ones too, and empties as they are', () => {
    expect(toCsv([['=HYPERLINK("x")', -5, 12_400_000_000n, null, '-7']])).toBe(
      `${BOM}"'=HYPERLINK(""x"")",-5,12400000000,,-7\r\n`,
    );
  });

  it('round-trips any text through a CSV parser, with only the guard added', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
        (rows) => {
          const parsed: string[][] = parse(toCsv(rows), { bom: true, relax_column_count: true });
          expect(parsed).toEqual(rows.map((r) => r.map(guardFormula)));
        },
      ),
    );
  });
});

describe('csvStream', () => {
  it('streams exactly the bytes toCsv writes, BOM included', async () => {
    const rows = [
      ['Nama IKM', 'Latitude'],
      ['=cmd|x', -6.9],
      ['CV "A"; B', null],
    ];
    const streamed = await bytesOf(csvStream(rows));
    expect([...streamed.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(streamed).toEqual(new TextEncoder().encode(toCsv(rows)));
  });
});
