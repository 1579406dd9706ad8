import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  commands,
  type CommandName,
  type CommandPayload,
  type CommandResult,
  type KioskClient,
} from '../../contract/index.js';
import { connect } from './core-status-cli.js';
import {
  formatClaim,
  formatDeadLetter,
  formatDeadLetters,
  formatSyncStatus,
} from './sync-format.js';

/*
 * `npm run devices -- sync …`: where delivery to the central platform stands, and the requests it
 * refused (dead letters), from the running core. Exit codes: 0 ok (for the bare `sync`: nothing
 * stuck), 1 dead letters or offline with a queue / refused / not confirmed, 2 usage, 3 no core.
 */

/** Usage lines of these commands. */
export const SYNC_USAGE = `  sync                        queued requests, dead letters, last contact and clock offset
  sync dead-letters [--limit N]
                              requests the platform refused, oldest first (no personal data)
  sync requeue <key> --technician ID --reason TEXT
                              send a dead letter again, after its cause was fixed
  sync discard <key> --technician ID --reason TEXT [--yes]
                              give a dead letter up for good: its data is erased (asks first)
  sync claim <code>           where the request behind a claim ticket stands: the code as
                              printed (XXXX-XXXX) or the ticket's QR (<kioskId>/XXXX-XXXX)`;

/** Most dead letters one listing asks for (the contract's limit). */
const MAX_LISTED = 500;

/** A `sync` command line, checked. */
export type SyncRequest =
  | { command: 'status' }
  | { command: 'deadLetters'; limit: number }
  | {
      command: 'claim';
      /** The code as typed. */
      claimCode: string;
      /** The kiosk the ticket names, when its QR was scanned. */
      kioskId?: string;
    }
  | {
      command: 'resolve';
      /** What the core is asked to do. */
      payload: CommandPayload<'Sync.ResolveDeadLetter'>;
      /** The technician confirmed on the command line (`--yes`): do not ask. */
      yes: boolean;
    };

/** A client of the running core, as far as these commands use it. */
export type CoreClient = Pick<KioskClient, 'execute' | 'stop'>;

/** How the commands reach the core and the technician (replaced in tests). */
export interface SyncCliIo {
  /** Connects to the running core; undefined when none answers (already reported). */
  connect: () => Promise<CoreClient | undefined>;
  /** Asks the technician a yes/no question; false unless they answer yes. */
  confirm: (question: string) => Promise<boolean>;
  /** Prints a line of results. */
  out: (line: string) => void;
  /** Prints a line about a problem. */
  err: (line: string) => void;
}

/** Reads `sync …` arguments (after `sync`); a usage text when they do not make a command. */
export function parseSyncArgs(args: readonly string[]): SyncRequest | { usage: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        limit: { type: 'string' },
        technician: { type: 'string' },
        // The print-journal commands say --tech: accept it here too.
        tech: { type: 'string' },
        reason: { type: 'string' },
        yes: { type: 'boolean' },
      },
    });
  } catch (error) {
    return { usage: (error as Error).message };
  }
  const { values, positionals } = parsed;
  const [sub, key, ...extra] = positionals;
  if (sub === undefined) return { command: 'status' };
  if (sub === 'dead-letters') {
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LISTED) {
      return { usage: `--limit must be a whole number from 1 to ${MAX_LISTED}` };
    }
    return { command: 'deadLetters', limit };
  }
  if (sub === 'claim') {
    const typed = [key, ...extra].join('');
    const slash = typed.lastIndexOf('/');
    const claimCode = typed.slice(slash + 1);
    if (claimCode.length < 8)
      return { usage: 'claim needs the code on the ticket, e.g. K7QF-2M9D' };
    return {
      command: 'claim',
      claimCode,
      ...(slash > 0 ? { kioskId: typed.slice(0, slash) } : {}),
    };
  }
  if (sub !== 'requeue' && sub !== 'discard') return { usage: `unknown sync command "${sub}"` };
  if (key === undefined) return { usage: `${sub} needs the dead letter's key` };
  if (extra.length > 0) return { usage: `unexpected "${extra.join(' ')}" (quote the reason)` };
  const payload = {
    idempotencyKey: key,
    resolution: sub,
    technicianId: values.technician ?? values.tech ?? '',
    reason: values.reason ?? '',
  };
  const checked = commands['Sync.ResolveDeadLetter'].payload.safeParse(payload);
  if (!checked.success) {
    const fields = new Set(checked.error.issues.map((issue) => String(issue.path[0])));
    return { usage: [...fields].map((field) => FIELD_PROBLEMS[field] ?? field).join('\n') };
  }
  return { command: 'resolve', payload: checked.data, yes: values.yes === true };
}

const FIELD_PROBLEMS: Record<string, string> = {
  idempotencyKey: 'key: not a dead letter key (<kioskId>.<ULID>, as "sync dead-letters" lists it)',
  technicianId: '--technician: your staff id, 2 to 32 letters, digits, - or _',
  reason: '--reason: why, 3 to 200 characters (in quotes)',
};

/** Runs a `sync …` command line; resolves with the exit code. */
export async function runSync(args: readonly string[], io: SyncCliIo): Promise<number> {
  const request = parseSyncArgs(args);
  if ('usage' in request) {
    io.err(request.usage);
    io.err(`usage:\n${SYNC_USAGE}`);
    return 2;
  }
  const client = await io.connect();
  if (client === undefined) return 3;
  try {
    if (request.command === 'status') return await showStatus(client, io);
    if (request.command === 'deadLetters') return await listDeadLetters(client, io, request.limit);
    if (request.command === 'claim') return await findClaim(client, io, request);
    return await resolveDeadLetter(client, io, request);
  } finally {
    client.stop();
  }
}

