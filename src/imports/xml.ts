/** A malformed XML part of a workbook. */
export class BadXml extends Error {}

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded character data; may arrive in several pieces. */
  text(s: string): void;
}

const MAX_TAG = 64 * 1024;
const MAX_PENDING_TEXT = 256 * 1024;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references in one linear pass. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/** Attributes by hand, in one forward pass (a regular expression could backtrack on a long tag). */
function parseAttrs(s: string, from: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = from;
  for (;;) {
    while (isSpace(s[i])) i++;
    if (i >= s.length) return attrs;
    const eq = s.indexOf('=', i);
    if (eq < 0) throw new BadXml('attribute');
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (isSpace(s[q])) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") throw new BadXml('attribute');
    const close = s.indexOf(quote, q + 1);
    if (close < 0 || name === '') throw new BadXml('attribute');
    attrs[local(name)] = decodeEntities(s.slice(q + 1, close));
    i = close + 1;
  }
}

/** Element names without their namespace prefix (`x:row` and `row` are the same). */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/**
 * A small streaming XML scanner for SpreadsheetML: no DTDs, no recursion, no tree. Depth
 * costs nothing (nothing is kept per level), a tag longer than 64 KB is malformed, and text
 * is handed on in bounded pieces, so memory stays flat whatever the document.
 */
export class XmlScanner {
  private buf = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly h: XmlHandler) {}

  /** Feeds the next chunk of bytes; complete tags and text are reported at once. */
  write(chunk: Uint8Array): void {
    this.buf += this.decoder.decode(chunk, { stream: true });
    this.drain();
  }

  /** Ends the document: a half-open tag is malformed. */
  end(): void {
    this.buf += this.decoder.decode();
    this.drain();
    if (this.buf.trim() !== '') throw new BadXml('truncated');
  }

  private drain(): void {
    let s = this.buf;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        const rest = s.length - i;
        if (rest > MAX_PENDING_TEXT) {
          // Hand on long text now, but never split an entity (they are at most 10 characters).
          const amp = s.lastIndexOf('&', s.length - 1);
          const cut = amp >= s.length - 12 ? amp : s.length;
          this.h.text(decodeEntities(s.slice(i, cut)));
          i = cut;
        }
        break;
      }
      if (lt > i) this.h.text(decodeEntities(s.slice(i, lt)));
      i = lt;
      const consumed = this.tag(s, lt);
      if (consumed < 0) break;
      i = consumed;
    }
    this.buf = s.slice(i);
    s = '';
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when it is not complete yet. */
  private tag(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) return this.until(s, lt, '-->', () => {});
    if (s.startsWith('<![CDATA[', lt)) return this.until(s, lt, ']]>', (body) => this.h.text(body.slice(9)));
    if (s.startsWith('<?', lt)) return this.until(s, lt, '?>', () => {});
    if (s.startsWith('<!', lt)) throw new BadXml('doctype');
    const gt = s.indexOf('>', lt);
    if (gt < 0) {
      if (s.length - lt > MAX_TAG) throw new BadXml('tag too long');
      return -1;
    }
    if (gt - lt > MAX_TAG) throw new BadXml('tag too long');
    const body = s.slice(lt + 1, gt);
    if (body[0] === '/') {
      this.h.close(local(body.slice(1).trim()));
      return gt + 1;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const sp = inner.search(/\s/);
    const name = local(sp < 0 ? inner : inner.slice(0, sp));
    const attrs = sp < 0 ? {} : parseAttrs(inner, sp);
    this.h.open(name, attrs, selfClosing);
    if (selfClosing) this.h.close(name);
    return gt + 1;
  }

  private until(s: string, lt: number, endMark: string, then: (body: string) => void): number {
    const end = s.indexOf(endMark, lt);
    if (end < 0) {
      if (s.length - lt > MAX_PENDING_TEXT) throw new BadXml('unterminated');
      return -1;
    }
    then(s.slice(lt, end));
    return end + endMark.length;
  }
}
