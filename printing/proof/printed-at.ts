/**
 * Printing times are shown in China Standard Time (UTC+8, no daylight saving) whatever the
 * machine's time zone, so the same request always renders the same bytes.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2026-03-02T01:22:05Z" → "2026-03-02 09:22:05"; undefined for an unparseable time. */
export function formatPrintedAt(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  const local = new Date(ms + CST_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}
