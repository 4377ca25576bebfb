// CPU time of processes from /proc (user + system), so a load run can say where its CPU went: the
// service, the Postgres server (its postmaster and every backend) and the load generator itself.
// On a 2-core machine these three share the cores, so CPU per request bounds the rate better than
// any one process's view.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// USER_HZ: the kernel reports process times in 1/100 s on every Linux architecture Node runs on
const MS_PER_TICK = 10;

function stat(pid: number): { ppid: number; cpuMs: number; endedChildrenCpuMs: number } | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name: state ppid … utime stime cutime cstime (12th-15th)
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    const ticks = (...at: number[]) => at.reduce((sum, i) => sum + Number(fields[i]), 0) * MS_PER_TICK;
    return { ppid: Number(fields[1]), cpuMs: ticks(11, 12), endedChildrenCpuMs: ticks(13, 14) };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** CPU ms of a process and its direct children (a Postgres server's backends are the postmaster's),
 * those still running and those that ended (a pool closes idle connections). */
export function treeCpuMs(rootPid: number): number {
  const root = stat(rootPid);
  let total = (root?.cpuMs ?? 0) + (root?.endedChildrenCpuMs ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === rootPid) total += child.cpuMs;
  }
  return total;
}

/** The postmaster's pid, from the first line of postmaster.pid in the server's data directory. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** This process's own CPU ms (the load generator runs in it). */
export const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
