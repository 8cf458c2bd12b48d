import type { CatalogOf } from '../id.js';
import type { impactId } from './impact.id.js';

export const impactEn: CatalogOf<typeof impactId> = {
  'errors.gone': 'This link is no longer valid.',
  'nav.pipeline': 'Follow-ups',
  'nav.targets': 'Targets',

  'impact.survey.title_3m': 'Survey 3 months after the business matching',
  'impact.survey.title_6m': 'Survey 6 months after the business matching',
  'impact.survey.about': 'Your meeting with {counterpart} at {event} ({date}). How did it go on?',
  'impact.survey.stage': 'How far has the business gone?',
  'impact.survey.value': 'Value realised so far (IDR)',
  'impact.survey.volume': 'Volume (e.g. 20 t/month)',
  'impact.survey.repeat_orders': 'How many repeat orders?',
  'impact.survey.obstacles': 'Obstacles',
  'impact.survey.help': 'Help you would like from the office',
  'impact.survey.help_note': 'About the help',
  'impact.survey.submit': 'Send answers',
  'impact.survey.once': 'This link works once and needs no login.',
  'impact.survey.wa_share': 'Share on WhatsApp',
  'impact.survey.wa_text':
    'Halo, mohon isi survei singkat Pasok tentang kelanjutan pertemuan dengan {counterpart} (2 menit, tanpa login): {url}',
  'impact.survey.mail_intro':
    'How did your meetings at {event} go on? Answer a short survey through the links below, one per meeting, without logging in. Links are valid for {days} days and work once.',
  'impact.survey.thanks_title': 'Thank you',
  'impact.survey.thanks': 'Your answers were recorded as an outcome report of the meeting.',
  'impact.survey.used': 'This survey has been answered already. Thank you!',
  'impact.survey.expired':
    'This survey link has expired. Please log in to report the outcome of the meeting.',

  'impact.stage.new': 'Not contacted yet',
  'impact.stage.contacted': 'Contacted',
  'impact.stage.sample': 'Sample or quotation',
  'impact.stage.trial': 'Trial order',
  'impact.stage.contract': 'Contract or PO',
  'impact.stage.repeat': 'Repeat order',
  'impact.stage.dropped': 'Dropped',

  'impact.help.financing': 'Financing',
  'impact.help.certification': 'Certification (SNI, halal, TKDN)',
  'impact.help.training': 'Training',
  'impact.help.equipment': 'Machines or equipment',
  'impact.help.logistics': 'Logistics',
  'impact.help.introductions': 'Introductions to other buyers',

  'impact.side.buyer': 'buyer',
  'impact.side.supplier': 'supplier',
  'impact.side.official': 'facilitator',

  'impact.pipeline.title': 'Follow-up board',
  'impact.pipeline.item_title': "Meeting's follow-up",
  'impact.pipeline.by_office': 'By office',
  'impact.pipeline.by_event': 'By event',
  'impact.pipeline.move_to': 'Move to',
  'impact.pipeline.move': 'Move',
  'impact.pipeline.since': 'since {date}',
  'impact.pipeline.overdue': 'Overdue',
  'impact.pipeline.overdue_rule':
    'Flagged overdue after no movement for {contacted} days (not contacted or contacted), {sample} days (sample), {trial} days (trial), {contract} days (contract).',
  'impact.pipeline.limited': 'Only the first 500 cards are shown; pick one event to see all of its cards.',
  'impact.pipeline.stage_now': 'Current stage',
  'impact.pipeline.history': 'History',
  'impact.pipeline.no_moves': 'No moves yet.',
  'impact.pipeline.to_outcome': 'To the outcome',
  'impact.pipeline.stale': 'Someone else just moved this card. Reload and try again.',
  'impact.pipeline.link': 'Follow-up board',
};
