import { parseArgs } from 'node:util';
import type { PrintJobSummary } from '../../contract/index.js';
import { connect } from './core-status-cli.js';

/*
 * The technician CLI's print-journal commands, through the running core: list jobs (those that
 * need a look by default), settle a job whose outcome is unknown, reprint a proof. Exit codes:
 * 0 ok, 1 refused, 2 usage, 3 no core reachable.
 */

/** Usage lines of these commands. */
export const PRINT_JOBS_USAGE = `  jobs [--all]                print jobs needing a look (unknown outcome, failed); --all: the last 50
  resolve <jobId> completed|failed --tech ID --reason TEXT
                              settle a job whose outcome is unknown, after looking at the printer
  reprint <jobId> --tech ID --reason TEXT
                              print a proof again (logged with who and why)`;

/** One line per job. */
export function formatJob(job: PrintJobSummary): string {
  return [
    job.jobId,
    job.kind.padEnd(8),
    job.state.padEnd(10),
    job.document.padEnd(34),
    `${job.pages}p`.padEnd(5),
    job.updatedAt,
    job.errorCode ? `(${job.errorCode})` : '',
    job.reprintOf ? `reprint of ${job.reprintOf}` : '',
  ]
    .join(' ')
    .trimEnd();
}

/** Runs one print-journal command. */
export async function printJobs(command: string, args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        all: { type: 'boolean' },
        tech: { type: 'string' },
        // The sync commands say --technician: accept it here too.
        technician: { type: 'string' },
        reason: { type: 'string' },
      },
    });
  } catch (error) {
    parsed = undefined;
    console.error((error as Error).message);
  }
  const values = { ...parsed?.values, tech: parsed?.values.tech ?? parsed?.values.technician };
  const positionals = parsed?.positionals ?? [];
  // A mistyped outcome ("complete") must not settle a job as failed.
  const badOutcome =
    command === 'resolve' && positionals[1] !== 'completed' && positionals[1] !== 'failed';
  if (
    parsed === undefined ||
    badOutcome ||
    (command !== 'jobs' && (!positionals[0] || !values.tech || !values.reason))
  ) {
    console.error(`usage:\n${PRINT_JOBS_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const client = await connect();
  if (client === undefined) return;
  try {
    const note = { technicianId: values.tech ?? '', reason: values.reason ?? '' };
    const jobId = positionals[0] ?? '';
    const answer =
      command === 'jobs'
        ? await client.execute('Print.ListJobs', { attentionOnly: !values.all, limit: 50 })
        : command === 'reprint'
          ? await client.execute('Print.Reprint', { jobId, ...note }, { timeoutMs: 300_000 })
          : await client.execute('Print.ResolveJob', {
              jobId,
              outcome: positionals[1] === 'completed' ? 'completed' : 'failed',
              ...note,
            });
    if (answer.kind !== 'completed' || answer.completionCode !== 'success') {
      const why = answer.kind === 'completed' ? answer.errorDescription : answer.kind;
      console.error(`refused: ${why ?? 'no reason given'}`);
      process.exitCode = 1;
      return;
    }
    if ('jobs' in answer.payload) {
      if (answer.payload.jobs.length === 0) console.log('no print jobs need a look');
      for (const job of answer.payload.jobs) console.log(formatJob(job));
    } else if ('jobId' in answer.payload) {
      console.log(`reprinted as ${answer.payload.jobId}`);
    } else {
      console.log(`job ${jobId} settled`);
    }
  } finally {
    client.stop();
  }
}
