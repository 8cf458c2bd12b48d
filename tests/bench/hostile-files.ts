import { constants, deflateRawSync } from 'node:zlib';

/**
 * Hostile import files, generated in memory (no binaries in the repository): the field
 * findings of issue #10 and a few more. Each says what Pasok must answer.
 */
export interface HostileFile {
  name: string;
  filename: string;
  bytes: Buffer;
  /** `accepted`: a pending import; otherwise the 422 field message key the file must get. */
  expect: 'accepted' | `imports.${'limit' | 'file'}.${string}`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry: plain XML (deflated here), or raw deflate data prepared by the caller (bombs). */
type Entry = { name: string; xml: string } | { name: string; deflated: Buffer; size: number };

/** A minimal ZIP writer: local headers, central directory, end record. Enough for any reader. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const raw = 'xml' in e ? Buffer.from(e.xml) : null;
    const data = raw ? deflateRawSync(raw) : (e as { deflated: Buffer }).deflated;
    const size = raw ? raw.length : (e as { size: number }).size;
    const crc = raw ? crc32(raw) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size % 2 ** 32, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(size % 2 ** 32, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook whose first sheet is `sheetXml` (and optional shared strings and extra sheets). */
export function workbook(sheetXml: string | Entry, opts: { shared?: string | Entry; sheets?: number } = {}) {
  const n = opts.sheets ?? 1;
  const sheets = Array.from(
    { length: n },
    (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  const rels = Array.from(
    { length: n },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const entries: Entry[] = [
    { name: '[Content_Types].xml', xml: '<?xml version="1.0"?><Types/>' },
    { name: 'xl/workbook.xml', xml: `<workbook ${NS} ${RNS}><sheets>${sheets.join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', xml: `<Relationships>${rels.join('')}</Relationships>` },
    typeof sheetXml === 'string' ? { name: 'xl/worksheets/sheet1.xml', xml: sheetXml } : sheetXml,
  ];
  for (let i = 2; i <= n; i++)
    entries.push({ name: `xl/worksheets/sheet${i}.xml`, xml: `<worksheet ${NS}><sheetData/></worksheet>` });
  if (opts.shared !== undefined)
    entries.push(
      typeof opts.shared === 'string' ? { name: 'xl/sharedStrings.xml', xml: opts.shared } : opts.shared,
    );
  return zip(entries);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const header = `<row r="1">${inline('A1', 'Nama IKM')}${inline('B1', 'NIB')}</row>`;
const sheet = (rows: string) => `<worksheet ${NS}><sheetData>${header}${rows}</sheetData></worksheet>`;

/**
 * Raw deflate data for `prefix` + `fill` repeated `times` + `suffix` without ever holding the
 * expansion: one compressed block of the fill, flushed to a byte boundary, is repeated.
 */
export function bomb(name: string, prefix: string, fill: string, times: number, suffix: string): Entry {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const block = deflateRawSync(Buffer.from(fill.repeat((1024 * 1024) / fill.length)), flush);
  const parts = [deflateRawSync(Buffer.from(prefix), flush)];
  for (let i = 0; i < times; i++) parts.push(block);
  parts.push(deflateRawSync(Buffer.from(suffix)));
  return { name, deflated: Buffer.concat(parts), size: prefix.length + times * 1024 * 1024 + suffix.length };
}

function csv(lines: number, line: (i: number) => string, head = 'Nama IKM,NIB'): Buffer {
  const out: string[] = [head];
  for (let i = 0; i < lines; i++) out.push(line(i));
  return Buffer.from(`${out.join('\n')}\n`);
}

/** Every hostile file; `big` adds the expensive ones (1.5 GB bomb, a million CSV rows) for the bench. */
export function hostileFiles(opts: { big?: boolean } = {}): HostileFile[] {
  const big = opts.big ?? false;
  const files: HostileFile[] = [
    {
      name: 'declared row 1,000,000,000',
      filename: 'row1e9.xlsx',
      bytes: workbook(sheet(`<row r="1000000000">${inline('A1000000000', 'CV Jauh')}</row>`)),
      expect: 'imports.file.xlsx',
    },
    {
      name: 'last Excel row 1,048,576 (sparse)',
      filename: 'lastrow.xlsx',
      bytes: workbook(sheet(`<row r="1048576">${inline('A1048576', 'CV Jauh')}</row>`)),
      expect: 'accepted',
    },
    {
      name: 'text in column XFD on 20,000 rows',
      filename: 'xfd.xlsx',
      bytes: workbook(
        sheet(
          Array.from(
            { length: 20_000 },
            (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, 'CV X')}${inline(`XFD${i + 2}`, 'x')}</row>`,
          ).join(''),
        ),
      ),
      expect: 'imports.limit.columns',
    },
    {
      name: 'empty styled cells in XFD on 20,000 rows',
      filename: 'xfd-empty.xlsx',
      bytes: workbook(
        sheet(
          Array.from(
            { length: 20_000 },
            (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `CV ${i}`)}<c r="XFD${i + 2}" s="0"/></row>`,
          ).join(''),
        ),
      ),
      expect: 'accepted',
    },
    {
      name: `zip bomb: one ${big ? '1.5 GB' : '200 MB'} shared-string cell`,
      filename: 'bomb.xlsx',
      bytes: workbook(sheet(`<row r="2"><c r="A2" t="s"><v>0</v></c></row>`), {
        shared: bomb('xl/sharedStrings.xml', `<sst ${NS}><si><t>`, 'a', big ? 1536 : 200, '</t></si></sst>'),
      }),
      expect: 'imports.limit.decompressedBytes',
    },
    {
      name: 'zip bomb: worksheet of 1 GB whitespace',
      filename: 'bomb-sheet.xlsx',
      bytes: workbook(
        bomb(
          'xl/worksheets/sheet1.xml',
          `<worksheet ${NS}><sheetData>${header}`,
          ' ',
          1024,
          '</sheetData></worksheet>',
        ),
      ),
      expect: 'imports.limit.decompressedBytes',
    },
    {
      name: 'one 5,001-character cell',
      filename: 'longcell.csv',
      bytes: csv(1, () => `CV ${'a'.repeat(4_998)},1`),
      expect: 'imports.limit.cellChars',
    },
    {
      name: '200 KB e-mail cell',
      filename: 'email.csv',
      bytes: csv(1, () => `CV Surat,${'a@'.repeat(100_000)}`, 'Nama IKM,Email'),
      expect: 'imports.limit.cellChars',
    },
    {
      name: 'e-mail cell of 4,990 hostile characters',
      filename: 'email-edge.csv',
      bytes: csv(200, () => `CV Surat,a@${'a.'.repeat(2_494)}@`, 'Nama IKM,Email'),
      expect: 'accepted',
    },
    {
      name: '20,000 data rows (the limit)',
      filename: 'rows20k.csv',
      bytes: csv(20_000, (i) => `CV Baris ${i},`),
      expect: 'accepted',
    },
    {
      name: `${big ? '1,000,000' : '20,001'} data rows`,
      filename: 'rows.csv',
      bytes: csv(big ? 1_000_000 : 20_001, (i) => `CV Baris ${i},`),
      expect: 'imports.limit.rows',
    },
    {
      name: 'text in column 61',
      filename: 'cols.csv',
      bytes: csv(1, () => `${'x,'.repeat(60)}y`, `Nama IKM,NIB${',h'.repeat(59)}`),
      expect: 'imports.limit.columns',
    },
    {
      name: 'unclosed quote over 1 MB',
      filename: 'quote.csv',
      bytes: csv(1, () => `"CV ${'b'.repeat(1024 * 1024)}`),
      expect: 'imports.limit.cellChars',
    },
    {
      name: 'malformed zip',
      filename: 'broken.xlsx',
      bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4096, 7)]),
      expect: 'imports.file.xlsx',
    },
    {
      name: 'wrong content type (PNG named .xlsx)',
      filename: 'image.xlsx',
      bytes: Buffer.from([
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        0,
        0,
        0,
        13,
        ...Array(200).fill(0),
      ]),
      expect: 'imports.file.type',
    },
    {
      name: 'UTF-16 CSV',
      filename: 'utf16.csv',
      bytes: Buffer.from('\ufeffNama IKM,NIB\nCV A,1\n', 'utf16le'),
      expect: 'imports.file.type',
    },
    {
      name: 'deeply nested XML (200,000 levels)',
      filename: 'nested.xlsx',
      bytes: workbook(
        sheet(
          `<row r="2">${inline('A2', 'CV Dalam')}</row>${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}`,
        ),
      ),
      expect: 'accepted',
    },
    {
      name: '1,900 sheets',
      filename: 'sheets.xlsx',
      bytes: workbook(sheet(`<row r="2">${inline('A2', 'CV Banyak')}</row>`), { sheets: 1_900 }),
      expect: 'accepted',
    },
    {
      name: '1,300,000 shared strings',
      filename: 'shared.xlsx',
      bytes: workbook(sheet(`<row r="2"><c r="A2" t="s"><v>5</v></c></row>`), {
        shared: bomb('xl/sharedStrings.xml', `<sst ${NS}>`, '<si><t>ab</t></si>'.repeat(4), 25, '</sst>'),
      }),
      expect: 'imports.limit.sharedStrings',
    },
    {
      name: 'NUL bytes and lone surrogates in cells',
      filename: 'nul.xlsx',
      bytes: workbook(sheet(`<row r="2">${inline('A2', 'CV N&#0;ul &#xD800; Jaya')}</row>`)),
      expect: 'accepted',
    },
  ];
  return files;
}
