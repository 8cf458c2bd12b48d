import type { Child } from 'hono/jsx';

/**
 * A wide table's own horizontal scroll box: on a 360 px phone the table scrolls, the page does
 * not. Focusable and labelled so keyboard and screen-reader users can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children?: Child }) {
  return (
    <section class="table-scroll" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
