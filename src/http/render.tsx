import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Layout } from '../../views/layout.js';
import type { AppEnv } from '../context.js';
import { takeFlash } from './flash.js';

/**
 * Renders a page: the full shell for normal requests, the bare content for htmx
 * partial requests (the shell is already on screen).
 */
export function render(c: Context<AppEnv>, content: Child, opts: { title: string; status?: number }) {
  const status = (opts.status ?? 200) as 200;
  // biome-ignore lint/complexity/noUselessFragments: c.html takes one node; content may be a string or a list.
  if (c.get('partial')) return c.html(<>{content}</>, status);
  const flash = takeFlash(c);
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      <Layout
        title={opts.title}
        t={c.get('t')}
        locale={c.get('locale')}
        user={c.get('user')}
        orgKinds={c.get('orgKinds') ?? []}
        unread={c.get('unread') ?? 0}
        path={c.req.path}
        flash={flash ? c.get('t')(flash) : null}
      >
        {content}
      </Layout>
    </>,
    status,
  );
}
