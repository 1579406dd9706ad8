import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SpoolStore } from './spool-store.js';

const HOUR = 3_600_000;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spool-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('keeps a job’s PDF private, and deletes those past the retention when the next job is kept', () => {
  const spool = new SpoolStore(join(dir, 'spool'), 24 * HOUR);
  const old = '01JD5Z8X7W6V5T4S3R2Q1P0N9M';
  const next = '01JD5Z8X7W6V5T4S3R2Q1P0N9N';
  spool.write(old, new Uint8Array([1, 2, 3]));
  expect(statSync(join(dir, 'spool', `${old}.pdf`)).mode & 0o777).toBe(0o600);
  // A kiosk that runs for days: a PDF kept a day and a bit ago goes with the next job.
  const dayAndABitAgo = new Date(Date.now() - 25 * HOUR);
  utimesSync(join(dir, 'spool', `${old}.pdf`), dayAndABitAgo, dayAndABitAgo);
  spool.write(next, new Uint8Array([4]));
  expect(spool.read(old)).toBeUndefined();
  expect([...(spool.read(next) ?? [])]).toEqual([4]);
});
