import { END_OF_ATTRIBUTES_TAG, STRING_TYPE_TAGS, VALUE_TAGS } from './ipp-types.js';
import type { IppAttribute, IppDateTime, IppMessage, IppValue } from './ipp-types.js';

/** The longest name or value the 16-bit length fields allow (RFC 8010 §3.1.4). */
export const MAX_FIELD_BYTES = 0x7fff;

const utf8 = new TextEncoder();

/** Growable big-endian byte writer. */
class ByteWriter {
  private chunks: Uint8Array[] = [];
  private size = 0;

  u8(value: number): void {
    this.push(Uint8Array.of(value & 0xff));
  }

  u16(value: number): void {
    this.push(Uint8Array.of((value >>> 8) & 0xff, value & 0xff));
  }

  i32(value: number): void {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setInt32(0, value);
    this.push(bytes);
  }

  push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  /** A length-prefixed field; lengths above MAX_FIELD_BYTES are a caller bug. */
  field(bytes: Uint8Array, what: string): void {
    if (bytes.length > MAX_FIELD_BYTES) {
      throw new RangeError(`IPP ${what} is ${bytes.length} bytes (max ${MAX_FIELD_BYTES})`);
    }
    this.u16(bytes.length);
    this.push(bytes);
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

function int32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, value);
  return bytes;
}

function dateTimeBytes(d: IppDateTime): Uint8Array {
  return Uint8Array.of(
    (d.year >>> 8) & 0xff,
    d.year & 0xff,
    d.month,
    d.day,
    d.hour,
    d.minutes,
    d.seconds,
    d.deciSeconds,
    d.utcDirection.charCodeAt(0),
    d.utcHours,
    d.utcMinutes,
  );
}

function withLanguage(language: string, value: string): Uint8Array {
  const lang = utf8.encode(language);
  const text = utf8.encode(value);
  const w = new ByteWriter();
  w.field(lang, 'language');
  w.field(text, 'text');
  return w.bytes();
}

/** The value tag and value bytes of a scalar value (collections are written separately). */
function scalar(value: Exclude<IppValue, { type: 'collection' }>): [number, Uint8Array] {
  switch (value.type) {
    case 'integer':
      return [VALUE_TAGS.integer, int32(value.value)];
    case 'enum':
      return [VALUE_TAGS.enum, int32(value.value)];
    case 'boolean':
      return [VALUE_TAGS.boolean, Uint8Array.of(value.value ? 1 : 0)];
    case 'octetString':
      return [VALUE_TAGS.octetString, value.value];
    case 'dateTime':
      return [VALUE_TAGS.dateTime, dateTimeBytes(value.value)];
    case 'rangeOfInteger': {
      const bytes = new Uint8Array(8);
      bytes.set(int32(value.lower), 0);
      bytes.set(int32(value.upper), 4);
      return [VALUE_TAGS.rangeOfInteger, bytes];
    }
    case 'resolution': {
      const bytes = new Uint8Array(9);
      bytes.set(int32(value.crossFeed), 0);
      bytes.set(int32(value.feed), 4);
      bytes[8] = value.units & 0xff;
      return [VALUE_TAGS.resolution, bytes];
    }
    case 'textWithLanguage':
      return [VALUE_TAGS.textWithLanguage, withLanguage(value.language, value.value)];
    case 'nameWithLanguage':
      return [VALUE_TAGS.nameWithLanguage, withLanguage(value.language, value.value)];
    case 'outOfBand':
      return [VALUE_TAGS[value.value], new Uint8Array(0)];
    case 'raw':
      return [value.tag, value.bytes];
    default:
      return [STRING_TYPE_TAGS[value.type], utf8.encode(value.value)];
  }
}

/** Writes one value: tag, name (empty for additional values and members), value. */
function writeValue(w: ByteWriter, name: string, value: IppValue): void {
  if (value.type === 'collection') {
    w.u8(VALUE_TAGS.begCollection);
    w.field(utf8.encode(name), 'attribute name');
    w.u16(0);
    for (const member of value.members) {
      w.u8(VALUE_TAGS.memberAttrName);
      w.u16(0);
      w.field(utf8.encode(member.name), 'member name');
      for (const memberValue of member.values) writeValue(w, '', memberValue);
    }
    w.u8(VALUE_TAGS.endCollection);
    w.u16(0);
    w.u16(0);
    return;
  }
  const [tag, bytes] = scalar(value);
  w.u8(tag);
  w.field(utf8.encode(name), 'attribute name');
  w.field(bytes, 'value');
}

function writeAttribute(w: ByteWriter, attribute: IppAttribute): void {
  attribute.values.forEach((value, index) =>
    writeValue(w, index === 0 ? attribute.name : '', value),
  );
}

/**
 * Encodes an IPP message (RFC 8010 §3.1.1): version, operation-id or status-code, request-id,
 * the groups, end-of-attributes, then `data`. Pure. A name or value longer than 32767 bytes is
 * a caller bug (RangeError); callers check text they did not write themselves.
 */
export function encodeIppMessage(message: IppMessage): Uint8Array {
  const w = new ByteWriter();
  w.u8(message.version.major);
  w.u8(message.version.minor);
  w.u16(message.code);
  w.i32(message.requestId);
  for (const group of message.groups) {
    w.u8(group.tag);
    for (const attribute of group.attributes) writeAttribute(w, attribute);
  }
  w.u8(END_OF_ATTRIBUTES_TAG);
  w.push(message.data);
  return w.bytes();
}
