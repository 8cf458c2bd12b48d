import { formatDate, formatNumber } from '../../src/i18n/format.js';
import type { Locale, T } from '../../src/i18n/index.js';

/** What survey answers asked the office for, per kind of help. */
export interface HelpWantedView {
  kind: string;
  answers: number;
  orgs: string[];
}

/** One answer's obstacle, with who wrote it. */
export interface ObstacleView {
  orgName: string;
  obstacles: string;
  helpNote: string | null;
  answeredAt: Date;
}

/**
 * Help wanted (answers per kind, with who asked) and the obstacles the survey answers name: the
 * list an office works through to decide whom to train, certify, finance or introduce.
 */
export function SurveyNeeds({
  t,
  locale,
  zone,
  help,
  obstacles,
}: {
  t: T;
  locale: Locale;
  zone: string;
  help: HelpWantedView[];
  obstacles: ObstacleView[];
}) {
  if (help.length === 0 && obstacles.length === 0) return null;
  return (
    <section id="report-survey-needs">
      <h2>{t('impact.report.help_title')}</h2>
      {help.length ? (
        <div class="table-scroll">
          <table class="report-table" id="report-help">
            <thead>
              <tr>
                <th scope="col">{t('impact.survey.help')}</th>
                <th scope="col" class="num">
                  {t('impact.report.answers')}
                </th>
                <th scope="col">{t('impact.report.who_asked')}</th>
              </tr>
            </thead>
            <tbody>
              {help.map((h) => (
                <tr>
                  <th scope="row">{t(`impact.help.${h.kind}`)}</th>
                  <td class="num">{formatNumber(h.answers, locale)}</td>
                  <td>{h.orgs.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {obstacles.length ? (
        <>
          <h3>{t('impact.report.obstacles_title', { n: obstacles.length })}</h3>
          <ul id="report-obstacles">
            {obstacles.map((o) => (
              <li>
                <strong>{o.orgName}</strong>{' '}
                <small class="muted">{formatDate(o.answeredAt, locale, zone)}</small>
                <br />
                {o.obstacles}
                {o.helpNote ? (
                  <>
                    <br />
                    <small>
                      {t('impact.survey.help_note')}: {o.helpNote}
                    </small>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
