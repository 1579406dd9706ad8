/**
 * Tap → identity in the core: the real IdCardReader (serialport on one end of a socat PTY pair)
 * reading the demo card from the real IdCardSimulator (on the other end, pacing its replies at
 * 115200 baud, 10 bits per byte), 100 reads, against the pure wire time of the same bytes.
 * Goal: p95 ≤ 1.10 × wire time.
 *
 * What is measured, per read: from the moment the reader hands the OS the find-card command that
 * finds the card (timestamped by wrapping the transport the reader opens, via its `openTransport`
 * option) to the `cardInserted` event (identity decoded and its ID number checked). The poll
 * interval is a policy delay (how often the reader looks), not the cost of a read, so the time a
 * card lies on the reader before the next poll is not counted. Find card → select → read run back
 * to back with no other command in between, so the last find-card written before `cardInserted`
 * is the one that found the card (also when present() landed while that command was in flight).
 *
 * Wire time: computed from the real frame lengths (the devices frame encoders, the demo card's
 * blocks): find 10 B + reply 15 B, select 10 B + reply 19 B, read 10 B + reply 1295 B. The bench
 * checks every read against the bytes actually counted on the transport in that window. Only the
 * simulator paces its output; the host → reader commands cross the PTY instantly, so the measured
 * time contains no command line time. To compare like with like, the goal's wire time is the
 * reply bytes only (1329 B ≈ 115.4 ms); the full two-way figure (1359 B ≈ 118.0 ms, what a real
 * RS-232 line would cost) and the ratio against it are in the details.
 *
 * The simulator delivers each chunk of a reply when its last byte would have crossed a real line
 * (idcard-simulator.ts `paced`), so the measured time cannot undercut the wire time; host overhead
 * (PTY, serialport, timers, decode, checks) is measured p95 − wire.
 *
 * Each read: present the card, wait for cardInserted, remove it, wait for cardRemoved (the reader
 * then polls an empty field again). Three warm-up reads are run first and not counted.
 */
import { performance } from 'node:perf_hooks';
import {
  IdCardReader,
  encodeSamCommand,
  encodeSamReply,
  openSerialTransport,
} from '../devices/index.js';
import type { ByteTransport, ReadCard } from '../devices/index.js';
import { SAM_COMMANDS } from '../devices/idcard/sam-commands.js';
import { SW3 } from '../devices/idcard/sam-status.js';
import { IdCardSimulator, readData } from '../devices/sim/idcard-simulator.js';
import { createPtyPair } from '../devices/sim/pty-pair.js';
import { demoCard } from '../devices/sim/sim-card.js';
import { percentile, report } from './result.js';

const READS = 100;
const WARMUP = 3;
const BAUD = 115_200;
const BITS_PER_BYTE = 10;
const POLL_MS = 50;
const GOAL = 1.1;

const card = demoCard();

// ---- Wire time from the real frames ----------------------------------------------------------
const command = (name: keyof typeof SAM_COMMANDS): Uint8Array =>
  encodeSamCommand(SAM_COMMANDS[name].cmd, SAM_COMMANDS[name].para);
const commands = [command('findCard'), command('selectCard'), command('readTextAndPhoto')];
const replies = [
  encodeSamReply(SW3.cardFound, new Uint8Array(4)),
  encodeSamReply(SW3.success, new Uint8Array(8)),
  encodeSamReply(SW3.success, readData(card, false)),
];
const commandBytes = commands.reduce((sum, f) => sum + f.length, 0);
const replyBytes = replies.reduce((sum, f) => sum + f.length, 0);
const msPerByte = (BITS_PER_BYTE * 1000) / BAUD;
const wireMs = replyBytes * msPerByte;
const wireTwoWayMs = (replyBytes + commandBytes) * msPerByte;

// ---- Instrumented transport --------------------------------------------------------------------
const FIND = SAM_COMMANDS.findCard;
const probe = {
  /** performance.now() when the last find-card command was handed to the OS. */
  findAt: Number.NaN,
  /** Bytes written / received since then. */
  tx: 0,
  rx: 0,
  /** When the last bytes arrived. */
  lastRxAt: Number.NaN,
};

function instrument(inner: ByteTransport): ByteTransport {
  // Subscribed before the reader's driver, so it runs first for each chunk.
  inner.onData((bytes) => {
    probe.rx += bytes.length;
    probe.lastRxAt = performance.now();
  });
  return {
    description: inner.description,
    get isOpen() {
      return inner.isOpen;
    },
    write(bytes) {
      // A command frame: 7 header bytes, then CMD PARA.
      if (bytes[7] === FIND.cmd && bytes[8] === FIND.para) {
        probe.findAt = performance.now();
        probe.tx = 0;
        probe.rx = 0;
      }
      probe.tx += bytes.length;
      return inner.write(bytes);
    },
    onData: (listener) => inner.onData(listener),
    onClose: (listener) => inner.onClose(listener),
    close: () => inner.close(),
  };
}

