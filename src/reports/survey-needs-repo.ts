import type { Db } from '../db/client.js';
import { base } from './repo.js';
import type { ReportFilter } from './schema.js';

/** How many survey answers asked for one kind of help, and (the first few of) who asked. */
export interface HelpWantedRow {
  kind: string;
  answers: number;
  orgs: string[];
}

/** One answer that named an obstacle: who, and what stands in the way. */
export interface ObstacleRow {
  orgName: string;
  obstacles: string;
  helpNote: string | null;
  answeredAt: Date;
}

/** Most organisations named per kind of help, and most obstacles listed: the page stays short. */
export const HELP_NAMES_LIMIT = 10;
export const OBSTACLES_LIMIT = 50;

/** The answering party's organisation: the invitation's side of the meeting. */
const answering = (db: Db) =>
  db`join organizations o on o.id = case i.side when 'buyer' then h.buyer_org_id else h.supplier_org_id end`;

/** Survey answers per kind of help wanted, for the report's meetings, most asked first. */
export function queryHelpWanted(db: Db, f: ReportFilter): Promise<HelpWantedRow[]> {
  return db<HelpWantedRow[]>`
    with ${base(db, f)}
    select k as kind, count(*)::int as answers,
      (array_agg(distinct o.name order by o.name))[1:${HELP_NAMES_LIMIT}] as orgs
    from survey_answers a
    join survey_invitations i on i.id = a.invitation_id
    join sched h on h.meeting_id = i.meeting_id
    ${answering(db)}
    cross join unnest(a.help_wanted) k
    group by k order by count(*) desc, k`;
}

/** The latest answers that named an obstacle, for the report's meetings. */
export function queryObstacles(db: Db, f: ReportFilter): Promise<ObstacleRow[]> {
  return db<ObstacleRow[]>`
    with ${base(db, f)}
    select o.name as org_name, a.obstacles, a.help_note, a.answered_at
    from survey_answers a
    join survey_invitations i on i.id = a.invitation_id
    join sched h on h.meeting_id = i.meeting_id
    ${answering(db)}
    where coalesce(btrim(a.obstacles), '') <> ''
    order by a.answered_at desc limit ${OBSTACLES_LIMIT}`;
}
