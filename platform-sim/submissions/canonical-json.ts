import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so key order never changes a fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The request fingerprint of the Idempotency-Key draft: hex SHA-256 of the item's canonical JSON.
 * Whitespace and key order do not count; any value does.
 */
export function itemFingerprint(item: unknown): string {
  return createHash('sha256').update(canonicalJson(item)).digest('hex');
}
