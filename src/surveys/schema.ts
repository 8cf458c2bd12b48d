import { z } from 'zod';
import { parseIdr } from '../i18n/format.js';
import { STAGES } from '../pipeline/stages.js';

/** What an office can help with; a fixed list so reports can count what IKM ask for. */
export const HELP_KINDS = [
  'financing',
  'certification',
  'training',
  'equipment',
  'logistics',
  'introductions',
] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const IdrText = z.string().transform((s, ctx) => {
  const r = parseIdr(s);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: `v.outcomes.idr_${r.error}` });
  return z.NEVER;
});

/** The questionnaire behind a survey link: short, every field optional except the stage. */
export const SurveyForm = z
  .object({
    stage: z.enum(STAGES, 'v.required'),
    value_idr: z.preprocess(blank, IdrText.optional()),
    volume: text(200),
    repeat_orders: z.preprocess(blank, z.coerce.number().int().min(0).max(1000).optional()),
    obstacles: text(1000),
    help: z.preprocess(list, z.array(z.enum(HELP_KINDS)).max(HELP_KINDS.length)),
    help_note: text(1000),
  })
  .transform((f) => ({
    stage: f.stage,
    valueIdr: f.value_idr ?? null,
    volume: f.volume ?? null,
    repeatOrders: f.repeat_orders ?? null,
    obstacles: f.obstacles ?? null,
    helpWanted: [...new Set(f.help)],
    helpNote: f.help_note ?? null,
  }));

export type SurveyAnswer = z.output<typeof SurveyForm>;
