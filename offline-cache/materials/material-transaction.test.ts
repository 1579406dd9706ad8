import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyProviderError, type KeyProvider } from '../crypto/key-provider.js';
import { Outbox } from '../outbox/outbox.js';
import { testOutbox } from '../outbox/test-outbox.js';
import { applicationWith, enqueueApplication, scanned } from './test-materials.js';

const CHILD = join(import.meta.dirname, 'material-crash-child.ts');
const MiB = 1024 * 1024;
let t: ReturnType<typeof testOutbox>;
beforeEach(() => {
  t = testOutbox();
});
afterEach(() => t.remove());

const count = (table: string): number =>
  t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const counts = () => ({
  requests: count('requests'),
  outbox: count('outbox'),
  materials: count('materials'),
});
const pragma = (name: string): number => t.db.pragma(name, { simple: true }) as number;

describe('an application is saved whole or not at all', () => {
  it('a failure while writing its documents leaves no request, outbox row or document', () => {
    const earlier = enqueueApplication(t.outbox, [scanned(100)]);
    // The key goes away after the payload and the first document were sealed (in the transaction).
    let keyRequests = 0;
    const failing: KeyProvider = {
      getKey: () => {
        if (++keyRequests === 3) throw new KeyProviderError('keyFileUnreadable', 'key file gone');
        return t.keys.getKey();
      },
    };
    const outbox = new Outbox(t.db, { kioskId: 'FS-CHANCHENG-0042', keys: failing });
    const refused = outbox.enqueue({
      ...applicationWith([scanned(1000), scanned(1000), scanned(1000)]),
      orderingKey: 'CASE-1',
    });
    expect(refused).toMatchObject({ ok: false, code: 'keyUnavailable', action: 'configuration' });
    expect(keyRequests).toBe(3);
    expect(counts()).toEqual({ requests: 1, outbox: 1, materials: 1 });
    expect(count('ordering_groups')).toBe(0);
    expect(t.outbox.materials.forRequest(earlier)).toHaveLength(1);

    // The same outbox takes the next one whole, numbered as if the refused one never was.
    const next = t.outbox.enqueue({ ...applicationWith([scanned(10)]), orderingKey: 'CASE-1' });
    expect(next).toMatchObject({ ok: true, sequence: 1 });
  });

  it('a full disk during a large document answers storageFull, writes nothing, and recovers', () => {
    const earlier = [scanned(20_000), scanned(30_000)];
    const kept = enqueueApplication(t.outbox, earlier);
    // Room for small requests, not for a 2 MiB scan.
    t.db.pragma(`max_page_count = ${pragma('page_count') + 100}`);
    const large = applicationWith([scanned(10_000), scanned(2 * MiB)]);
    const refused = t.outbox.enqueue(large);
    expect(refused).toMatchObject({ ok: false, code: 'storageFull', action: 'maintenance' });
    expect(refused.ok === false && refused.message).toMatch(/nothing was written/);
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts()).toEqual({ requests: 1, outbox: 1, materials: 2 });
    t.outbox.materials.forRequest(kept).forEach((material, i) => {
      expect(
        t.outbox.materials.read(material.materialId)?.equals(earlier[i]?.data ?? new Uint8Array()),
      ).toBe(true);
    });

    // Small requests still fit; the large one does once a technician frees space.
    expect(t.outbox.enqueue(applicationWith([scanned(1000)])).ok).toBe(true);
    t.db.pragma(`max_page_count = ${pragma('page_count') + 10_000}`);
    expect(t.outbox.enqueue(large).ok).toBe(true);
    t.reopen();
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts()).toEqual({ requests: 3, outbox: 3, materials: 5 });
  });

  it(
    'a kill -9 in the middle of the transaction leaves only what was committed before',
    { timeout: 60_000 },
    () => {
      t.db.close(); // the child owns the file until it dies
      writeFileSync(join(t.dir, 'key'), t.keys.getKey(), { mode: 0o600 });
      const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, t.dir], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(child.signal, child.stderr).toBe('SIGKILL');
      const committed = child.stdout.split('\n').filter(Boolean);
      expect(committed).toHaveLength(1);
      // The uncommitted documents did reach the disk (spilled into the WAL) before the kill…
      expect(statSync(join(t.dir, 'kiosk.sqlite-wal')).size).toBeGreaterThan(8 * MiB);

      t.reopen();
      // …and recovery ignores them: the first application alone, whole and readable.
      expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(counts()).toEqual({ requests: 1, outbox: 1, materials: 1 });
      const [material] = t.outbox.materials.forRequest(committed[0] ?? '');
      expect(t.outbox.materials.read(material?.materialId ?? 0)?.length).toBe(1000);
      expect(t.outbox.enqueue(applicationWith([scanned(10)])).ok).toBe(true);
    },
  );
});
