/**
 * The printer side of §3.5–3.6: status bytes a printer in a given state sends. The inverse of
 * escpos-status's decoders; the simulator answers with these. Pure, no I/O.
 */
import type { RealtimeQuery } from './escpos-commands.js';
import { ASB_FIRST_PATTERN, REALTIME_PATTERN } from './escpos-status.js';

/** The physical state a status byte describes. */
export interface PrinterState {
  /** Paper supply as the roll sensors see it. */
  readonly paper: 'full' | 'low' | 'out';
  /** The cover is open. */
  readonly coverOpen: boolean;
  /** The auto-cutter reported an error (latched until DLE ENQ after the jam is cleared). */
  readonly cutterError: boolean;
}

const flag = (on: boolean, mask: number): number => (on ? mask : 0);

/** Printing has stopped (cover open, paper end or an error): the printer is offline. */
export const isOffline = (s: PrinterState): boolean =>
  s.coverOpen || s.paper === 'out' || s.cutterError;

/** The reply byte to DLE EOT `query` (fixed bits `0xx1xx10` included). */
export function encodeRealtimeStatus(query: RealtimeQuery, s: PrinterState): number {
  switch (query) {
    case 1:
      return REALTIME_PATTERN | flag(isOffline(s), 0x08);
    case 2:
      return (
        REALTIME_PATTERN |
        flag(s.coverOpen, 0x04) |
        flag(s.paper === 'out', 0x20) |
        flag(s.cutterError, 0x40)
      );
    case 3:
      return REALTIME_PATTERN | flag(s.cutterError, 0x08);
    case 4:
      // A real near-end sensor also reads dark once the paper is out (§3.5 worked example 7E).
      return REALTIME_PATTERN | flag(s.paper !== 'full', 0x0c) | flag(s.paper === 'out', 0x60);
  }
}

/** The 4-byte Automatic Status Back block for the state. */
export function encodeAsb(s: PrinterState): Uint8Array {
  return Uint8Array.of(
    ASB_FIRST_PATTERN | flag(isOffline(s), 0x08) | flag(s.coverOpen, 0x20),
    flag(s.cutterError, 0x08),
    flag(s.paper !== 'full', 0x03) | flag(s.paper === 'out', 0x0c),
    0,
  );
}
