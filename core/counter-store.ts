import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MemoryCounters } from '../devices/index.js';
import type { DeviceCounters } from '../devices/index.js';
import type { Logger } from './log.js';

type Snapshot = Record<string, Record<string, number>>;

/**
 * Device statistics counters persisted in one JSON file (`<dataDir>/device-counters.json`).
 * Writes are debounced and atomic (temp file + rename), so a crash loses at most the last
 * `flushDelayMs` of counts and never leaves a half-written file. A corrupt file is logged and
 * replaced: counters are statistics, not records, and must never stop the kiosk starting.
 */
export class CounterStore {
  private readonly loaded: Snapshot;
  private readonly live = new Map<string, DeviceCounters>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly log: Logger,
    private readonly flushDelayMs = 2_000,
  ) {
    this.loaded = readSnapshot(file, log);
  }

  /** The counters of device `id`, starting from their persisted values. */
  countersFor(id: string): DeviceCounters {
    const existing = this.live.get(id);
    if (existing !== undefined) return existing;
    const counters = new MemoryCounters(this.loaded[id] ?? {}, () => this.scheduleFlush());
    this.live.set(id, counters);
    return counters;
  }

  /** Every device's counters now. */
  snapshot(): Snapshot {
    const out: Snapshot = { ...this.loaded };
    for (const [id, counters] of this.live) out[id] = { ...counters.snapshot() };
    return out;
  }

  /** Writes now (at shutdown). */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temp = `${this.file}.tmp`;
      writeFileSync(temp, `${JSON.stringify(this.snapshot(), null, 1)}\n`, { mode: 0o600 });
      renameSync(temp, this.file);
    } catch (error) {
      this.log.warn({ err: error, file: this.file }, 'counters.writeFailed');
    }
  }

  private scheduleFlush(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.flush(), this.flushDelayMs);
    this.timer.unref();
  }
}

function readSnapshot(file: string, log: Logger): Snapshot {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    const out: Snapshot = {};
    for (const [id, counters] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof counters !== 'object' || counters === null) continue;
      out[id] = Object.fromEntries(
        Object.entries(counters).filter(
          (entry): entry is [string, number] =>
            typeof entry[1] === 'number' && Number.isFinite(entry[1]) && entry[1] >= 0,
        ),
      );
    }
    return out;
  } catch (error) {
    log.warn({ err: error, file }, 'counters.corruptFileReset');
    return {};
  }
}
