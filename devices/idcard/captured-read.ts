import type { CardIdentity } from './card-identity.js';
import { interpretReadout } from './card-readout.js';
import { replyFields, SamFrameDecoder } from './sam-frame.js';
import { parseReadout } from './sam-replies.js';
import { describeSamStatus } from './sam-status.js';

/** Why a captured reader reply could not be decoded. */
export interface CapturedReadError {
  /** Machine-readable cause: truncated, garbage, badChecksum, badLength, notAReadReply, samStatus, … */
  code: string;
  /** What went wrong, for a technician. */
  message: string;
}

/** A decoded capture: the card, and whether the reply carried fingerprint templates. */
export interface CapturedRead {
  /** The card's identity. PERSONAL DATA. */
  card: CardIdentity;
  /** Photo bytes in the reply (WLT, 1024 on real cards). */
  photoBytes: number;
  /** Fingerprint bytes in the reply (0, 512 or 1024). */
  fingerprintBytes: number;
}

const TEXT_AND_PHOTO_DATA = 4 + 256 + 1024;

/**
 * Decodes one captured reply to "read text + photo" (`30 01`) or "read + fingerprint" (`30 10`),
 * as bytes saved from a serial sniffer. The variant is told apart by the reply's data length.
 * `today` bounds birth dates for the ID-number check.
 */
export function decodeCapturedRead(
  bytes: Uint8Array,
  today = new Date(),
): { ok: true; value: CapturedRead } | { ok: false; error: CapturedReadError } {
  const fail = (code: string, message: string) =>
    ({ ok: false, error: { code, message } }) as const;
  const decoder = new SamFrameDecoder();
  const items = decoder.push(bytes);
  const frame = items.find((i) => i.kind === 'frame');
  if (!frame) {
    const error = items.find((i) => i.kind === 'error')?.error;
    if (error && error.code !== 'garbage') return fail(error.code, describeFrameError(error));
    if (decoder.pendingBytes > 0) {
      return fail(
        'truncated',
        `the capture ends inside a frame (${decoder.pendingBytes} bytes of an unfinished frame)`,
      );
    }
    return fail('noFrame', 'no SAM frame (preamble AA AA AA 96 69) found in the capture');
  }
  const fields = replyFields(frame.frame);
  if (!fields) return fail('notAReply', 'the frame is too short to be a reader reply');
  const status = describeSamStatus(fields.sw3);
  if (!status.ok || fields.sw3 !== 0x90) {
    return fail('samStatus', `the reader answered SW3 ${hex(fields.sw3)}: ${status.meaning}`);
  }
  if (fields.data.length < TEXT_AND_PHOTO_DATA) {
    return fail(
      'notAReadReply',
      `the reply has ${fields.data.length} data bytes; a card read has at least ${TEXT_AND_PHOTO_DATA}`,
    );
  }
  const withFingerprint = fields.data.length > TEXT_AND_PHOTO_DATA;
  const readout = parseReadout({ ok: true, value: fields }, withFingerprint);
  if (!readout.ok) return fail(readout.error.code, readout.error.description);
  const interpreted = interpretReadout(readout.value, today);
  if (!interpreted.ok) return fail(interpreted.failure.errorCode, interpreted.failure.description);
  return {
    ok: true,
    value: {
      card: interpreted.card.identity,
      photoBytes: readout.value.photo.length,
      fingerprintBytes: readout.value.fingerprint?.length ?? 0,
    },
  };
}

function describeFrameError(error: { code: string } & Record<string, unknown>): string {
  switch (error.code) {
    case 'badChecksum':
      return `checksum mismatch: computed ${hex(Number(error.expected))}, frame says ${hex(Number(error.actual))} (corrupt capture)`;
    case 'badLength':
      return `impossible length field ${String(error.length)} (corrupt capture)`;
    default:
      return `frame error ${error.code}`;
  }
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
