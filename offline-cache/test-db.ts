import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for a test's database files; remove() deletes it. */
export function tempDbDir(): { dir: string; file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-db-'));
  return { dir, file: join(dir, 'kiosk.sqlite'), remove: () => rmSync(dir, { recursive: true }) };
}
