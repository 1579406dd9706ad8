import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeIppMessage,
  decodeIppResponse,
  encodeIppMessage,
  encodeIppRequest,
} from './ipp-codec.js';
import { GROUP_TAGS } from './ipp-types.js';
import { integer, readNumber, readString, readStrings, groupOf, strings } from './ipp-values.js';

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];
const u16 = (n: number): number[] => [n >> 8, n & 0xff];
/** One attribute on the wire: tag, name-length, name, value-length, value. */
const wire = (tag: number, name: string, value: number[]): number[] => [
  tag,
  ...u16(name.length),
  ...ascii(name),
  ...u16(value.length),
  ...value,
];
const fixture = (name: string): Uint8Array =>
  Buffer.from(
    readFileSync(new URL(`./fixtures/${name}.hex`, import.meta.url), 'utf8').replace(/\s/g, ''),
    'hex',
  );

describe('encodeIppRequest', () => {
  it('writes a Get-Printer-Attributes request byte for byte (RFC 8010 §3.1.1)', () => {
    const uri = 'ipp://127.0.0.1:631/printers/PDF';
    const bytes = encodeIppRequest({
      operation: 0x000b,
      requestId: 1,
      target: { printerUri: uri },
      requestingUserName: 'kiosk',
    });
    expect([...bytes]).toEqual([
      ...[0x02, 0x00, 0x00, 0x0b, 0x00, 0x00, 0x00, 0x01, 0x01],
      ...wire(0x47, 'attributes-charset', ascii('utf-8')),
      ...wire(0x48, 'attributes-natural-language', ascii('en')),
      ...wire(0x45, 'printer-uri', ascii(uri)),
      ...wire(0x42, 'requesting-user-name', ascii('kiosk')),
      0x03,
    ]);
  });

  it('writes Print-Job: operation attributes in order, a job group, then the document', () => {
    const bytes = encodeIppRequest({
      version: '1.1',
      operation: 0x0002,
      requestId: 0x01020304,
      target: { printerUri: 'ipp://h/printers/Q' },
      requestingUserName: 'kiosk',
      jobName: 'J-2026-000042',
      documentFormat: 'application/pdf',
      jobAttributes: [integer('copies', 2), strings('keyword', 'media', 'iso_a4_210x297mm')],
      document: Uint8Array.of(0x25, 0x50, 0x44, 0x46),
    });
    const decoded = decodeIppMessage(bytes);
    if (!decoded.ok) throw new Error(decoded.error.description);
    const m = decoded.value;
    expect(m).toMatchObject({ version: { major: 1, minor: 1 }, code: 2, requestId: 0x01020304 });
    expect(m.groups.map((g) => g.tag)).toEqual([GROUP_TAGS.operation, GROUP_TAGS.job]);
    expect(m.groups[0]?.attributes.map((a) => a.name)).toEqual([
      'attributes-charset',
      'attributes-natural-language',
      'printer-uri',
      'requesting-user-name',
      'job-name',
      'document-format',
    ]);
    expect(readString(m.groups[0], 'document-format')).toBe('application/pdf');
    expect(readNumber(m.groups[1], 'copies')).toBe(2);
    expect([...m.data]).toEqual([0x25, 0x50, 0x44, 0x46]);
  });

  it('addresses a job by job-uri or by printer-uri + job-id', () => {
    const byUri = decodeIppMessage(
      encodeIppRequest({ operation: 9, requestId: 1, target: { jobUri: 'ipp://h/jobs/5' } }),
    );
    expect(byUri.ok && byUri.value.groups[0]?.attributes[2]?.name).toBe('job-uri');
    const byId = decodeIppMessage(
      encodeIppRequest({
        operation: 9,
        requestId: 1,
        target: { printerUri: 'ipp://h/printers/Q', jobId: 5 },
      }),
    );
    expect(byId.ok && readNumber(byId.value.groups[0], 'job-id')).toBe(5);
  });
});

