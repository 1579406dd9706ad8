import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';

/** A running cupsd child, with the last lines it wrote to stderr. */
export interface CupsdChild {
  /** The process. */
  readonly child: ChildProcess;
  /** Its newest stderr lines (cupsd -f writes start-up errors there). */
  readonly stderr: string[];
  /** Resolves when it has exited. */
  readonly exited: Promise<void>;
}

/** Starts `cupsd -f -c <conf> -s <files>` in its own process group. */
export function spawnCupsd(path: string, conf: string, files: string): CupsdChild {
  const child = spawn(path, ['-f', '-c', conf, '-s', files], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim() !== ''),
    );
    stderr.splice(0, Math.max(0, stderr.length - 20));
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return { child, stderr, exited };
}

/** True while the child runs. */
export function isRunning(c: CupsdChild): boolean {
  return c.child.exitCode === null && c.child.signalCode === null && c.child.pid !== undefined;
}

/** Pids of every descendant of `pid` (Linux /proc): cupsd's filters and backends. */
export async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const name of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // Field 4 (ppid) follows "(comm)", which may contain spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isFinite(ppid)) continue;
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/**
 * Ends cupsd. SIGTERM lets it stop its jobs and save state; SIGKILL (or a SIGTERM not obeyed
 * within `graceMs`) kills it at once, like a crash. Filters and backends run in process groups
 * of their own and would outlive a killed cupsd (a socket backend retries for days), so every
 * descendant is killed too.
 */
export async function endCupsd(
  c: CupsdChild,
  how: 'terminate' | 'kill',
  graceMs = 5000,
): Promise<void> {
  const pid = c.child.pid;
  if (pid === undefined || !isRunning(c)) return;
  const children = await descendants(pid);
  if (how === 'terminate') {
    signal(pid, 'SIGTERM');
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs));
    if ((await Promise.race([c.exited.then(() => 'exited' as const), timer])) === 'exited') {
      for (const child of children) signal(child, 'SIGKILL');
      return;
    }
  }
  signal(pid, 'SIGKILL');
  for (const child of children) signal(child, 'SIGKILL');
  await c.exited;
}

/** Runs an admin command (lpadmin, cupsenable, …) to its end; never rejects. */
export function runTool(
  file: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ code: number | null; errno?: string; output: string }> {
  return new Promise((resolve) => {
    execFile(file, [...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim().slice(0, 2000);
      if (error === null) return resolve({ code: 0, output });
      const errno = typeof error.code === 'string' ? error.code : undefined;
      const code = typeof error.code === 'number' ? error.code : null;
      resolve({ code, ...(errno !== undefined ? { errno } : {}), output });
    });
  });
}