// ---- Setup -------------------------------------------------------------------------------------
const pair = await createPtyPair();
const simulator = new IdCardSimulator({ baudRate: BAUD });
const simTransport = await openSerialTransport(pair.b, BAUD);
simulator.attach(simTransport);
const reader = new IdCardReader({
  port: pair.a,
  baudRate: BAUD,
  pollIntervalMs: POLL_MS,
  commandTimeoutMs: 2000,
  openTransport: async (path, baud) => instrument(await openSerialTransport(path, baud)),
});

let onInserted: ((card: ReadCard, at: number) => void) | undefined;
let onRemoved: (() => void) | undefined;
const failures: string[] = [];
reader.on('cardInserted', (read) => onInserted?.(read, performance.now()));
reader.on('cardRemoved', () => onRemoved?.());
reader.on('readFailed', (event) => failures.push(event.errorCode));

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

interface Sample {
  totalMs: number;
  /** Find-card write → last reply bytes arrive at the reader's transport. */
  transferMs: number;
  /** Last reply bytes → cardInserted (frame decode, parse, text decode, ID check). */
  afterMs: number;
}

async function readOnce(): Promise<Sample> {
  const inserted = new Promise<{ read: ReadCard; at: number }>((resolve) => {
    onInserted = (read, at) => resolve({ read, at });
  });
  simulator.present(card);
  const { read, at } = await within(inserted, 5000, 'cardInserted');
  const { findAt, lastRxAt, tx, rx } = probe;
  onInserted = undefined;
  if (read.identity.idNumber !== card.identity.idNumber) throw new Error('wrong identity');
  if (tx !== commandBytes || rx !== replyBytes) {
    throw new Error(`bytes on the wire ${tx}/${rx}, expected ${commandBytes}/${replyBytes}`);
  }
  const removed = new Promise<void>((resolve) => {
    onRemoved = resolve;
  });
  simulator.remove();
  await within(removed, 5000, 'cardRemoved');
  onRemoved = undefined;
  return { totalMs: at - findAt, transferMs: lastRxAt - findAt, afterMs: at - lastRxAt };
}

try {
  const opened = await reader.open();
  if (opened.state !== 'online') throw new Error(`reader not online: ${JSON.stringify(opened)}`);
  for (let i = 0; i < WARMUP; i++) await readOnce();
  const samples: Sample[] = [];
  for (let i = 0; i < READS; i++) samples.push(await readOnce());
  if (failures.length > 0) throw new Error(`read failures: ${failures.join(', ')}`);

  const sorted = (pick: (s: Sample) => number) => samples.map(pick).sort((a, b) => a - b);
  const total = sorted((s) => s.totalMs);
  const transfer = sorted((s) => s.transferMs);
  const after = sorted((s) => s.afterMs);
  const p50 = percentile(total, 50);
  const p95 = percentile(total, 95);
  const ratio = p95 / wireMs;
  const ms = (n: number) => Number(n.toFixed(3));
  console.log(
    `idcard read (${READS} reads, ${BAUD} baud): p50 ${p50.toFixed(2)} ms p95 ${p95.toFixed(2)} ms ` +
      `max ${total.at(-1)?.toFixed(2)} ms; wire (replies, ${replyBytes} B) ${wireMs.toFixed(2)} ms ` +
      `→ p50 ${(p50 / wireMs).toFixed(3)}× p95 ${ratio.toFixed(3)}×; ` +
      `two-way wire (${replyBytes + commandBytes} B) ${wireTwoWayMs.toFixed(2)} ms; ` +
      `host overhead p50 ${(p50 - wireMs).toFixed(2)} ms p95 ${(p95 - wireMs).toFixed(2)} ms; ` +
      `split p50: transfer ${percentile(transfer, 50).toFixed(2)} ms + after last byte ` +
      `${percentile(after, 50).toFixed(2)} ms (p95 ${percentile(after, 95).toFixed(2)} ms)`,
  );
  report({
    bench: 'idcard-read',
    metric: 'p95_ratio_to_wire_time',
    value: Number(ratio.toFixed(3)),
    goal: '<= 1.10',
    met: ratio <= GOAL,
    details: {
      reads: READS,
      baud: BAUD,
      p50Ms: ms(p50),
      p95Ms: ms(p95),
      maxMs: ms(total.at(-1) ?? Number.NaN),
      wireMs: ms(wireMs),
      wireBytes: replyBytes,
      wireDefinition: 'reply bytes only (commands are not paced by the PTY)',
      p50Ratio: Number((p50 / wireMs).toFixed(3)),
      wireTwoWayMs: ms(wireTwoWayMs),
      hostOverheadP50Ms: ms(p50 - wireMs),
      hostOverheadP95Ms: ms(p95 - wireMs),
      transferP50Ms: ms(percentile(transfer, 50)),
      transferP95Ms: ms(percentile(transfer, 95)),
      afterLastByteP50Ms: ms(percentile(after, 50)),
      afterLastByteP95Ms: ms(percentile(after, 95)),
    },
  });
} finally {
  await reader.close();
  simulator.detach();
  await simTransport.close();
  await pair.dispose();
}
