import { describe, expect, it } from 'vitest';
import { ULID_PATTERN, UlidFactory, ulidTime } from './ulid.js';

describe('ULIDs', () => {
  it('encode the creation time and sort in creation order within one millisecond', () => {
    const ids = new UlidFactory(() => 1_790_000_000_000);
    const made = Array.from({ length: 1000 }, () => ids.next());
    expect(made.every((id) => ULID_PATTERN.test(id))).toBe(true);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(1000);
    expect(ulidTime(made[0] ?? '')).toBe(1_790_000_000_000);
  });

  it('stay ordered when the clock steps back', () => {
    let now = 2_000_000;
    const ids = new UlidFactory(() => now);
    const first = ids.next();
    now -= 1000;
    expect(ids.next() > first).toBe(true);
  });
});