/** `npm run devices -- sync …` on this process's terminal. */
export async function syncCli(args: readonly string[]): Promise<void> {
  process.exitCode = await runSync(args, {
    connect,
    confirm: askOnTerminal,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}

async function showStatus(client: CoreClient, io: SyncCliIo): Promise<number> {
  const answer = await client.execute('Sync.GetStatus', {});
  if (answer.kind !== 'completed' || answer.completionCode !== 'success') {
    io.err('the core did not answer Sync.GetStatus');
    return 3;
  }
  for (const line of formatSyncStatus(answer.payload)) io.out(line);
  const stuck =
    answer.payload.deadLetters > 0 ||
    (answer.payload.state === 'offline' && answer.payload.queueDepth > 0);
  return stuck ? 1 : 0;
}

async function listDeadLetters(client: CoreClient, io: SyncCliIo, limit: number): Promise<number> {
  const answer = await client.execute('Sync.ListDeadLetters', { limit });
  if (answer.kind !== 'completed' || answer.completionCode !== 'success') {
    io.err(`refused: ${why(answer)}`);
    return 1;
  }
  for (const line of formatDeadLetters(answer.payload.deadLetters, answer.payload.total)) {
    io.out(line);
  }
  return 0;
}

async function findClaim(
  client: CoreClient,
  io: SyncCliIo,
  request: Extract<SyncRequest, { command: 'claim' }>,
): Promise<number> {
  if (request.kioskId !== undefined) {
    const state = await client.execute('Kiosk.GetState', {});
    const here = state.kind === 'completed' && state.completionCode === 'success';
    if (here && state.payload.kioskId !== request.kioskId) {
      io.err(
        `this ticket is from kiosk ${request.kioskId}, this is ${state.payload.kioskId}: ` +
          'look it up on that kiosk or at the platform',
      );
      return 1;
    }
  }
  const claimCode = request.claimCode.slice(0, 20);
  const answer = await client.execute('Sync.FindClaim', { claimCode });
  if (answer.kind !== 'completed' || answer.completionCode !== 'success') {
    io.err(`not found: ${why(answer)}`);
    return 1;
  }
  for (const line of formatClaim(answer.payload)) io.out(line);
  return 0;
}

async function resolveDeadLetter(
  client: CoreClient,
  io: SyncCliIo,
  request: Extract<SyncRequest, { command: 'resolve' }>,
): Promise<number> {
  const { idempotencyKey, resolution } = request.payload;
  if (resolution === 'discard' && !request.yes) {
    const confirmed = await confirmDiscard(client, io, idempotencyKey);
    if (confirmed !== true) return confirmed;
  }
  const answer = await client.execute('Sync.ResolveDeadLetter', request.payload);
  if (answer.kind !== 'completed' || answer.completionCode !== 'success') {
    io.err(`refused: ${why(answer)}`);
    return 1;
  }
  io.out(
    resolution === 'requeue'
      ? `${idempotencyKey} requeued: it is sent again in its original place`
      : `${idempotencyKey} discarded: its data is erased`,
  );
  return 0;
}

/**
 * Shows the dead letter about to be discarded and asks: a mistyped key must not cost a citizen
 * their request. True to go on, else the exit code.
 */
async function confirmDiscard(
  client: CoreClient,
  io: SyncCliIo,
  idempotencyKey: string,
): Promise<true | number> {
  const listed = await client.execute('Sync.ListDeadLetters', { limit: MAX_LISTED });
  if (listed.kind !== 'completed' || listed.completionCode !== 'success') {
    io.err(`cannot show the dead letter first: ${why(listed)}`);
    return 1;
  }
  const letter = listed.payload.deadLetters.find((d) => d.idempotencyKey === idempotencyKey);
  if (letter !== undefined) {
    for (const line of formatDeadLetter(letter)) io.out(line);
  } else if (listed.payload.deadLetters.length >= listed.payload.total) {
    io.err(`no open dead letter has the key ${idempotencyKey}: nothing discarded`);
    io.err('list them with: npm run devices -- sync dead-letters');
    return 1;
  } else {
    io.out(`(not among the ${MAX_LISTED} oldest open dead letters: details not shown)`);
  }
  const question = `Discard it? The citizen's request is given up and its data erased. Type yes: `;
  if (await io.confirm(question)) return true;
  io.err('not discarded');
  return 1;
}

function why(answer: CommandResult<CommandName>): string {
  if (answer.kind === 'rejected') return `the core rejected the command (${answer.status})`;
  if (answer.kind === 'lost') {
    return answer.reason === 'timeOut' ? 'the core did not answer in time' : 'connection lost';
  }
  return ('errorDescription' in answer ? answer.errorDescription : undefined) ?? 'no reason given';
}

/** Asks on the terminal; end of input (no terminal, Ctrl-D) counts as no. */
function askOnTerminal(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    let answered = false;
    rl.on('close', () => {
      if (answered) return;
      process.stdout.write('\n');
      resolve(false);
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(answer.trim().toLowerCase() === 'yes');
    });
  });
}
