/** The two clocks a sleep detector compares. */
export interface SleepClocks {
  /** Wall-clock ms (keeps running while the machine sleeps). */
  wall(): number;
  /** Monotonic ms (CLOCK_MONOTONIC: stops while the machine sleeps on Linux). */
  monotonic(): number;
}

/** Node's clocks. */
export const systemClocks: SleepClocks = {
  wall: () => Date.now(),
  monotonic: () => performance.now(),
};

/**
 * Notices that the machine slept (suspend/resume): between two checks the wall clock moved far
 * more than the monotonic clock. USB serial adapters and HID devices are re-enumerated after a
 * resume and their old handles are dead, so the caller reopens every device. A wall-clock
 * change (NTP step) looks the same; reopening then is harmless.
 */
export class SleepDetector {
  private lastWall: number;
  private lastMono: number;

  constructor(
    private readonly clocks: SleepClocks = systemClocks,
    private readonly thresholdMs = 15_000,
  ) {
    this.lastWall = clocks.wall();
    this.lastMono = clocks.monotonic();
  }

  /** Call periodically; returns the ms slept since the last check, or 0. */
  check(): number {
    const wall = this.clocks.wall();
    const mono = this.clocks.monotonic();
    const gap = wall - this.lastWall - (mono - this.lastMono);
    this.lastWall = wall;
    this.lastMono = mono;
    return gap > this.thresholdMs ? gap : 0;
  }
}
