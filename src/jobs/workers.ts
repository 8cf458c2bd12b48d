import type { Config } from '../config.js';
import type { Sql } from '../db/client.js';
import { ensureGcScheduled, filesGcHandler } from '../files/gc.js';
import {
  IMPORT_QUEUE,
  type ImportJob,
  importJobHandler,
  requeueAbandonedImports,
  STALE_MS,
} from '../imports/runner.js';
import type { Logger } from '../logger.js';
import type { Mailer, MailMessage } from '../mail/mailer.js';
import { needsMatchHandler } from '../needs/jobs.js';
import type { NeedMatchJob } from '../needs/service.js';
import { outcomesRemindHandler } from '../outcomes/reminder-jobs.js';
import type { RemindJob } from '../outcomes/reminders.js';
import { savedSearchDigestHandler } from '../saved-searches/digest.js';
import type { DigestJob } from '../saved-searches/service.js';
import { type ChangeNoticeJob, changeNoticeHandler } from '../scheduling/change-notices.js';
import { eventsNotifyHandler, type ScheduleNotice } from '../scheduling/notify.js';
import type { Jobs } from './queue.js';

export interface WorkerDeps {
  sql: Sql;
  mailer: Mailer;
  logger: Logger;
  /** Needed by the import worker (it reads stored files) and the orphaned-file sweep; without it neither runs here. */
  config?: Config;
}

/** Sends one queued email; a thrown error makes pg-boss retry it with backoff. */
export function mailHandler(deps: WorkerDeps) {
  return async (msg: MailMessage) => {
    await deps.mailer.send(msg);
  };
}

/** Registers the background workers of every capability. */
export async function registerWorkers(jobs: Jobs, deps: WorkerDeps): Promise<void> {
  await jobs.work<MailMessage>('mail.send', mailHandler(deps));
  await jobs.work<ScheduleNotice>('events.notify', eventsNotifyHandler({ ...deps, jobs }));
  await jobs.work<ChangeNoticeJob>('events.changes', changeNoticeHandler({ ...deps, jobs }));
  await jobs.work<RemindJob>('outcomes.remind', outcomesRemindHandler({ ...deps, jobs }));
  await jobs.work<NeedMatchJob>('needs.match', needsMatchHandler({ ...deps, jobs }));
  await jobs.work<DigestJob>(
    'notifications.digest',
    savedSearchDigestHandler({ ...deps, jobs, clock: () => new Date() }),
  );
  if (deps.config) {
    const importDeps = { ...deps, config: deps.config, jobs, clock: () => new Date() };
    await jobs.work<ImportJob>(IMPORT_QUEUE, importJobHandler(importDeps));
    // Imports left running by a process that died are taken over once their lease goes stale.
    await requeueAbandonedImports(importDeps);
    const sweep = setInterval(() => {
      requeueAbandonedImports(importDeps).catch((err) => deps.logger.warn({ err }, 'import sweep failed'));
    }, STALE_MS);
    sweep.unref();
    await jobs.work('files.gc', filesGcHandler({ ...deps, jobs, clock: () => new Date() }));
    await ensureGcScheduled(deps.sql, jobs, new Date());
  }
}
