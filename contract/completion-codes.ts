import { z } from 'zod';

/**
 * The closed list of completion codes (XFS4IoT). Meaning never lives only in free text:
 * a completion that is not `success` carries one of these, and class-specific detail goes in
 * the payload's `errorCode`.
 */
export const COMPLETION_CODES = [
  'success',
  'commandErrorCode',
  'canceled',
  'deviceNotReady',
  'hardwareError',
  'internalError',
  'invalidCommand',
  'invalidRequestId',
  'timeOut',
  'unsupportedCommand',
  'invalidData',
  'userError',
  'unsupportedData',
  'fraudAttempt',
  'sequenceError',
  'authorisationRequired',
  'notEnoughSpace',
  // Kiosk addition: the citizen has not (yet) given the separate consent a biometric step needs.
  'consentRequired',
] as const;

export const CompletionCode = z.enum(COMPLETION_CODES);
export type CompletionCode = z.infer<typeof CompletionCode>;

/**
 * Why an acknowledge rejected a command. An accepted command's acknowledge has no status.
 */
export const ACK_REJECTIONS = [
  // The message is not JSON, not an envelope, too large, or its payload fails the schema.
  'invalidMessage',
  // The requestId is missing, not a positive integer, or already in use on this connection.
  'invalidRequestId',
  // The command name is not one the core knows.
  'unsupportedCommand',
  // The connection sent more than its rate limit allows.
  'tooManyRequests',
] as const;

export const AckRejection = z.enum(ACK_REJECTIONS);
export type AckRejection = z.infer<typeof AckRejection>;