describe('decodeIppResponse', () => {
  it('reads a Get-Printer-Attributes answer captured from CUPS 2.4', () => {
    const decoded = decodeIppResponse(fixture('cups-get-printer-attributes'));
    if (!decoded.ok) throw new Error(decoded.error.description);
    const printer = groupOf(decoded.value, GROUP_TAGS.printer);
    expect(decoded.value).toMatchObject({ code: 0, requestId: 7 });
    expect(readNumber(printer, 'printer-state')).toBe(5);
    expect(readStrings(printer, 'printer-state-reasons')).toEqual(['paused']);
    expect(readString(printer, 'printer-state-message')).toBe('Paused');
    const values = (name: string) => printer?.attributes.find((a) => a.name === name)?.values;
    expect(values('printer-is-accepting-jobs')).toEqual([{ type: 'boolean', value: true }]);
    expect(values('copies-supported')).toEqual([{ type: 'rangeOfInteger', lower: 1, upper: 9999 }]);
    expect(values('printer-state-change-date-time')?.[0]).toMatchObject({
      type: 'dateTime',
      value: { year: 2026, utcDirection: '+' },
    });
  });

  it('reads a Print-Job answer captured from CUPS 2.4', () => {
    const decoded = decodeIppResponse(fixture('cups-print-job'));
    if (!decoded.ok) throw new Error(decoded.error.description);
    const job = groupOf(decoded.value, GROUP_TAGS.job);
    expect(readNumber(job, 'job-id')).toBe(1);
    expect(readNumber(job, 'job-state')).toBe(3);
    expect(readStrings(job, 'job-state-reasons')).toEqual(['none']);
  });

  it('reads 1setOf values, collections, resolution, languages, out-of-band and unknown tags', () => {
    const bytes = Uint8Array.from([
      ...[0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09, 0x04],
      ...wire(0x44, 'printer-state-reasons', ascii('media-low-warning')),
      ...wire(0x44, '', ascii('toner-low-warning')),
      ...wire(0x32, 'printer-resolution-default', [0, 0, 1, 0x2c, 0, 0, 1, 0x2c, 3]),
      ...wire(0x36, 'printer-info', [...u16(2), ...ascii('zh'), ...u16(3), 0xe6, 0x89, 0x93]),
      ...wire(0x13, 'printer-location', []),
      ...wire(0x30, 'printer-uuid-bytes', [1, 2, 3]),
      ...wire(0x7f, 'vendor-extension', [0, 0, 0x40, 0, 9]),
      ...wire(0x34, 'media-col-default', []),
      ...wire(0x4a, '', ascii('media-size')),
      ...wire(0x34, '', []),
      ...wire(0x4a, '', ascii('x-dimension')),
      ...wire(0x21, '', [0, 0, 0x52, 0x08]),
      ...wire(0x37, '', []),
      ...wire(0x4a, '', ascii('media-type')),
      ...wire(0x44, '', ascii('stationery')),
      ...wire(0x37, '', []),
      0x03,
      0xde,
      0xad,
    ]);
    const decoded = decodeIppMessage(bytes);
    if (!decoded.ok) throw new Error(decoded.error.description);
    const attributes = decoded.value.groups[0]?.attributes ?? [];
    expect(attributes.map((a) => [a.name, a.values.length])).toEqual([
      ['printer-state-reasons', 2],
      ['printer-resolution-default', 1],
      ['printer-info', 1],
      ['printer-location', 1],
      ['printer-uuid-bytes', 1],
      ['vendor-extension', 1],
      ['media-col-default', 1],
    ]);
    expect(attributes[1]?.values[0]).toEqual({
      type: 'resolution',
      crossFeed: 300,
      feed: 300,
      units: 3,
    });
    expect(attributes[2]?.values[0]).toEqual({
      type: 'nameWithLanguage',
      language: 'zh',
      value: '打',
    });
    expect(attributes[3]?.values[0]).toEqual({ type: 'outOfBand', value: 'noValue' });
    expect(attributes[5]?.values[0]).toEqual({
      type: 'raw',
      tag: 0x7f,
      bytes: Uint8Array.of(0, 0, 0x40, 0, 9),
    });
    expect(attributes[6]?.values[0]).toEqual({
      type: 'collection',
      members: [
        {
          name: 'media-size',
          values: [
            {
              type: 'collection',
              members: [{ name: 'x-dimension', values: [{ type: 'integer', value: 21000 }] }],
            },
          ],
        },
        { name: 'media-type', values: [{ type: 'keyword', value: 'stationery' }] },
      ],
    });
    expect([...decoded.value.data]).toEqual([0xde, 0xad]);
    // And back: the same bytes.
    expect([...encodeIppMessage(decoded.value)]).toEqual([...bytes]);
  });

  const header = [0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01];
  it.each([
    ['truncated', [0x02, 0x00, 0x00]],
    ['truncated', [...header, 0x01]],
    ['truncated', [...header, 0x01, 0x21, 0x00, 0x03, 0x61]],
    ['badDelimiter', [...header, 0x00, 0x03]],
    ['attributeOutsideGroup', [...header, ...wire(0x21, 'a', [0, 0, 0, 1]), 0x03]],
    ['valueWithoutName', [...header, 0x01, ...wire(0x21, '', [0, 0, 0, 1]), 0x03]],
    ['badValueLength', [...header, 0x01, ...wire(0x21, 'a', [0, 0, 1]), 0x03]],
    ['badValueLength', [...header, 0x01, ...wire(0x31, 'a', [1, 2, 3]), 0x03]],
    ['badValueLength', [...header, 0x01, ...wire(0x35, 'a', [0, 9, 1]), 0x03]],
    ['badCollection', [...header, 0x01, ...wire(0x37, 'a', []), 0x03]],
    [
      'badCollection',
      [...header, 0x01, ...wire(0x34, 'a', []), ...wire(0x21, '', [0, 0, 0, 1]), 0x03],
    ],
    ['badCollection', [...header, 0x01, ...wire(0x34, 'a', []), 0x03]],
    [
      'badCollection',
      [
        ...header,
        0x01,
        ...wire(0x34, 'a', []),
        ...wire(0x4a, '', ascii('m')),
        ...wire(0x37, '', []),
        0x03,
      ],
    ],
    [
      'nestingTooDeep',
      [
        ...header,
        0x01,
        ...wire(0x34, 'a', []),
        ...Array.from({ length: 20 }, () => [
          ...wire(0x4a, '', ascii('m')),
          ...wire(0x34, '', []),
        ]).flat(),
      ],
    ],
  ])('fails with %s, never a throw', (code, bytes) => {
    const decoded = decodeIppMessage(Uint8Array.from(bytes));
    expect(decoded).toMatchObject({ ok: false, error: { code } });
  });
});
