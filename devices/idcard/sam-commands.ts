/** One SAM command: its two code bytes. */
export interface SamCommandCode {
  /** Command byte. */
  readonly cmd: number;
  /** Parameter byte. */
  readonly para: number;
  /** What it does (from §1.3 of device-protocols.md). */
  readonly meaning: string;
}

/** The SAM (GA 467) command table, §1.3. Commands are data; the driver only looks them up. */
export const SAM_COMMANDS = {
  resetSam: { cmd: 0x10, para: 0xff, meaning: 'reset SAM' },
  samStatus: { cmd: 0x11, para: 0xff, meaning: 'SAM status check (OK = SW3 90, no data)' },
  readSamId: { cmd: 0x12, para: 0xff, meaning: 'read SAM management info (16-byte SAM ID)' },
  findCard: { cmd: 0x20, para: 0x01, meaning: 'find card (OK = SW3 9F, no card = 80)' },
  selectCard: { cmd: 0x20, para: 0x02, meaning: 'select card (OK = SW3 90)' },
  readTextAndPhoto: { cmd: 0x30, para: 0x01, meaning: 'read text + photo' },
  readWithFingerprint: { cmd: 0x30, para: 0x10, meaning: 'read text + photo + fingerprint' },
  // Sources disagree on the additional-address command [X]: one C library uses 30 03, another
  // driver labels 30 02 as "read additional info". Both are listed; the driver is configurable.
  readAdditionalAddress: { cmd: 0x30, para: 0x03, meaning: 'read additional address (30 03)' },
  readAdditionalAddressAlt: { cmd: 0x30, para: 0x02, meaning: 'read additional address (30 02)' },
  readCardManagementNumber: { cmd: 0x30, para: 0x05, meaning: 'read card management number [1]' },
  setMaxRfFrameBytes: {
    cmd: 0x61,
    para: 0xff,
    meaning: 'set max bytes per RF frame (1 data byte)',
  },
} as const satisfies Record<string, SamCommandCode>;

/** The name of a SAM command in the table. */
export type SamCommandName = keyof typeof SAM_COMMANDS;

/** The two additional-address command variants. */
export type AdditionalAddressCommand = 'readAdditionalAddress' | 'readAdditionalAddressAlt';

/** Finds a command's name by its code bytes (for simulators); undefined when unknown. */
export function samCommandName(cmd: number, para: number): SamCommandName | undefined {
  for (const [name, code] of Object.entries(SAM_COMMANDS)) {
    if (code.cmd === cmd && code.para === para) return name as SamCommandName;
  }
  return undefined;
}
