import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SurveyDone, SurveyPage } from '../../views/surveys/SurveyPage.js';
import type { AppEnv } from '../context.js';
import { fieldRefusal } from '../http/form-refusal.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { parseForm, readBody } from '../http/validate.js';
import { whatsappLink } from './invite.js';
import { SurveyForm } from './schema.js';
import { answerSurvey, openSurvey } from './service.js';

/**
 * `/s/:token`: the survey questionnaire behind a one-time link, answered without logging in. The
 * token is the authorisation (random, stored hashed, single use, expiring); the request log
 * redacts it (`:token` parameters and the `/s/` prefix).
 */
export const surveyRoutes = new Hono<AppEnv>();

async function surveyPage(
  c: Context<AppEnv>,
  state: { values?: Record<string, string>; help?: string[]; errors?: Record<string, string> } = {},
) {
  const { sql, clock, config } = c.get('deps');
  const token = c.req.param('token') ?? '';
  const view = await openSurvey(sql, token, clock());
  const t = c.get('t');
  const waLink = whatsappLink(`${config.appOrigin}/s/${token}`, view.counterpart);
  return render(
    c,
    <SurveyPage
      t={t}
      locale={c.get('locale')}
      token={token}
      view={view}
      values={state.values ?? {}}
      helpChecked={state.help ?? []}
      errors={state.errors ?? {}}
      waLink={waLink}
    />,
    { title: t(`impact.survey.title_${view.wave}`), status: state.errors ? 422 : 200 },
  );
}

/** The help boxes ticked, to tick them again when the form comes back with errors. */
async function checkedHelp(c: Context<AppEnv>): Promise<string[]> {
  const help = (await readBody(c, { all: true })).help ?? [];
  return (Array.isArray(help) ? help : [help]).filter((h): h is string => typeof h === 'string');
}

surveyRoutes.get('/s/done', (c) =>
  render(c, <SurveyDone t={c.get('t')} />, { title: c.get('t')('impact.survey.thanks_title') }),
);

surveyRoutes.get('/s/:token', (c) => surveyPage(c));

surveyRoutes.post('/s/:token', bodyLimit({ maxSize: 32 * 1024 }), async (c) => {
  const form = await parseForm(c, SurveyForm);
  const helpList = await checkedHelp(c);
  if (!form.ok) return surveyPage(c, { values: form.values, help: helpList, errors: form.errors });
  try {
    await answerSurvey(c.get('deps').sql, c.req.param('token'), form.data, c.get('deps').clock());
  } catch (err) {
    return surveyPage(c, { values: form.values, help: helpList, errors: fieldRefusal(c, err) });
  }
  return redirectAfterPost(c, '/s/done');
});
