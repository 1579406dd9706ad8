/**
 * IPP/1.1 and IPP/2.0 message model (RFC 8010 encoding, RFC 8011 semantics): what the codec
 * reads and writes. Pure types and tag tables; no I/O.
 */

/** Delimiter tags that begin an attribute group (RFC 8010 §3.5.1). */
export const GROUP_TAGS = {
  operation: 0x01,
  job: 0x02,
  printer: 0x04,
  unsupported: 0x05,
  subscription: 0x06,
  eventNotification: 0x07,
  resource: 0x08,
  document: 0x09,
  system: 0x0a,
} as const;

/** The delimiter tag that ends the attributes; document data follows it. */
export const END_OF_ATTRIBUTES_TAG = 0x03;

/** Value tags (RFC 8010 §3.5.2). */
export const VALUE_TAGS = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
  extension: 0x7f,
} as const;

/** Character-string value types (text and name without language, keyword, uri, …). */
export type IppStringType =
  | 'text'
  | 'name'
  | 'keyword'
  | 'uri'
  | 'uriScheme'
  | 'charset'
  | 'naturalLanguage'
  | 'mimeMediaType';

/** The character-string types and their tags. */
export const STRING_TYPE_TAGS: Readonly<Record<IppStringType, number>> = {
  text: VALUE_TAGS.text,
  name: VALUE_TAGS.name,
  keyword: VALUE_TAGS.keyword,
  uri: VALUE_TAGS.uri,
  uriScheme: VALUE_TAGS.uriScheme,
  charset: VALUE_TAGS.charset,
  naturalLanguage: VALUE_TAGS.naturalLanguage,
  mimeMediaType: VALUE_TAGS.mimeMediaType,
};

/** Out-of-band values: the attribute exists but has no value of its syntax. */
export type IppOutOfBand = 'unsupported' | 'unknown' | 'noValue';

/** RFC 2579 DateAndTime, field by field (so that it round-trips exactly). */
export interface IppDateTime {
  /** Year, 0..65535. */
  readonly year: number;
  /** Month, 1..12. */
  readonly month: number;
  /** Day of month, 1..31. */
  readonly day: number;
  /** Hour, 0..23. */
  readonly hour: number;
  /** Minutes, 0..59. */
  readonly minutes: number;
  /** Seconds, 0..60. */
  readonly seconds: number;
  /** Tenths of a second, 0..9. */
  readonly deciSeconds: number;
  /** Direction from UTC: '+' or '-'. */
  readonly utcDirection: '+' | '-';
  /** Hours from UTC, 0..13. */
  readonly utcHours: number;
  /** Minutes from UTC, 0..59. */
  readonly utcMinutes: number;
}

/** One attribute value. Unknown or extension tags keep their raw bytes. */
export type IppValue =
  | { readonly type: 'integer' | 'enum'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: IppStringType; readonly value: string }
  | {
      readonly type: 'textWithLanguage' | 'nameWithLanguage';
      readonly language: string;
      readonly value: string;
    }
  | { readonly type: 'octetString'; readonly value: Uint8Array }
  | { readonly type: 'dateTime'; readonly value: IppDateTime }
  | { readonly type: 'rangeOfInteger'; readonly lower: number; readonly upper: number }
  | {
      readonly type: 'resolution';
      readonly crossFeed: number;
      readonly feed: number;
      /** 3 = dots per inch, 4 = dots per centimetre. */
      readonly units: number;
    }
  | { readonly type: 'outOfBand'; readonly value: IppOutOfBand }
  | { readonly type: 'collection'; readonly members: readonly IppAttribute[] }
  | {
      readonly type: 'raw';
      /** The value tag as sent (for 0x7F: the 32-bit extension tag is in `bytes`). */
      readonly tag: number;
      readonly bytes: Uint8Array;
    };

/** A named attribute with one value or a 1setOf values. */
export interface IppAttribute {
  /** Attribute name, e.g. "job-state-reasons". */
  readonly name: string;
  /** Its values, at least one. */
  readonly values: readonly IppValue[];
}

/** One attribute group: its delimiter tag and attributes in order. */
export interface IppGroup {
  /** The begin-attribute-group tag (see GROUP_TAGS; unknown tags 0x0B..0x0F are kept). */
  readonly tag: number;
  /** Attributes in the order sent. */
  readonly attributes: readonly IppAttribute[];
}

/** An IPP request or response: header, groups, trailing document data. */
export interface IppMessage {
  /** Version, e.g. { major: 2, minor: 0 }. */
  readonly version: { readonly major: number; readonly minor: number };
  /** operation-id in a request, status-code in a response. */
  readonly code: number;
  /** request-id, echoed by the response (1..2^31-1). */
  readonly requestId: number;
  /** Attribute groups in order (a Get-Jobs response has one job group per job). */
  readonly groups: readonly IppGroup[];
  /** Bytes after end-of-attributes (the document of a Print-Job). */
  readonly data: Uint8Array;
}

/** Why bytes could not be decoded as an IPP message. */
export type IppDecodeErrorCode =
  | 'truncated'
  | 'badDelimiter'
  | 'attributeOutsideGroup'
  | 'valueWithoutName'
  | 'badValueLength'
  | 'badCollection'
  | 'nestingTooDeep';

/** A typed decode failure: what, where (byte offset) and a technician-facing text. */
export interface IppDecodeError {
  /** Machine-readable reason. */
  readonly code: IppDecodeErrorCode;
  /** Byte offset where decoding stopped. */
  readonly offset: number;
  /** What was wrong. */
  readonly description: string;
}

/** The outcome of decoding: a message or a typed error, never a throw. */
export type IppDecodeResult =
  | { readonly ok: true; readonly value: IppMessage }
  | { readonly ok: false; readonly error: IppDecodeError };
