import { END_OF_ATTRIBUTES_TAG, STRING_TYPE_TAGS, VALUE_TAGS } from './ipp-types.js';
import type {
  IppAttribute,
  IppDecodeError,
  IppDecodeErrorCode,
  IppDecodeResult,
  IppGroup,
  IppOutOfBand,
  IppStringType,
  IppValue,
} from './ipp-types.js';

/** Collections nested deeper than this are refused (no real printer nests beyond a few). */
export const MAX_COLLECTION_DEPTH = 16;

const utf8 = new TextDecoder('utf-8', { fatal: false });

const STRING_TYPES = new Map<number, IppStringType>(
  Object.entries(STRING_TYPE_TAGS).map(([type, tag]) => [tag, type as IppStringType]),
);

const OUT_OF_BAND = new Map<number, IppOutOfBand>([
  [VALUE_TAGS.unsupported, 'unsupported'],
  [VALUE_TAGS.unknown, 'unknown'],
  [VALUE_TAGS.noValue, 'noValue'],
]);

/** Stops decoding; caught at the API boundary and returned as a typed error. */
class DecodeStop {
  constructor(readonly error: IppDecodeError) {}
}

function stop(code: IppDecodeErrorCode, offset: number, description: string): never {
  throw new DecodeStop({ code, offset, description });
}

/** Big-endian reader over the message bytes; running past the end is a `truncated` error. */
class Reader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  take(length: number, what: string): Uint8Array {
    if (this.offset + length > this.bytes.length) {
      stop('truncated', this.offset, `${what}: needs ${length} bytes, message ends first`);
    }
    const out = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  u8(what: string): number {
    return this.take(1, what)[0] ?? 0;
  }

  u16(what: string): number {
    const b = this.take(2, what);
    return ((b[0] ?? 0) << 8) | (b[1] ?? 0);
  }
}

/** One value-tag/name/value triple as read from the wire. */
interface Item {
  readonly tag: number;
  readonly name: string;
  readonly value: Uint8Array;
  readonly at: number;
}

function readItem(r: Reader, tag: number): Item {
  const at = r.offset - 1;
  const name = utf8.decode(r.take(r.u16('name-length'), 'name'));
  const value = r.take(r.u16('value-length'), 'value');
  return { tag, name, value, at };
}

function int32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(at);
}

function exactLength(item: Item, length: number, what: string): void {
  if (item.value.length !== length) {
    stop('badValueLength', item.at, `${what} needs ${length} bytes, got ${item.value.length}`);
  }
}

function withLanguage(item: Item, type: 'textWithLanguage' | 'nameWithLanguage'): IppValue {
  const inner = new Reader(item.value);
  try {
    const language = utf8.decode(inner.take(inner.u16('language length'), 'language'));
    const value = utf8.decode(inner.take(inner.u16('text length'), 'text'));
    if (inner.done) return { type, language, value };
  } catch (error) {
    if (!(error instanceof DecodeStop)) throw error;
  }
  return stop('badValueLength', item.at, `${type} value does not hold language + text exactly`);
}

/** Decodes a value that is not a collection; unknown tags keep their bytes. */
function scalar(item: Item): IppValue {
  const { tag, value } = item;
  const outOfBand = OUT_OF_BAND.get(tag);
  if (outOfBand !== undefined) return { type: 'outOfBand', value: outOfBand };
  const stringType = STRING_TYPES.get(tag);
  if (stringType !== undefined) return { type: stringType, value: utf8.decode(value) };
  switch (tag) {
    case VALUE_TAGS.integer:
    case VALUE_TAGS.enum:
      exactLength(item, 4, 'integer/enum');
      return { type: tag === VALUE_TAGS.enum ? 'enum' : 'integer', value: int32(value, 0) };
    case VALUE_TAGS.boolean:
      exactLength(item, 1, 'boolean');
      if (value[0] === 0 || value[0] === 1) return { type: 'boolean', value: value[0] === 1 };
      break;
    case VALUE_TAGS.octetString:
      return { type: 'octetString', value };
    case VALUE_TAGS.dateTime: {
      exactLength(item, 11, 'dateTime');
      const [y1 = 0, y2 = 0, month = 0, day = 0, hour = 0, minutes = 0, seconds = 0] = value;
      const [deciSeconds = 0, direction = 0, utcHours = 0, utcMinutes = 0] = value.slice(7);
      if (direction !== 0x2b && direction !== 0x2d) break;
      const utcDirection = direction === 0x2b ? '+' : '-';
      const fields = { month, day, hour, minutes, seconds, deciSeconds, utcHours, utcMinutes };
      return { type: 'dateTime', value: { year: (y1 << 8) | y2, ...fields, utcDirection } };
    }
    case VALUE_TAGS.rangeOfInteger:
      exactLength(item, 8, 'rangeOfInteger');
      return { type: 'rangeOfInteger', lower: int32(value, 0), upper: int32(value, 4) };
    case VALUE_TAGS.resolution:
      exactLength(item, 9, 'resolution');
      return {
        type: 'resolution',
        crossFeed: int32(value, 0),
        feed: int32(value, 4),
        units: value[8] ?? 0,
      };
    case VALUE_TAGS.textWithLanguage:
      return withLanguage(item, 'textWithLanguage');
    case VALUE_TAGS.nameWithLanguage:
      return withLanguage(item, 'nameWithLanguage');
    case VALUE_TAGS.memberAttrName:
    case VALUE_TAGS.endCollection:
      return stop('badCollection', item.at, `tag 0x${tag.toString(16)} outside a collection`);
  }
  return { type: 'raw', tag, bytes: value };
}

