import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScanStore } from './scan-store.js';

describe('ScanStore', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('makes a fresh kiosk’s missing scans folder, private, on the first scan', async () => {
    const root = mkdtempSync(join(tmpdir(), 'scan-store-'));
    made.push(root);
    const store = new ScanStore(join(root, 'data', 'scans'));
    const { scanId, dir } = await store.create();
    expect(statSync(join(root, 'data', 'scans')).mode & 0o777).toBe(0o700);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(await store.discard(scanId)).toBe(true);
    expect(store.dirOf(scanId)).toBeUndefined();
  });
});
