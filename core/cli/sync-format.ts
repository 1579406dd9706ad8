import type { ClaimedRequest, DeadLetterSummary, SyncStatus } from '../../contract/index.js';
import { formatClaimCode } from '../../offline-cache/outbox/claim-code.js';

/* What `npm run devices -- sync …` prints: the sync status and dead letters, as lines. */

/** The status as lines for a technician. */
export function formatSyncStatus(status: SyncStatus): string[] {
  const lines = [
    `state            ${status.state}${status.consecutiveFailures > 0 ? ` (${status.consecutiveFailures} batches unanswered)` : ''}`,
    `queued           ${status.queueDepth}${status.oldestQueuedAt ? ` (oldest ${status.oldestQueuedAt})` : ''}`,
    `dead letters     ${status.deadLetters}${status.blocked > 0 ? ` (${status.blocked} held behind them)` : ''}`,
    `last contact     ${status.lastContactAt ?? 'never'}`,
  ];
  if (Math.abs(status.clockOffsetMs) > 60_000) {
    lines.push(
      `clock            ${Math.round(status.clockOffsetMs / 1000)} s behind the platform: fix the kiosk clock`,
    );
  }
  return lines;
}

/** Dead letters as a table, each with the platform's message on the line below it. */
export function formatDeadLetters(letters: readonly DeadLetterSummary[], total: number): string[] {
  if (letters.length === 0) return ['no dead letters: nothing waits for a technician'];
  const header = ['KEY', 'KIND', 'CLAIM', 'CREATED', 'REFUSED', 'ERROR', 'TRIES', 'GROUP', 'HELD'];
  const rows = letters.map((d) => [
    d.idempotencyKey,
    d.kind,
    formatClaimCode(d.claimCode),
    d.createdAt,
    d.deadLetteredAt,
    d.errorCode || '-',
    String(d.attempts),
    d.orderingKey === undefined ? '-' : `${d.orderingKey}#${d.sequence ?? '?'}`,
    String(d.holding),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [line(header)];
  letters.forEach((letter, i) => {
    lines.push(line(rows[i] ?? []));
    if (letter.message !== undefined) lines.push(`    platform: ${letter.message}`);
  });
  lines.push(
    letters.length < total
      ? `${letters.length} of ${total} open dead letters shown (oldest first); --limit shows more`
      : `${total} open dead letter${total === 1 ? '' : 's'}`,
  );
  return lines;
}

/** Where the request behind a claim ticket stands, for the clerk at the kiosk. */
export function formatClaim(c: ClaimedRequest): string[] {
  const standing: Record<ClaimedRequest['status'], string> = {
    queued: 'saved on this kiosk, waiting to be sent (or for the platform to confirm)',
    confirmed: `received by the platform, tracking number ${c.trackingNumber ?? '-'}`,
    deadLettered:
      'refused by the platform: a technician must requeue or discard it (sync dead-letters)',
    discarded: 'given up by a technician',
  };
  return [
    `claim code   ${c.claimCode}`,
    `kind         ${c.kind}`,
    `created      ${c.createdAt}`,
    `status       ${standing[c.status]}`,
    ...(c.confirmedAt !== undefined ? [`confirmed    ${c.confirmedAt}`] : []),
    `key          ${c.idempotencyKey}`,
  ];
}

/** One dead letter in full, for the technician to check before discarding it. */
export function formatDeadLetter(d: DeadLetterSummary): string[] {
  return [
    `key          ${d.idempotencyKey}`,
    `kind         ${d.kind}`,
    `claim code   ${formatClaimCode(d.claimCode)} (on the citizen's ticket)`,
    `created      ${d.createdAt}`,
    `refused      ${d.deadLetteredAt}: ${d.errorCode || '-'}${d.message ? ` — ${d.message}` : ''}`,
    ...(d.orderingKey !== undefined
      ? [`group        ${d.orderingKey} #${d.sequence ?? '?'}, ${d.holding} held behind it`]
      : []),
  ];
}
