import type { Page } from 'playwright-core';

/** `/events/3f2a…/agenda/12` → `/events/:id/agenda/:n`: one visit per kind of page, not per record. */
export function pathPattern(pathname: string): string {
  return pathname
    .split('/')
    .map((seg) => {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(seg)) return ':id';
      if (/^\d+$/.test(seg)) return ':n';
      return /^[a-z0-9-]{24,}$/i.test(seg) ? ':slug' : seg;
    })
    .join('/');
}

/**
 * Runs in the page: the document's scroll width and, when it is wider than the device, the first
 * elements that stick out past it (tag#id.class(right edge)), so a failure says what to fix.
 */
const MEASURE = `(() => {
  const device = __WIDTH__;
  const scrollWidth = document.documentElement.scrollWidth;
  const culprits = [];
  if (scrollWidth > device) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > device + 1 && r.width > 0) {
        const cls = el.getAttribute('class');
        culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (cls ? '.' + cls.split(' ').join('.') : '') + '(' + Math.round(r.right) + ')');
        if (culprits.length >= 6) break;
      }
    }
  }
  return { scrollWidth, widest: culprits.join(' ') };
})()`;

/** `document.documentElement.scrollWidth` against the device width (not innerWidth, which grows with the content). */
export function measureWidth(
  page: Page,
  deviceWidth: number,
): Promise<{ scrollWidth: number; widest: string }> {
  return page.evaluate(MEASURE.replace('__WIDTH__', String(deviceWidth)));
}

/** Every link's absolute URL on the page, except download links. */
export function pageLinks(page: Page): Promise<string[]> {
  return page.evaluate(`Array.from(document.querySelectorAll('a[href]:not([download])'), (a) => a.href)`);
}
