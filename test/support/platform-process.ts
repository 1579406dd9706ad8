import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A real platform-sim process (from source, through tsx) on a free port with its own data dir. */
export async function startPlatformProcess(
  dataDir: string,
): Promise<{ url: string; process: ChildProcess }> {
  const platform = spawn(
    process.execPath,
    ['--import', 'tsx', 'platform-sim/platform-sim.ts', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    platform.once('exit', (code) => reject(new Error(`platform-sim exited with ${code}`)));
    createInterface({ input: platform.stdout! }).on('line', (line) => {
      const ready = JSON.parse(line) as { event?: string; url?: string };
      if (ready.event === 'platform.ready' && ready.url) resolve(ready.url);
    });
  });
  return { url, process: platform };
}
