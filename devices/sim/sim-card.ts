import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CardType } from '../../contract/index.js';
import type { CardIdentity } from '../idcard/card-identity.js';
import { ethnicityCode } from '../idcard/ethnicity.js';
import { encodeTextBlock } from '../idcard/text-block.js';

/** Photo bytes of a simulated card when none is given (real cards hold 1024 WLT bytes). */
export const PHOTO_LENGTH = 1024;
/** Largest fingerprint block: two 512-byte templates. */
const MAX_FINGERPRINT_LENGTH = 1024;

const date = z
  .string()
  .regex(/^\d{4}-?\d{2}-?\d{2}$/, 'want YYYY-MM-DD')
  .transform((text) => text.replaceAll('-', '').replace(/^(\d{4})(\d{2})/, '$1-$2-'));
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'want base64');

/**
 * A card for the simulator, as JSON (control API body, --card file). The fields are those of
 * CardIdentity (see card-identity.ts; `ethnicity` takes a name or a code) plus photo,
 * fingerprint and additionalAddresses. Every field is optional:
 * missing ones come from the demo card (张三, 11010519491231002X), so `{"idNumber": …}` is a
 * demo card with another number. The demo identity is the textbook GB 11643 example, not a person.
 */
export const SimCardInput = z.strictObject({
  cardType: CardType.default('residentId'),
  name: z.string().default('张三'),
  englishName: z.string().optional(),
  gender: z.enum(['unknown', 'male', 'female', 'notStated']).default('male'),
  /** Ethnicity name (汉) or GB/T 3304 code (01); resident ID cards only. */
  ethnicity: z.string().default('汉'),
  birthDate: date.default('1949-12-31'),
  address: z.string().default('北京市东城区景山前街4号'),
  idNumber: z.string().default('11010519491231002X'),
  authority: z.string().default('北京市公安局东城分局'),
  validFrom: date.default('2020-01-01'),
  validTo: z.union([z.literal('longTerm'), date]).default('2040-01-01'),
  passNumber: z.string().optional(),
  issueCount: z.string().optional(),
  nationality: z.string().optional(),
  cardVersion: z.string().optional(),
  authorityCode: z.string().optional(),
  renewalCount: z.string().optional(),
  previousNumberLink: z.string().optional(),
  /** Photo bytes, base64; default 1024 zero bytes. */
  photo: base64.optional(),
  /** Fingerprint templates, base64 (512 or 1024 bytes); default none. */
  fingerprint: base64.optional(),
  /** Additional addresses (追加住址), up to 4 of up to 35 characters. */
  additionalAddresses: z.array(z.string().max(35)).max(4).default([]),
});
export type SimCardInput = z.input<typeof SimCardInput>;

/** A card the simulator can hold: the identity and the exact blocks it answers with. */
export interface SimCard {
  /** The identity on the card (PERSONAL DATA on real cards; synthetic here). */
  readonly identity: CardIdentity;
  /** The encoded 256-byte text block. */
  readonly text: Uint8Array;
  /** Photo bytes. */
  readonly photo: Uint8Array;
  /** Fingerprint templates; empty when the card has none. */
  readonly fingerprint: Uint8Array;
  /** Additional addresses; empty when none (the reader then answers SW3 91). */
  readonly additionalAddresses: readonly string[];
}

/** Validates JSON into a SimCard; errors name the field, e.g. "name is longer than 15 characters". */
export function parseSimCard(
  json: unknown,
): { ok: true; card: SimCard } | { ok: false; error: string } {
  const parsed = SimCardInput.safeParse(json ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues
        .map((i) => `${i.path.join('.') || 'card'}: ${i.message}`)
        .join('; '),
    };
  }
  const input = parsed.data;
  const resident = input.cardType === 'residentId';
  const code = resident ? ethnicityCode(input.ethnicity) : '';
  if (code === undefined) return { ok: false, error: `ethnicity: unknown "${input.ethnicity}"` };
  const { photo, fingerprint, additionalAddresses, ethnicity, ...fields } = input;
  const identity: CardIdentity = {
    ...fields,
    ethnicityCode: code,
    ethnicity: resident ? ethnicity : '',
  };
  const photoBytes = photo === undefined ? new Uint8Array(PHOTO_LENGTH) : fromBase64(photo);
  const fingerprintBytes = fromBase64(fingerprint ?? '');
  if (photoBytes.length > PHOTO_LENGTH || fingerprintBytes.length > MAX_FINGERPRINT_LENGTH) {
    return { ok: false, error: 'photo: at most 1024 bytes; fingerprint: at most 1024 bytes' };
  }
  try {
    const text = encodeTextBlock(identity);
    return {
      ok: true,
      card: {
        identity,
        text,
        photo: photoBytes,
        fingerprint: fingerprintBytes,
        additionalAddresses,
      },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The demo card: 张三, male, 汉, 1949-12-31, 11010519491231002X, valid 2020-01-01 to 2040-01-01. */
export function demoCard(): SimCard {
  const result = parseSimCard({});
  if (!result.ok) throw new Error(`demo card is invalid: ${result.error}`);
  return result.card;
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** Reads a SimCard JSON file; rejects with a message naming the file and the problem. */
export async function readSimCardFile(path: string): Promise<SimCard> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${path}: ${message}`, { cause: error });
  }
  const result = parseSimCard(json);
  if (!result.ok) throw new Error(`${path}: ${result.error}`);
  return result.card;
}
