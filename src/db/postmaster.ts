import fs from 'node:fs';
import path from 'node:path';

/**
 * Who runs the embedded cluster in DATA_DIR. PostgreSQL's own postmaster.pid says which
 * postmaster is alive; `pg-owner.json` beside it says which node process started it, so a
 * CLI can join a live server's cluster while a cluster orphaned by a crashed server is taken back.
 */
export interface Postmaster {
  pid: number;
  port: number;
}

interface OwnerRecord {
  pid: number;
}

const ownerFile = (dataDir: string) => path.join(dataDir, 'pg-owner.json');

/** Reads a /proc/<pid>/stat field after the command name; null off Linux or when the pid is gone. */
function procStat(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** True while the process exists and is not a zombie waiting for a parent that never reaps it. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.[0] !== 'Z';
}

/** The parent of a process (Linux only); used to tell a real owner from a recycled pid. */
export function parentPid(pid: number): number | null {
  const fields = procStat(pid);
  return fields ? Number(fields[1]) : null;
}

/** The live postmaster of `pgDir`, from its postmaster.pid; null when none runs. */
export function runningPostmaster(pgDir: string): Postmaster | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid > 0 && port > 0 && pidAlive(pid) ? { pid, port } : null;
}

/** Records this process as the one that runs (and must stop) the cluster. */
export function claimOwnership(dataDir: string): void {
  fs.writeFileSync(ownerFile(dataDir), JSON.stringify({ pid: process.pid } satisfies OwnerRecord));
}

/** Forgets the ownership record, if it is still ours. */
export function releaseOwnership(dataDir: string): void {
  if (readOwner(dataDir) === process.pid) fs.rmSync(ownerFile(dataDir), { force: true });
}

function readOwner(dataDir: string): number | null {
  try {
    const rec = JSON.parse(fs.readFileSync(ownerFile(dataDir), 'utf8')) as Partial<OwnerRecord>;
    return typeof rec.pid === 'number' ? rec.pid : null;
  } catch {
    return null;
  }
}

/**
 * Whether a running postmaster is orphaned: its recorded owner is dead, or the owner's pid
 * now belongs to a process that is not the postmaster's parent. Without a record (a cluster
 * started before owners were recorded) we keep the old behaviour and join it.
 */
export function isOrphaned(dataDir: string, pm: Postmaster): boolean {
  const owner = readOwner(dataDir);
  if (owner === null || owner === process.pid) return false;
  if (!pidAlive(owner)) return true;
  const parent = parentPid(pm.pid);
  return parent !== null && parent !== owner;
}

/**
 * Stops a postmaster that is not our child: fast shutdown (SIGINT), then immediate
 * shutdown (SIGQUIT) if it lingers. Resolves once it is gone.
 */
export async function stopPostmaster(pid: number, timeoutMs = 30_000): Promise<void> {
  const gone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (pidAlive(pid)) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
    return true;
  };
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  if (await gone(timeoutMs)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await gone(10_000))) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}
