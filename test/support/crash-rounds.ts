import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { startPlatformProcess } from './platform-process.js';
import { platformControl } from './sync-kiosk.js';

/** What a crash run found. */
export interface CrashRunResult {
  /** Rounds run (each ended by SIGKILL). */
  rounds: number;
  /** Requests acknowledged to citizens (committed, claim ticket printed). */
  acknowledged: number;
  /** Of those, document applications (each with two scanned pages to upload). */
  applications: number;
  /** Uploads the platform completed (at least two per application; kills mid-upload may add orphans). */
  uploadsCompleted: number;
  /** Acknowledged requests the platform does not have after the final drain. */
  lost: string[];
  /** Requests the platform stored more than once. */
  duplicates: string[];
  /** Requests the platform stored in total. */
  stored: number;
  /** Rounds in which the platform committed a batch and dropped the answer just before the kill. */
  droppedAnswers: number;
  /** Wall time of the whole run, ms. */
  ms: number;
}

interface PlatformStats {
  acceptedByKey: Record<string, number>;
  uploads: { created: number; completed: number };
}

/**
 * The crash test: the kiosk core's sync side (test/support/sync-crash-child.ts) takes requests and
 * delivers them to a real platform-sim process over HTTP, and is killed with SIGKILL at a random
 * moment, `rounds` times; some rounds also make the platform commit a batch and drop its answer.
 * Then one last run drains the outbox, and the platform's own counts must show every acknowledged
 * request stored exactly once.
 */
export async function runCrashRounds(
  rounds: number,
  random: () => number = Math.random,
): Promise<CrashRunResult> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'sync-crash-'));
  const child = await bundleChild();
  const platform = await startPlatformProcess(join(dir, 'platform'));
  const acknowledged = new Set<string>();
  const applications = new Set<string>();
  let droppedAnswers = 0;
  try {
    mkdirSync(join(dir, 'kiosk'), { recursive: true });
    for (let round = 0; round < rounds; round++) {
      const run = startChild(child, dir, platform.url, false, acknowledged, applications);
      await run.ready;
      if (random() < 0.3) {
        droppedAnswers += 1;
        await platformControl(platform.url, 'POST', '/_control/faults', { mode: 'commitThenDrop' });
      }
      await new Promise((resolve) => setTimeout(resolve, 20 + random() * 300));
      run.process.kill('SIGKILL');
      await run.exited;
      await platformControl(platform.url, 'DELETE', '/_control/faults');
    }
    const drain = startChild(child, dir, platform.url, true, acknowledged, applications);
    const drained = await Promise.race([
      drain.drained,
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000)),
    ]);
    drain.process.kill('SIGKILL');
    if (!drained) throw new Error('the outbox did not drain within 60 s');
    const stats = (await platformControl(platform.url, 'GET', '/_control/stats')) as PlatformStats;
    const byKey = stats.acceptedByKey;
    return {
      rounds,
      acknowledged: acknowledged.size,
      applications: applications.size,
      uploadsCompleted: stats.uploads.completed,
      lost: [...acknowledged].filter((key) => byKey[key] !== 1),
      duplicates: Object.entries(byKey)
        .filter(([, count]) => count > 1)
        .map(([key]) => key),
      stored: Object.keys(byKey).length,
      droppedAnswers,
      ms: Date.now() - started,
    };
  } finally {
    platform.process.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The child as one ESM file inside node_modules/.cache, so its packages resolve; starts fast. */
async function bundleChild(): Promise<string> {
  const outfile = join('node_modules', '.cache', 'kiosk-crash-test', 'sync-crash-child.mjs');
  await build({
    entryPoints: ['test/support/sync-crash-child.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

function startChild(
  file: string,
  dir: string,
  platformUrl: string,
  drain: boolean,
  acknowledged: Set<string>,
  applications: Set<string>,
) {
  const args = [file, '--dir', join(dir, 'kiosk'), '--platform', platformUrl];
  const process_: ChildProcess = spawn(process.execPath, drain ? [...args, '--drain'] : args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let readyResolve: () => void = () => {};
  let drainedResolve: (value: true) => void = () => {};
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const drained = new Promise<true>((resolve) => (drainedResolve = resolve));
  createInterface({ input: process_.stdout! }).on('line', (line) => {
    if (line === 'READY') readyResolve();
    else if (line === 'DRAINED') drainedResolve(true);
    else if (line.startsWith('ACK ')) {
      const [, key = '', kind] = line.split(' ');
      acknowledged.add(key);
      if (kind === 'documentApplication') applications.add(key);
    }
  });
  const exited = new Promise((resolve) => process_.once('exit', resolve));
  return { process: process_, ready, drained, exited };
}
