/**
 * Writes a CID-keyed CFF font (CFF spec, Adobe TN 5176) from ready-made charstrings: one font
 * dict, an empty Private dict, no subroutines, CID = glyph index. This is the FontFile3
 * (CIDFontType0C) program pdfkit embeds for a CFF-based font such as Noto Sans CJK.
 */

// Standard strings occupy SIDs 0–390; our own strings follow.
const SID_ADOBE = 391;
const SID_IDENTITY = 392;
const STRINGS = ['Adobe', 'Identity'];

/** Builds a CFF INDEX structure (count, offset size, 1-based offsets, data). */
function index(items: readonly Uint8Array[]): Uint8Array {
  if (items.length === 0) return Uint8Array.of(0, 0);
  const dataLength = items.reduce((sum, item) => sum + item.length, 0);
  const lastOffset = dataLength + 1;
  const offSize =
    lastOffset <= 0xff ? 1 : lastOffset <= 0xffff ? 2 : lastOffset <= 0xffffff ? 3 : 4;
  const out = new Uint8Array(3 + (items.length + 1) * offSize + dataLength);
  out[0] = items.length >> 8;
  out[1] = items.length & 0xff;
  out[2] = offSize;
  let pos = 3;
  let offset = 1;
  const writeOffset = (value: number) => {
    for (let shift = (offSize - 1) * 8; shift >= 0; shift -= 8)
      out[pos++] = (value >> shift) & 0xff;
  };
  writeOffset(offset);
  for (const item of items) {
    offset += item.length;
    writeOffset(offset);
  }
  for (const item of items) {
    out.set(item, pos);
    pos += item.length;
  }
  return out;
}

/** DICT integer operand, always the 5-byte form so offsets can be fixed before they are known. */
function int32(value: number): number[] {
  return [29, (value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** DICT integer operand, shortest form. */
function dictInt(value: number): number[] {
  if (value >= -107 && value <= 107) return [value + 139];
  if (value >= 108 && value <= 1131) return [((value - 108) >> 8) + 247, (value - 108) & 0xff];
  if (value >= -1131 && value <= -108) return [((-value - 108) >> 8) + 251, (-value - 108) & 0xff];
  if (value >= -32768 && value <= 32767) return [28, (value >> 8) & 0xff, value & 0xff];
  return int32(value);
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);

/** The font-wide numbers a CFF program carries. */
export interface CffFontInfo {
  /** PostScript name (ASCII). */
  readonly postscriptName: string;
  /** Font bounding box in 1000-unit em space: minX, minY, maxX, maxY. */
  readonly bbox: readonly [number, number, number, number];
}

/** Encodes a CID-keyed CFF program whose glyph i (and CID i) is charstrings[i]; [0] is .notdef. */
export function encodeCidCff(info: CffFontInfo, charstrings: readonly Uint8Array[]): Uint8Array {
  const glyphCount = charstrings.length;
  const header = Uint8Array.of(1, 0, 4, 4);
  const nameIndex = index([ascii(info.postscriptName.replace(/[^\x21-\x7e]/g, '_'))]);
  const stringIndex = index(STRINGS.map(ascii));
  const globalSubrIndex = index([]);
  // charset: CIDs 1..n-1 in one range (format 2), or no entries when there is only .notdef.
  const charset =
    glyphCount > 1
      ? Uint8Array.of(2, 0, 1, ((glyphCount - 2) >> 8) & 0xff, (glyphCount - 2) & 0xff)
      : Uint8Array.of(0);
  // FDSelect format 3: every glyph uses font dict 0.
  const fdSelect = Uint8Array.of(3, 0, 1, 0, 0, 0, (glyphCount >> 8) & 0xff, glyphCount & 0xff);
  const charStringsIndex = index(charstrings);
  const privateDict = Uint8Array.of(...dictInt(0), 20, ...dictInt(0), 21);

  // The Top DICT's length does not depend on the offsets it holds (int32 operands).
  const topDict = (offsets: {
    charset: number;
    fdSelect: number;
    charStrings: number;
    fdArray: number;
  }) =>
    Uint8Array.of(
      ...dictInt(SID_ADOBE),
      ...dictInt(SID_IDENTITY),
      ...dictInt(0),
      12,
      30, // ROS
      ...info.bbox.flatMap((v) => dictInt(Math.round(v))),
      5, // FontBBox
      ...dictInt(glyphCount),
      12,
      34, // CIDCount
      ...int32(offsets.charset),
      15,
      ...int32(offsets.fdSelect),
      12,
      37,
      ...int32(offsets.charStrings),
      17,
      ...int32(offsets.fdArray),
      12,
      36,
    );
  const topDictIndexLength = index([
    topDict({ charset: 0, fdSelect: 0, charStrings: 0, fdArray: 0 }),
  ]).length;

  const charsetAt =
    header.length +
    nameIndex.length +
    topDictIndexLength +
    stringIndex.length +
    globalSubrIndex.length;
  const fdSelectAt = charsetAt + charset.length;
  const charStringsAt = fdSelectAt + fdSelect.length;
  const fdArrayAt = charStringsAt + charStringsIndex.length;
  // The one font dict points at the Private dict that follows the FDArray.
  const fontDict = (privateAt: number) =>
    Uint8Array.of(...dictInt(privateDict.length), ...int32(privateAt), 18);
  const fdArrayLength = index([fontDict(0)]).length;
  const privateAt = fdArrayAt + fdArrayLength;

  const parts = [
    header,
    nameIndex,
    index([
      topDict({
        charset: charsetAt,
        fdSelect: fdSelectAt,
        charStrings: charStringsAt,
        fdArray: fdArrayAt,
      }),
    ]),
    stringIndex,
    globalSubrIndex,
    charset,
    fdSelect,
    charStringsIndex,
    index([fontDict(privateAt)]),
    privateDict,
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let pos = 0;
  for (const part of parts) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}
