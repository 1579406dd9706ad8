import type { z } from 'zod';
import type { AckRejection, CompletionCode } from './completion-codes.js';
import {
  AcknowledgeEnvelope,
  CommandEnvelope,
  CompletionEnvelope,
  EventEnvelope,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  UnsolicitedEnvelope,
  type ServerMessage,
} from './envelope.js';
import {
  commands,
  isCommandName,
  isUnsolicitedName,
  unsolicitedEvents,
  type CommandName,
  type CommandPayload,
  type UnsolicitedName,
  type UnsolicitedPayload,
} from './messages.js';

/** A command that passed every check: envelope, known name, payload schema. */
export interface ValidCommand<N extends CommandName = CommandName> {
  /** The command's name. */
  name: N;
  /** Its requestId. */
  requestId: number;
  /** Its timeout, when the client set one. */
  timeoutMs: number | undefined;
  /** Its payload, parsed by the command's schema. */
  payload: CommandPayload<N>;
}

/** Result of reading one incoming message: a valid command, or how to reject it. */
export type ParsedCommand =
  | { ok: true; command: ValidCommand }
  | { ok: false; status: AckRejection; name: string; requestId: number; description: string };

const UNKNOWN_NAME = 'Unknown.Message';

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 480);
}

/** Reads one text message from a client. Never throws, whatever the input. */
export function parseCommand(text: string): ParsedCommand {
  const reject = (status: AckRejection, description: string, name = UNKNOWN_NAME, requestId = 0) =>
    ({ ok: false, status, name, requestId, description }) as const;
  if (byteLength(text) > MAX_MESSAGE_BYTES) {
    return reject('invalidMessage', `message larger than ${MAX_MESSAGE_BYTES} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return reject('invalidMessage', 'message is not valid JSON');
  }
  const envelope = CommandEnvelope.safeParse(json);
  if (!envelope.success) {
    const { name, requestId } = salvageHeader(json);
    const badId = envelope.error.issues.some((i) => i.path.join('.') === 'header.requestId');
    return reject(
      badId ? 'invalidRequestId' : 'invalidMessage',
      describe(envelope.error),
      name,
      requestId,
    );
  }
  const { header, payload } = envelope.data;
  if (!isCommandName(header.name)) {
    return reject(
      'unsupportedCommand',
      `unknown command ${header.name}`,
      header.name,
      header.requestId,
    );
  }
  const parsed = commands[header.name].payload.safeParse(payload);
  if (!parsed.success) {
    return reject('invalidMessage', describe(parsed.error), header.name, header.requestId);
  }
  return {
    ok: true,
    command: {
      name: header.name,
      requestId: header.requestId,
      timeoutMs: header.timeoutMs,
      payload: parsed.data as CommandPayload<CommandName>,
    },
  };
}

// Best effort: echo back what we can of a broken header so the client can match the rejection.
function salvageHeader(json: unknown): { name: string; requestId: number } {
  const header = (json as { header?: { name?: unknown; requestId?: unknown } } | null)?.header;
  const name =
    typeof header?.name === 'string' &&
    /^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*$/.test(header.name) &&
    header.name.length <= 64
      ? header.name
      : UNKNOWN_NAME;
  const id = header?.requestId;
  const requestId =
    typeof id === 'number' && Number.isInteger(id) && id > 0 && id < 2 ** 31 ? id : 0;
  return { name, requestId };
}

function byteLength(text: string): number {
  // UTF-8 length without Node's Buffer: the contract runs in browsers too.
  if (text.length * 3 <= MAX_MESSAGE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/** Builds an acknowledge; pass a status to reject. */
export function acknowledge(
  name: string,
  requestId: number,
  rejection?: { status: AckRejection; description: string },
): AcknowledgeEnvelope {
  return {
    header: {
      type: 'acknowledge',
      name,
      requestId,
      version: PROTOCOL_VERSION,
      ...(rejection ? { status: rejection.status, errorDescription: rejection.description } : {}),
    },
    payload: {},
  };
}

/** Builds a completion. */
export function completion(
  name: string,
  requestId: number,
  completionCode: CompletionCode,
  payload: Record<string, unknown> = {},
  errorDescription?: string,
): CompletionEnvelope {
  return {
    header: {
      type: 'completion',
      name,
      requestId,
      version: PROTOCOL_VERSION,
      completionCode,
      ...(errorDescription === undefined
        ? {}
        : { errorDescription: errorDescription.slice(0, 500) }),
    },
    payload,
  };
}

/** Builds an event tied to a command in flight. */
export function commandEvent(
  name: string,
  requestId: number,
  payload: Record<string, unknown>,
): EventEnvelope {
  return { header: { type: 'event', name, requestId, version: PROTOCOL_VERSION }, payload };
}

/** Builds an unsolicited event, validating its payload against the contract (throws on a bug). */
export function unsolicited<N extends UnsolicitedName>(
  name: N,
  payload: UnsolicitedPayload<N>,
): UnsolicitedEnvelope {
  const checked = unsolicitedEvents[name].parse(payload) as Record<string, unknown>;
  return { header: { type: 'unsolicited', name, version: PROTOCOL_VERSION }, payload: checked };
}

const SERVER_SCHEMAS: Record<string, z.ZodType> = {
  acknowledge: AcknowledgeEnvelope,
  event: EventEnvelope,
  completion: CompletionEnvelope,
  unsolicited: UnsolicitedEnvelope,
};

/** Result of reading one message from the core, on the client side. */
export type ParsedServerMessage =
  { ok: true; message: ServerMessage } | { ok: false; description: string };

/** Reads one text message from the core; validates envelope and, where known, payload. */
export function parseServerMessage(text: string): ParsedServerMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, description: 'message from core is not valid JSON' };
  }
  // Pick the one schema the header names instead of trying each member of the union.
  const type = (json as { header?: { type?: unknown } } | null)?.header?.type;
  const schema = typeof type === 'string' ? SERVER_SCHEMAS[type] : undefined;
  if (!schema) return { ok: false, description: 'not a message from the core (header.type)' };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, description: describe(parsed.error) };
  const message = parsed.data as ServerMessage;
  const { name } = message.header;
  if (message.header.type === 'unsolicited') {
    if (!isUnsolicitedName(name)) return { ok: false, description: `unknown event ${name}` };
    const payload = unsolicitedEvents[name].safeParse(message.payload);
    if (!payload.success) return { ok: false, description: `${name}: ${describe(payload.error)}` };
  }
  if (
    message.header.type === 'completion' &&
    message.header.completionCode === 'success' &&
    isCommandName(name)
  ) {
    const payload = commands[name].completion.safeParse(message.payload);
    if (!payload.success) return { ok: false, description: `${name}: ${describe(payload.error)}` };
  }
  return { ok: true, message };
}
