import type { SyncStatus } from '../../contract/index.js';
import { connect } from './core-status-cli.js';

/*
 * `npm run devices -- sync`: where delivery to the central platform stands, from the running core.
 * Exit codes: 0 nothing stuck, 1 dead letters or offline with a queue, 3 no core reachable.
 */

/** Usage line of this command. */
export const SYNC_USAGE = `  sync                        queued requests, dead letters, last contact and clock offset`;

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

/** Prints the sync status. */
export async function syncStatus(): Promise<void> {
  const client = await connect();
  if (client === undefined) return;
  try {
    const answer = await client.execute('Sync.GetStatus', {});
    if (answer.kind !== 'completed' || answer.completionCode !== 'success') {
      console.error('the core did not answer Sync.GetStatus');
      process.exitCode = 3;
      return;
    }
    for (const line of formatSyncStatus(answer.payload)) console.log(line);
    const stuck =
      answer.payload.deadLetters > 0 ||
      (answer.payload.state === 'offline' && answer.payload.queueDepth > 0);
    if (stuck) process.exitCode = 1;
  } finally {
    client.stop();
  }
}
