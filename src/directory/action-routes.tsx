import { type Context, Hono } from 'hono';
import { BuyerActionRefusedPage, BuyerActionStatus } from '../../views/directory/BuyerActions.js';
import type { AppEnv } from '../context.js';
import { DomainError } from '../errors.js';
import { setFlash } from '../http/flash.js';
import { currentActor, requireUser } from '../http/guards.js';
import { render } from '../http/render.js';
import { parseForm } from '../http/validate.js';
import { BUYER_ACTIONS, BuyerActionForm } from './action-schema.js';
import { type BuyerAction, type BuyerActionDeps, runBuyerAction } from './buyer-actions.js';

const FLASH = {
  shortlist: 'buyer.done.shortlist',
  invite: 'buyer.done.invite',
  meeting: 'buyer.done.meeting',
} as const;

const actionDeps = (c: Context<AppEnv>): BuyerActionDeps => {
  const d = c.get('deps');
  return { sql: d.sql, jobs: d.jobs, clock: d.clock, origin: d.config.appOrigin };
};

/** A refusal with fields or a conflict: a status fragment for htmx, a page for plain forms. */
function refused(c: Context<AppEnv>, err: unknown, back: string) {
  if (!(err instanceof DomainError && (err.fields || err.status === 409))) throw err;
  const t = c.get('t');
  const message = t(Object.values(err.fields ?? {})[0] ?? err.message);
  const status = err.status === 409 ? 409 : 422;
  if (c.get('partial')) return c.html(<BuyerActionStatus message={message} error />, status);
  return render(c, <BuyerActionRefusedPage t={t} message={message} back={back} />, {
    title: t('buyer.refused_title'),
    status,
  });
}

/** `POST /suppliers/:id/buyer/{shortlist,invite,meeting}`: buyer actions where buyers look. */
export const buyerActionRoutes = new Hono<AppEnv>();

for (const action of BUYER_ACTIONS)
  buyerActionRoutes.post(`/suppliers/:id/buyer/${action}`, requireUser(), async (c) => {
    const form = await parseForm(c, BuyerActionForm);
    const back = (form.ok ? form.data.next : undefined) ?? `/suppliers/${c.req.param('id')}`;
    try {
      if (!form.ok) throw new DomainError(422, 'invalid', 'errors.invalid', form.errors);
      await runBuyerAction(
        actionDeps(c),
        currentActor(c),
        c.req.param('id'),
        action as BuyerAction,
        form.data,
      );
    } catch (err) {
      return refused(c, err, back);
    }
    if (c.get('partial')) return c.html(<BuyerActionStatus message={c.get('t')(FLASH[action])} />);
    setFlash(c, FLASH[action]);
    return c.redirect(back, 303);
  });