function nextValueTag(r: Reader, where: string): number {
  const tag = r.u8(where);
  if (tag < 0x10) stop('badCollection', r.offset - 1, `delimiter tag inside a collection`);
  return tag;
}

/** Reads collection members up to endCollection (the begCollection item is already read). */
function collection(r: Reader, depth: number): IppValue {
  if (depth > MAX_COLLECTION_DEPTH) {
    stop('nestingTooDeep', r.offset, `collections nested deeper than ${MAX_COLLECTION_DEPTH}`);
  }
  const members: IppAttribute[] = [];
  let member: { name: string; values: IppValue[] } | undefined;
  const close = (at: number): void => {
    if (member === undefined) return;
    if (member.values.length === 0) stop('badCollection', at, `member ${member.name} has no value`);
    members.push(member);
  };
  for (;;) {
    const item = readItem(r, nextValueTag(r, 'collection member'));
    if (item.name !== '') stop('badCollection', item.at, 'collection item with a name');
    if (item.tag === VALUE_TAGS.endCollection) {
      close(item.at);
      return { type: 'collection', members };
    }
    if (item.tag === VALUE_TAGS.memberAttrName) {
      close(item.at);
      member = { name: utf8.decode(item.value), values: [] };
      continue;
    }
    if (member === undefined) stop('badCollection', item.at, 'value before memberAttrName');
    member.values.push(
      item.tag === VALUE_TAGS.begCollection ? collection(r, depth + 1) : scalar(item),
    );
  }
}

function decode(input: Uint8Array): IppDecodeResult {
  // A plain Uint8Array view: Buffer#slice would share memory with the caller's buffer.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const r = new Reader(bytes);
  const major = r.u8('version');
  const minor = r.u8('version');
  const code = r.u16('operation-id/status-code');
  const requestId = int32(r.take(4, 'request-id'), 0);
  const groups: { tag: number; attributes: { name: string; values: IppValue[] }[] }[] = [];
  for (;;) {
    if (r.done) stop('truncated', r.offset, 'no end-of-attributes tag');
    const tag = r.u8('tag');
    if (tag === END_OF_ATTRIBUTES_TAG) break;
    if (tag < 0x10) {
      if (tag === 0x00) stop('badDelimiter', r.offset - 1, 'reserved delimiter tag 0x00');
      groups.push({ tag, attributes: [] });
      continue;
    }
    const group = groups[groups.length - 1];
    if (group === undefined) stop('attributeOutsideGroup', r.offset - 1, 'value before a group');
    const item = readItem(r, tag);
    const value = tag === VALUE_TAGS.begCollection ? collection(r, 1) : scalar(item);
    if (item.name === '') {
      const last = group.attributes[group.attributes.length - 1];
      if (last === undefined) stop('valueWithoutName', item.at, 'additional value first in group');
      last.values.push(value);
    } else group.attributes.push({ name: item.name, values: [value] });
  }
  const data = bytes.slice(r.offset);
  const version = { major, minor };
  return { ok: true, value: { version, code, requestId, groups: groups as IppGroup[], data } };
}

/**
 * Decodes an IPP request or response (RFC 8010). Malformed or truncated input is a typed
 * IppDecodeError, never a throw. Unknown value tags keep their bytes (`raw`); unknown group
 * tags (0x0B..0x0F) are kept by number.
 */
export function decodeIppMessage(bytes: Uint8Array): IppDecodeResult {
  try {
    return decode(bytes);
  } catch (error) {
    if (error instanceof DecodeStop) return { ok: false, error: error.error };
    throw error;
  }
}
