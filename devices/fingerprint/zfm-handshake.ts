import type { Capabilities } from '../device/kiosk-device.js';
import { retrying } from './finger-flows.js';
import type { ZfmDriver, ZfmResult } from './zfm-driver.js';
import type { ZfmSystemParameters } from './zfm-replies.js';

const NEVER_ABORTED = new AbortController().signal;

/**
 * The connect handshake, also the idle keep-alive and the internal health check: VfyPwd (a
 * wrong password is a configuration error) then ReadSysPara. Link failures are retried.
 */
export async function zfmHandshake(
  driver: ZfmDriver,
  linkRetries: number,
): Promise<ZfmResult<ZfmSystemParameters>> {
  const ctx = { linkRetries, signal: NEVER_ABORTED };
  const verified = await retrying(ctx, () => driver.verifyPassword());
  if (!verified.ok) return verified;
  return retrying(ctx, () => driver.readSystemParameters());
}

/** What a connected ZFM module can do, from its system parameters. */
export function zfmCapabilities(parameters: ZfmSystemParameters, packetSize: number): Capabilities {
  return {
    matchOnDevice: true,
    enrol: true,
    templateExport: true,
    // GA/T 1012 ID-card templates need a certified module behind a FingerprintBridge (§2.6).
    cardTemplateVerification: false,
    libraryCapacity: parameters.libraryCapacity,
    securityLevel: parameters.securityLevel,
    packetSize,
    baudRate: parameters.baudRate,
  };
}

/** One line for technicians, e.g. "library 200, security level 3, 128-byte packets, 57600 baud". */
export function describeParameters(parameters: ZfmSystemParameters, packetSize: number): string {
  const { libraryCapacity, securityLevel, baudRate } = parameters;
  return `library ${libraryCapacity}, security level ${securityLevel}, ${packetSize}-byte packets, ${baudRate} baud`;
}
