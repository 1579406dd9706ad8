/**
 * Durable enqueue rate: Outbox.enqueue (the citizen's record + its outbox row + the ordering
 * sequence when there is one, payload sealed with AES-256-GCM, one transaction each) against a raw
 * better-sqlite3 loop that inserts one row of the same shape and size per transaction, on another
 * file in the same folder, with the same pragmas (WAL, synchronous=FULL). Goal: ≥ 0.8× the raw rate.
 *
 * Both pay one WAL fsync per commit, which dominates; what the ratio shows is the outbox's own
 * cost on top (encryption, ULID, claim code, the second row and index updates). The two loops run
 * in alternating rounds so disk noise (other processes, writeback) hits both alike. The temporary
 * folder must be on a real disk for the fsyncs to mean anything (tmpfs would make both CPU-bound).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { StaticKeyProvider } from '../offline-cache/crypto/key-provider.js';
import { openKioskDatabase } from '../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../offline-cache/migrations/index.js';
import { Outbox } from '../offline-cache/outbox/outbox.js';
import { percentile, report } from './result.js';

const ROUNDS = 160;
const PER_ROUND = 20;
const WARMUP = 200;
const GOAL = 0.8;

/** A proof-printed record as the core will queue it. */
const payload = {
  name: '张三',
  idNumber: '11010519491231002X',
  proofType: 'noHousing',
  proofId: 'NH-2026-000123',
  pages: 1,
  printedAt: '2026-11-23T10:00:00.000Z',
  journalId: '01JD5Z8X7W6V5T4S3R2Q1P0N9M',
};

const median = (values: number[] | undefined): number =>
  percentile(
    [...(values ?? [])].sort((a, b) => a - b),
    50,
  );

const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-outbox-'));
try {
  const outboxDb = openKioskDatabase(join(dir, 'outbox.sqlite'), KIOSK_MIGRATIONS);
  const outbox = new Outbox(outboxDb, {
    kioskId: 'FS-CHANCHENG-0042',
    keys: new StaticKeyProvider(randomBytes(32)),
    maxQueued: 1_000_000,
  });

  const rawDb = new Database(join(dir, 'raw.sqlite'));
  rawDb.pragma('journal_mode = WAL');
  rawDb.pragma('synchronous = FULL');
  // The request record alone, as a plain table would hold it: id, unique key, the same columns.
  rawDb.exec(`CREATE TABLE raw (
    id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    created_at TEXT NOT NULL, status TEXT NOT NULL, payload BLOB NOT NULL,
    updated_at TEXT NOT NULL) STRICT`);
  const insert = rawDb.prepare(
    `INSERT INTO raw (idempotency_key, kind, created_at, status, payload, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // Same bytes per row as a sealed payload: version + nonce + JSON + tag.
  const sealedSize = 1 + 12 + Buffer.byteLength(JSON.stringify(payload)) + 16;
  let rawCount = 0;

  const enqueueOne = (): void => {
    const result = outbox.enqueue({ kind: 'proofPrinted', payload });
    if (!result.ok) throw new Error(`enqueue failed: ${result.message}`);
  };
  const insertOne = (): void => {
    const at = new Date().toISOString();
    const key = `FS-CHANCHENG-0042.RAW${String(rawCount++).padStart(23, '0')}`;
    insert.run(key, 'proofPrinted', at, 'queued', randomBytes(sealedSize), at);
  };
  /** Per-operation times (µs), for the medians in the details. */
  const latencies = new Map<() => void, number[]>([
    [enqueueOne, []],
    [insertOne, []],
  ]);
  const timed = (fn: () => void, n: number): number => {
    const samples = latencies.get(fn) ?? [];
    const start = performance.now();
    let last = start;
    for (let i = 0; i < n; i++) {
      fn();
      const now = performance.now();
      samples.push((now - last) * 1000);
      last = now;
    }
    return last - start;
  };

  timed(enqueueOne, WARMUP);
  timed(insertOne, WARMUP);
  for (const samples of latencies.values()) samples.length = 0;
  let outboxMs = 0;
  let rawMs = 0;
  const roundRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always follows the other's writeback.
    const first = round % 2 === 0 ? enqueueOne : insertOne;
    const second = first === enqueueOne ? insertOne : enqueueOne;
    const firstMs = timed(first, PER_ROUND);
    const secondMs = timed(second, PER_ROUND);
    const [o, r] = first === enqueueOne ? [firstMs, secondMs] : [secondMs, firstMs];
    outboxMs += o;
    rawMs += r;
    roundRatios.push(r / o); // rate ratio = time ratio inverted
  }
  const n = ROUNDS * PER_ROUND;
  const outboxRate = (n / outboxMs) * 1000;
  const rawRate = (n / rawMs) * 1000;
  const overallRatio = outboxRate / rawRate;
  // The median of paired rounds: a burst of someone else's disk traffic spoils a round or two,
  // not the result.
  const ratio = percentile(
    [...roundRatios].sort((x, y) => x - y),
    50,
  );
  console.log(
    `durable enqueue (${n} each in ${ROUNDS} alternating rounds, WAL + synchronous=FULL, ${dir}): ` +
      `Outbox.enqueue ${outboxRate.toFixed(0)}/s (${((outboxMs / n) * 1000).toFixed(0)} µs each), ` +
      `raw INSERT ${rawRate.toFixed(0)}/s (${((rawMs / n) * 1000).toFixed(0)} µs each); ` +
      `overall ${overallRatio.toFixed(3)}× raw, median round ${ratio.toFixed(3)}× ` +
      `(rounds ${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)})`,
  );
  outboxDb.close();
  rawDb.close();
  report({
    bench: 'outbox',
    metric: 'durable_enqueue_rate_ratio_vs_raw_insert_median_round',
    value: Number(ratio.toFixed(3)),
    goal: `>= ${GOAL}`,
    met: ratio >= GOAL,
    details: {
      enqueues: n,
      overallRatio: Number(overallRatio.toFixed(3)),
      outboxPerSecond: Math.round(outboxRate),
      rawInsertsPerSecond: Math.round(rawRate),
      outboxMicrosEach: Math.round((outboxMs / n) * 1000),
      rawMicrosEach: Math.round((rawMs / n) * 1000),
      outboxP50Micros: Math.round(median(latencies.get(enqueueOne))),
      rawP50Micros: Math.round(median(latencies.get(insertOne))),
      payloadBytesSealed: sealedSize,
    },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
