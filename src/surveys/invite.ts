import type { Db } from '../db/client.js';
import { translator } from '../i18n/index.js';
import type { Jobs } from '../jobs/queue.js';
import * as repo from './repo.js';
import { newSurveyToken, SURVEY_LINK_DAYS } from './token.js';

/** One meeting a recipient is asked about. */
export interface SurveyMeeting {
  meetingId: string;
  side: 'buyer' | 'supplier';
  counterpart: string;
}

export interface SurveyMailInput {
  reminderId: string;
  wave: '3m' | '6m';
  userId: string;
  locale: 'id' | 'en';
  meetings: SurveyMeeting[];
  /** The event's name, or null for an ad-hoc meeting. */
  eventName: string | null;
  origin: string;
  now: Date;
}

/** At most this many links in one mail; an owner with more meetings answers the rest when logged in. */
export const MAX_LINKS_PER_MAIL = 20;

/**
 * A WhatsApp share link (wa.me) with a prefilled Indonesian text: the owner forwards it to the
 * colleague who handled the buyer, who answers on the phone without an account. Always in
 * Indonesian, since the text is meant for someone else.
 */
export function whatsappLink(url: string, counterpart: string): string {
  const text = translator('id')('impact.survey.wa_text', { counterpart, url });
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Creates one single-use link per meeting and sends the recipient one mail (text and HTML parts,
 * in their language) listing them, each with its WhatsApp share link. Invitations are keyed by
 * reminder, recipient and meeting, so a retried job creates none and sends nothing: a reminder
 * goes once. Returns how many links were created.
 */
export async function sendSurveyLinks(db: Db, jobs: Jobs | null, s: SurveyMailInput): Promise<number> {
  const expiresAt = new Date(s.now.getTime() + SURVEY_LINK_DAYS * 86_400_000);
  const links: { counterpart: string; url: string }[] = [];
  for (const m of s.meetings.slice(0, MAX_LINKS_PER_MAIL)) {
    const { token, hash } = newSurveyToken();
    const id = await repo.insertInvitation(db, {
      reminderId: s.reminderId,
      meetingId: m.meetingId,
      userId: s.userId,
      side: m.side,
      wave: s.wave,
      locale: s.locale,
      tokenHash: hash,
      expiresAt,
    });
    if (id) links.push({ counterpart: m.counterpart, url: `${s.origin}/s/${token}` });
  }
  const email = links.length ? await repo.findUserEmail(db, s.userId) : null;
  if (!email || !jobs) return links.length;
  const t = translator(s.locale);
  const subject = `[Pasok] ${t(`outcomes.mail.survey_${s.wave}_title`)}`;
  const intro = t('impact.survey.mail_intro', { event: s.eventName ?? '—', days: SURVEY_LINK_DAYS });
  const text = [
    intro,
    '',
    ...links.flatMap((l) => [
      `${l.counterpart}: ${l.url}`,
      `${t('impact.survey.wa_share')}: ${whatsappLink(l.url, l.counterpart)}`,
      '',
    ]),
    '— Pasok',
  ].join('\n');
  const html = `<p>${escapeHtml(intro)}</p><ul>${links
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.counterpart)}</a> · <a href="${escapeHtml(whatsappLink(l.url, l.counterpart))}">${escapeHtml(t('impact.survey.wa_share'))}</a></li>`,
    )
    .join('')}</ul><p>— Pasok</p>`;
  await jobs.send('mail.send', { to: email, subject, text, html }, {}, db);
  return links.length;
}
