import { maskIdNumber, maskName } from '../../contract/index.js';
import type { ErrorAction, ErrorKind, MaskedIdentity } from '../../contract/index.js';
import type { CardIdentity } from './card-identity.js';
import { validateCitizenId } from './citizen-id.js';
import type { CardReadout } from './sam-driver.js';
import { decodeTextBlock } from './text-block.js';

/** Why a card that the reader read could not be used. */
export interface ReadFailure {
  /** Machine-readable code, e.g. "invalidIdNumber", "badTextBlock", "cardReadFailed". */
  readonly errorCode: string;
  /** Who or what caused it. */
  readonly kind: ErrorKind;
  /** What to do: `clear` = the citizen re-presents the card or staff help; `reset` = retried. */
  readonly action: ErrorAction;
  /** Technician-facing text; never holds personal data. */
  readonly description: string;
}

/** A read card, ready to hand to a session. PERSONAL DATA except `masked`. */
export interface ReadCard {
  /** The full identity (never log it). */
  readonly identity: CardIdentity;
  /** What screens and logs may show. */
  readonly masked: MaskedIdentity;
  /** WLT-compressed photo (1024 bytes on real cards; a licensed decoder is needed to view it). */
  readonly photo: Uint8Array;
  /** Fingerprint templates when read with fingerprint and present on the card. */
  readonly fingerprint?: Uint8Array;
}

/** Masks an identity for screens and logs. */
export function maskIdentity(identity: CardIdentity): MaskedIdentity {
  const name = identity.name !== '' ? identity.name : (identity.englishName ?? '');
  return {
    cardType: identity.cardType,
    maskedName: maskName(name) || '*',
    maskedIdNumber: maskIdNumber(identity.idNumber) || '*',
  };
}

/**
 * Decodes and checks what the reader returned: text block layout, then the ID number
 * (GB 11643 for resident cards, HK/Macao/Taiwan permits and 2023 foreign cards; the 2017
 * foreign card's 15-character number has no public check rule, so only its shape is checked).
 */
export function interpretReadout(
  readout: CardReadout,
  today: Date,
): { ok: true; card: ReadCard } | { ok: false; failure: ReadFailure } {
  const identity = decodeTextBlock(readout.text);
  if (identity === undefined) {
    return failure(
      'badTextBlock',
      'hardware',
      'reset',
      `text block is ${readout.text.length} bytes, want 256`,
    );
  }
  if (identity.cardType === 'foreignPermanentResident') {
    if (!/^[A-Z0-9]{15}$/.test(identity.idNumber)) {
      return failure('invalidIdNumber', 'user', 'clear', 'permit number is not 15 letters/digits');
    }
  } else {
    const check = validateCitizenId(identity.idNumber, today);
    if (!check.valid) {
      return failure('invalidIdNumber', 'user', 'clear', `${check.reason}: ${check.detail}`);
    }
    identity.idNumber = check.idNumber;
  }
  const card: ReadCard = {
    identity,
    masked: maskIdentity(identity),
    photo: readout.photo,
    ...(readout.fingerprint !== undefined && readout.fingerprint.length > 0
      ? { fingerprint: readout.fingerprint }
      : {}),
  };
  return { ok: true, card };
}

function failure(
  errorCode: string,
  kind: ErrorKind,
  action: ErrorAction,
  description: string,
): { ok: false; failure: ReadFailure } {
  return { ok: false, failure: { errorCode, kind, action, description } };
}
