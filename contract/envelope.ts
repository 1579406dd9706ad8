import { z } from 'zod';
import { AckRejection, CompletionCode } from './completion-codes.js';

/** Version of the message protocol; every header carries it. */
export const PROTOCOL_VERSION = 1;

/** The WebSocket subprotocol the core speaks; the token travels as a second subprotocol. */
export const WS_SUBPROTOCOL = 'kiosk.v1';
/** Prefix of the subprotocol that carries the per-boot token: `auth.<token>`. */
export const WS_TOKEN_PREFIX = 'auth.';

/** Largest message, in UTF-8 bytes, the core accepts; larger ones are rejected as invalidMessage. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** Message names are `Domain.Verb`, e.g. `IdCard.Read`. */
export const MessageName = z
  .string()
  .max(64)
  .regex(/^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*$/, 'name must look like Domain.Verb');

/** Client-chosen id of a command, unique among that connection's commands in flight. */
export const RequestId = z.number().int().min(1).max(2_147_483_647);

const Payload = z.record(z.string(), z.unknown());

/** command: client → core. */
export const CommandEnvelope = z.strictObject({
  header: z.strictObject({
    /** Always "command". */
    type: z.literal('command'),
    /** The command, `Domain.Verb`. */
    name: MessageName,
    /** Client-chosen id; the acknowledge, events and completion carry it back. */
    requestId: RequestId,
    /** Protocol version. */
    version: z.literal(PROTOCOL_VERSION),
    /** How long the core may take before completing with timeOut (default per command). */
    timeoutMs: z.number().int().min(1).max(600_000).optional(),
  }),
  /** Command-specific payload, validated against the command's schema. */
  payload: Payload,
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

/** acknowledge: core → client, once per command, before anything else about it. */
export const AcknowledgeEnvelope = z.strictObject({
  header: z.strictObject({
    /** Always "acknowledge". */
    type: z.literal('acknowledge'),
    /** The command's name, or "Unknown.Message" when it could not be read. */
    name: MessageName,
    /** The command's requestId, or 0 when it could not be read. */
    requestId: z.number().int().min(0),
    /** Protocol version. */
    version: z.literal(PROTOCOL_VERSION),
    /** Absent when accepted; otherwise why the command was rejected (no completion follows). */
    status: AckRejection.optional(),
    /** Human-readable detail of a rejection, for developers and logs. */
    errorDescription: z.string().max(500).optional(),
  }),
  /** Always empty. */
  payload: Payload,
});
export type AcknowledgeEnvelope = z.infer<typeof AcknowledgeEnvelope>;

/** event: core → client, tied to a command in flight (e.g. "present finger"). */
export const EventEnvelope = z.strictObject({
  header: z.strictObject({
    /** Always "event". */
    type: z.literal('event'),
    /** The event, `Domain.Verb`. */
    name: MessageName,
    /** The command this event belongs to. */
    requestId: RequestId,
    /** Protocol version. */
    version: z.literal(PROTOCOL_VERSION),
  }),
  /** Event-specific payload. */
  payload: Payload,
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** completion: core → client, exactly once per accepted command. */
export const CompletionEnvelope = z.strictObject({
  header: z.strictObject({
    /** Always "completion". */
    type: z.literal('completion'),
    /** The command's name. */
    name: MessageName,
    /** The command's requestId. */
    requestId: RequestId,
    /** Protocol version. */
    version: z.literal(PROTOCOL_VERSION),
    /** Outcome, from the closed list. */
    completionCode: CompletionCode,
    /** Human-readable detail when not success, for developers and logs. */
    errorDescription: z.string().max(500).optional(),
  }),
  /** Command-specific result (and `errorCode` when completionCode is commandErrorCode). */
  payload: Payload,
});
export type CompletionEnvelope = z.infer<typeof CompletionEnvelope>;

/** unsolicited: core → every client, not tied to a command (status changes, card inserted …). */
export const UnsolicitedEnvelope = z.strictObject({
  header: z.strictObject({
    /** Always "unsolicited". */
    type: z.literal('unsolicited'),
    /** The event, `Domain.Verb`. */
    name: MessageName,
    /** Protocol version. */
    version: z.literal(PROTOCOL_VERSION),
  }),
  /** Event-specific payload. */
  payload: Payload,
});
export type UnsolicitedEnvelope = z.infer<typeof UnsolicitedEnvelope>;

/** Anything the core sends. */
export const ServerMessage = z.union([
  AcknowledgeEnvelope,
  EventEnvelope,
  CompletionEnvelope,
  UnsolicitedEnvelope,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
