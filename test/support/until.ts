/**
 * Polls `probe` every 10 ms until it returns a value (neither undefined nor false, so a condition
 * can be passed as is); rejects after `ms`. For integration tests.
 */
export async function until<T>(probe: () => T | undefined | false, ms = 8_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
