import { describe, expect, it } from 'vitest';
import { runCrashRounds } from '../support/crash-rounds.js';

/**
 * kill -9 at random moments while requests are taken and delivered (some rounds with the platform
 * committing a batch and dropping its answer): afterwards the platform holds every acknowledged
 * request exactly once. 200 rounds (about 80 s); KIOSK_CRASH_ROUNDS changes it, and
 * `npm run bench -- crash [rounds]` runs it as a benchmark.
 */
const ROUNDS = Number(process.env.KIOSK_CRASH_ROUNDS ?? 200);

describe('sync survives kill -9', () => {
  it(`loses nothing and stores nothing twice over ${ROUNDS} killed rounds`, async () => {
    const result = await runCrashRounds(ROUNDS);
    expect(result.acknowledged).toBeGreaterThan(ROUNDS);
    expect(result.lost).toEqual([]);
    expect(result.duplicates).toEqual([]);
  }, 400_000);
});
