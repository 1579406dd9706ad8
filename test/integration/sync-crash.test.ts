import { describe, expect, it } from 'vitest';
import { runCrashRounds } from '../support/crash-rounds.js';

/**
 * kill -9 at random moments while requests are taken and delivered — document applications among
 * them, killed mid-upload too — (some rounds with the platform committing a batch and dropping its
 * answer): afterwards the platform holds every acknowledged request exactly once. 200 rounds (about 80 s); KIOSK_CRASH_ROUNDS changes it, and
 * `npm run bench -- crash [rounds]` runs it as a benchmark.
 */
const ROUNDS = Number(process.env.KIOSK_CRASH_ROUNDS ?? 200);

describe('sync survives kill -9', () => {
  it(`loses nothing and stores nothing twice over ${ROUNDS} killed rounds`, async () => {
    const result = await runCrashRounds(ROUNDS);
    expect(result.acknowledged).toBeGreaterThan(ROUNDS);
    expect(result.lost).toEqual([]);
    expect(result.duplicates).toEqual([]);
    // Applications went through too, each with both of its pages uploaded.
    expect(result.applications).toBeGreaterThan(0);
    expect(result.uploadsCompleted).toBeGreaterThanOrEqual(result.applications * 2);
  }, 400_000);
});
