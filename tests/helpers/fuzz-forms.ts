/**
 * Forms as the app renders them: the fuzz suite fetches every page as every role, reads its POST
 * forms (action, fields, current values) and later posts them back with a few fields made hostile.
 * Starting from a form that would pass is what gets hostile input past the first 422 and deep
 * into services and SQL.
 */
export interface HarvestedForm {
  action: string;
  fields: [string, string][];
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : null;
};

function readFields(inner: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const m of inner.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = attr(tag, 'type') ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
    if (type === 'file') continue;
    fields.push([name, attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '')]);
  }
  for (const m of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(m[1]!, 'name');
    if (!name) continue;
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>([^<]*)/g)];
    const chosen =
      options.find((o) => /\sselected\b/.test(o[1]!)) ?? options.find((o) => attr(o[1]!, 'value'));
    if (chosen) fields.push([name, attr(chosen[1]!, 'value') ?? decode(chosen[2]!)]);
  }
  for (const m of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(m[1]!, 'name');
    if (name) fields.push([name, decode(m[2]!) || 'Fuzz text']);
  }
  return fields;
}

/** Every POST form in a page, with its action made relative to the page when needed. */
export function harvestForms(html: string, pagePath: string): HarvestedForm[] {
  const out: HarvestedForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = m[1]!;
    if ((attr(tag, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = attr(tag, 'action') ?? pagePath;
    if (!action.startsWith('/')) continue;
    out.push({ action, fields: readFields(m[2]!) });
  }
  return out;
}

/** A regex for a Hono route pattern (`/events/:id/grid/:op{[a-z]+}`), matching concrete paths. */
export function routeRegex(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((part) => {
      const m = /^:[A-Za-z_]+(\{(.*)\})?(\.[a-z]+)?$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return `(?:${m[2] ?? '[^/]+'})${m[3] ? m[3].replace('.', '\\.') : ''}`;
    })
    .join('/');
  return new RegExp(`^${source}$`);
}
