import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The core runs as an esbuild bundle (dist/core/kiosk-core.js) with the worker bundled next to it
 * (dist/core/proof-worker.js, scripts/build.ts). This builds both the way scripts/build.ts does,
 * into a temporary folder that sees the repository's node_modules, and renders a proof from it.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let out: string | undefined;
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('ProofRenderer from the esbuild bundle', () => {
  it('starts the bundled proof-worker.js next to the core bundle and renders', async () => {
    out = await mkdtemp(join(tmpdir(), 'proof-bundle-'));
    await symlink(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
    await build({
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
      absWorkingDir: ROOT,
      entryPoints: {
        'core/kiosk-core': 'printing/proof/test-support/bundle-entry.ts',
        'core/proof-worker': 'printing/proof/proof-worker.ts',
      },
      outdir: out,
    });
    expect(existsSync(join(out, 'core/proof-worker.js'))).toBe(true);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(out, 'core/kiosk-core.js')],
      {
        timeout: 30_000,
      },
    );
    expect(JSON.parse(stdout)).toEqual({ ok: true, pageCount: 1, header: '%PDF-' });
  });
});
