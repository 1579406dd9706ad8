import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file (not directory) under `dir`, recursively; [] when `dir` is gone. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Pids of running processes whose command line mentions `text` (Linux /proc; [] elsewhere). */
export async function processesMentioning(text: string): Promise<number[]> {
  const pids = (await readdir('/proc').catch(() => [])).filter((name) => /^\d+$/.test(name));
  const found: number[] = [];
  for (const pid of pids) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) found.push(Number(pid));
  }
  return found;
}

/**
 * SANE's `test` backend now and then hangs on an injected fault: reproduced with bare scanimage
 * outside Node (1 hang in about 400 runs on a loaded 2-core machine, 0 without load), so it is
 * the backend, not the kiosk. The kiosk's answer — a `timeOut` failure, the child killed — is
 * right for a real hung scanner; fault tests allow one retry after it so they stay about faults.
 */
export async function retryOnceOnTimeout<R>(
  run: () => Promise<R>,
  beforeRetry: () => void = () => {},
  timedOut: (result: R) => boolean = failedWithTimeout,
): Promise<R> {
  const first = await run();
  if (!timedOut(first)) return first;
  beforeRetry();
  return run();
}

/** A DeviceResult / HealthReport / batch outcome whose failure code is timeOut. */
function failedWithTimeout(result: unknown): boolean {
  const r = result as { error?: { code?: string }; failure?: { code?: string }; code?: string };
  return (r.error?.code ?? r.failure?.code ?? r.code) === 'timeOut';
}
