import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'vitest';
import { decodeIppMessage, encodeIppMessage } from './ipp-codec.js';
import type { IppAttribute, IppGroup, IppMessage, IppValue } from './ipp-types.js';

// 100,000 cases per property in CI (the device-layer issue's bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

const ERROR_CODES = [
  'truncated',
  'badDelimiter',
  'attributeOutsideGroup',
  'valueWithoutName',
  'badValueLength',
  'badCollection',
  'nestingTooDeep',
];

/** Records with Object.prototype, so node:util's deep equality compares like with like. */
function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true });
}

/** Strings that survive UTF-8 both ways (no lone surrogates), some of them CJK. */
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const attributeName = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 });
const int32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const byte = (max: number) => fc.integer({ min: 0, max });

const dateTime = record({
  year: byte(0xffff),
  month: byte(255),
  day: byte(255),
  hour: byte(255),
  minutes: byte(255),
  seconds: byte(255),
  deciSeconds: byte(255),
  utcDirection: fc.constantFrom<'+' | '-'>('+', '-'),
  utcHours: byte(255),
  utcMinutes: byte(255),
});

/** Raw values use tags the decoder does not interpret (so they stay raw). */
const rawTag = fc.constantFrom(0x20, 0x24, 0x2f, 0x38, 0x40, 0x43, 0x4b, 0x60, 0x7f);

const scalar: fc.Arbitrary<IppValue> = fc.oneof(
  record({ type: fc.constantFrom('integer' as const, 'enum' as const), value: int32 }),
  record({ type: fc.constant('boolean' as const), value: fc.boolean() }),
  record({
    type: fc.constantFrom(
      'text' as const,
      'name' as const,
      'keyword' as const,
      'uri' as const,
      'uriScheme' as const,
      'charset' as const,
      'naturalLanguage' as const,
      'mimeMediaType' as const,
    ),
    value: text,
  }),
  record({
    type: fc.constantFrom('textWithLanguage' as const, 'nameWithLanguage' as const),
    language: text,
    value: text,
  }),
  record({ type: fc.constant('octetString' as const), value: fc.uint8Array({ maxLength: 8 }) }),
  record({ type: fc.constant('dateTime' as const), value: dateTime }),
  record({ type: fc.constant('rangeOfInteger' as const), lower: int32, upper: int32 }),
  record({
    type: fc.constant('resolution' as const),
    crossFeed: int32,
    feed: int32,
    units: byte(255),
  }),
  record({
    type: fc.constant('outOfBand' as const),
    value: fc.constantFrom('unsupported' as const, 'unknown' as const, 'noValue' as const),
  }),
  record({
    type: fc.constant('raw' as const),
    tag: rawTag,
    bytes: fc.uint8Array({ maxLength: 6 }),
  }),
);

/** Values including collections nested a few levels deep. */
const { value } = fc.letrec<{ value: IppValue; attribute: IppAttribute }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    record({
      type: fc.constant('collection' as const),
      members: fc.array(tie('attribute'), { maxLength: 3 }),
    }),
  ),
  attribute: record({
    name: attributeName,
    values: fc.array(tie('value'), { minLength: 1, maxLength: 3 }),
  }),
}));

const attribute: fc.Arbitrary<IppAttribute> = record({
  name: attributeName,
  values: fc.array(value, { minLength: 1, maxLength: 3 }),
});
const group: fc.Arbitrary<IppGroup> = record({
  tag: fc.constantFrom(0x01, 0x02, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0f),
  attributes: fc.array(attribute, { maxLength: 3 }),
});
const message: fc.Arbitrary<IppMessage> = record({
  version: record({ major: byte(255), minor: byte(255) }),
  code: byte(0xffff),
  requestId: fc.integer({ min: 1, max: 0x7fffffff }),
  groups: fc.array(group, { maxLength: 3 }),
  data: fc.uint8Array({ maxLength: 16 }),
});

/** Bytes that look like IPP often enough to reach deep branches: a real header, then noise. */
const ippish = fc
  .tuple(
    fc.uint8Array({ minLength: 0, maxLength: 8 }),
    fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(0x01, 0x02, 0x03, 0x04, 0x21, 0x22, 0x31, 0x34, 0x37, 0x4a, 0x00),
      ),
      { maxLength: 64 },
    ),
  )
  .map(([head, rest]) => Uint8Array.from([...head, ...rest]));

describe('IPP codec under fuzzing', { timeout: 300_000 }, () => {
  it('decodes any bytes to a message or a typed error, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 96 }), ippish), (bytes) => {
        const result = decodeIppMessage(bytes);
        if (result.ok) return result.value.data.length <= bytes.length;
        return (
          ERROR_CODES.includes(result.error.code) &&
          result.error.offset >= 0 &&
          result.error.offset <= bytes.length
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  // Generating whole messages is the slow part: a tenth of the runs covers truncation well.
  it('decodes every truncation of a valid message to a typed error, never a throw', () => {
    fc.assert(
      fc.property(message, fc.nat(), (m, cut) => {
        const bytes = encodeIppMessage({ ...m, data: new Uint8Array(0) });
        const short = bytes.slice(0, cut % bytes.length);
        const result = decodeIppMessage(short);
        return !result.ok && result.error.code === 'truncated';
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 10) },
    );
  });

  it('round-trips encode → decode for generated attribute sets', () => {
    fc.assert(
      fc.property(message, (m) => {
        const decoded = decodeIppMessage(encodeIppMessage(m));
        // node:util's deep equality: `expect` per case is too slow at 100k runs.
        return decoded.ok && isDeepStrictEqual(decoded.value, m);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
