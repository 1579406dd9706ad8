/** One ZFM instruction: its code byte. */
export interface ZfmInstruction {
  /** Instruction code, the first payload byte of a command packet. */
  readonly code: number;
  /** What it does and what its ack returns (from §2.2 of device-protocols.md). */
  readonly meaning: string;
}

/** The instruction table of §2.2. Instructions are data; the driver only looks them up. */
export const ZFM_INSTRUCTIONS = {
  genImg: { code: 0x01, meaning: 'capture finger into ImageBuffer' },
  img2Tz: { code: 0x02, meaning: 'GenChar: image → features in CharBuffer (BufferID)' },
  match: { code: 0x03, meaning: 'compare CharBuffer1 with CharBuffer2; ack: score (2)' },
  search: {
    code: 0x04,
    meaning: '1:N search (BufferID, StartPage, PageCount); ack: PageID, score',
  },
  regModel: { code: 0x05, meaning: 'merge CharBuffer1+2 into a template' },
  store: { code: 0x06, meaning: 'template to flash (BufferID, PageID)' },
  loadChar: { code: 0x07, meaning: 'flash template to buffer (BufferID, PageID)' },
  upChar: { code: 0x08, meaning: 'upload buffer to host (BufferID), then data packets' },
  downChar: { code: 0x09, meaning: 'download into buffer (BufferID), host sends data packets' },
  upImage: { code: 0x0a, meaning: 'upload ImageBuffer, then data packets' },
  downImage: { code: 0x0b, meaning: 'download into ImageBuffer, host sends data packets' },
  deleteChar: { code: 0x0c, meaning: 'delete templates (StartPage, Count)' },
  empty: { code: 0x0d, meaning: 'delete all templates' },
  setSysPara: { code: 0x0e, meaning: 'set system parameter (param no., value)' },
  readSysPara: { code: 0x0f, meaning: 'read system parameters; ack: 16 bytes' },
  setPwd: { code: 0x12, meaning: 'set password (4)' },
  vfyPwd: { code: 0x13, meaning: 'verify password (4)' },
  getRandomCode: { code: 0x14, meaning: 'random number; ack: 4 bytes' },
  setAddress: { code: 0x15, meaning: 'SetAdder: set module address (4)' },
  portControl: { code: 0x17, meaning: 'port control / HandShake (1 byte; pyfingerprint sends 00)' },
  writeNotepad: { code: 0x18, meaning: 'write notepad page (0–15) with 32 bytes' },
  readNotepad: { code: 0x19, meaning: 'read notepad page (0–15); ack: 32 bytes' },
  highSpeedSearch: { code: 0x1b, meaning: 'fast 1:N search, parameters and ack as Search' },
  templateNum: { code: 0x1d, meaning: 'TempleteNum: stored template count; ack: count (2)' },
  readIndexTable: { code: 0x1f, meaning: 'index table page (0–3); ack: 32-byte bitmap' },
} as const satisfies Record<string, ZfmInstruction>;

/** The name of an instruction in the table. */
export type ZfmInstructionName = keyof typeof ZFM_INSTRUCTIONS;

/** Finds an instruction's name by its code (for simulators); undefined when unknown. */
export function zfmInstructionName(code: number): ZfmInstructionName | undefined {
  for (const [name, entry] of Object.entries(ZFM_INSTRUCTIONS)) {
    if (entry.code === code) return name as ZfmInstructionName;
  }
  return undefined;
}

/** Factory default password (§2.1); some modules use FFFFFFFF instead. */
export const ZFM_DEFAULT_PASSWORD = 0x00000000;

/** SetSysPara parameter numbers (§2.2). */
export const ZFM_SYS_PARAM = { baudMultiplier: 4, securityLevel: 5, packetSizeCode: 6 } as const;

function int(value: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new RangeError(`ZFM ${what} out of range: ${value}`);
  return value;
}
const u8 = (value: number, what: string): number[] => [int(value, 0xff, what)];
const u16 = (value: number, what: string): number[] => {
  int(value, 0xffff, what);
  return [value >> 8, value & 0xff];
};
const u32 = (value: number, what: string): number[] => {
  int(value, 0xffffffff, what);
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
};
const op = (name: ZfmInstructionName, ...params: number[]): Uint8Array =>
  Uint8Array.of(ZFM_INSTRUCTIONS[name].code, ...params);

/**
 * Command payload builders (instruction code + parameters), to be framed with encodeZfmCommand.
 * Values are range-checked (RangeError) so a driver bug never becomes a malformed packet.
 */
export const zfmPayload = {
  genImg: () => op('genImg'),
  img2Tz: (bufferId: number) => op('img2Tz', ...u8(bufferId, 'BufferID')),
  match: () => op('match'),
  search: (bufferId: number, startPage: number, pageCount: number) =>
    op(
      'search',
      ...u8(bufferId, 'BufferID'),
      ...u16(startPage, 'StartPage'),
      ...u16(pageCount, 'PageCount'),
    ),
  highSpeedSearch: (bufferId: number, startPage: number, pageCount: number) =>
    op(
      'highSpeedSearch',
      ...u8(bufferId, 'BufferID'),
      ...u16(startPage, 'StartPage'),
      ...u16(pageCount, 'PageCount'),
    ),
  regModel: () => op('regModel'),
  store: (bufferId: number, pageId: number) =>
    op('store', ...u8(bufferId, 'BufferID'), ...u16(pageId, 'PageID')),
  loadChar: (bufferId: number, pageId: number) =>
    op('loadChar', ...u8(bufferId, 'BufferID'), ...u16(pageId, 'PageID')),
  upChar: (bufferId: number) => op('upChar', ...u8(bufferId, 'BufferID')),
  downChar: (bufferId: number) => op('downChar', ...u8(bufferId, 'BufferID')),
  upImage: () => op('upImage'),
  downImage: () => op('downImage'),
  deleteChar: (startPage: number, count: number) =>
    op('deleteChar', ...u16(startPage, 'StartPage'), ...u16(count, 'Count')),
  empty: () => op('empty'),
  setSysPara: (param: number, value: number) =>
    op('setSysPara', ...u8(param, 'parameter'), ...u8(value, 'value')),
  readSysPara: () => op('readSysPara'),
  setPwd: (password: number) => op('setPwd', ...u32(password, 'password')),
  vfyPwd: (password: number = ZFM_DEFAULT_PASSWORD) => op('vfyPwd', ...u32(password, 'password')),
  getRandomCode: () => op('getRandomCode'),
  setAddress: (address: number) => op('setAddress', ...u32(address, 'address')),
  portControl: (value: number) => op('portControl', ...u8(value, 'control byte')),
  writeNotepad: (page: number, content: Uint8Array) => {
    if (content.length !== 32)
      throw new RangeError(`ZFM notepad page is 32 bytes: ${content.length}`);
    return op('writeNotepad', int(page, 15, 'notepad page'), ...content);
  },
  readNotepad: (page: number) => op('readNotepad', int(page, 15, 'notepad page')),
  templateNum: () => op('templateNum'),
  readIndexTable: (page: number) => op('readIndexTable', int(page, 3, 'index page')),
} as const satisfies Record<ZfmInstructionName, (...args: never[]) => Uint8Array>;
