import { afterAll, beforeAll, describe, it } from 'vitest';

/** Where one run of a device contract suite points. */
export interface ContractTarget {
  /** The port the device class opens (a PTY link, tcp:…, /dev/ttyUSB0, …). */
  readonly port: string;
  /** True for the simulator: tests that inject faults or present cards may run. */
  readonly simulated: boolean;
  /** Stops what the target started (simulator, socat); nothing for real hardware. */
  stop(): Promise<void>;
}

/**
 * Defines one device class's contract suite twice: against its simulator over a real PTY
 * (always), and against real hardware when the environment variable `envVar` names a port.
 * Without it the hardware run is a visible `todo` that says how to enable it — pending, never
 * silently skipped. `body` gets the current target; tests needing a person or a fault check
 * `target().simulated`.
 */
export function describeDeviceContract(
  deviceName: string,
  envVar: string,
  startSimulated: () => Promise<ContractTarget>,
  body: (target: () => ContractTarget) => void,
): void {
  describe(`${deviceName} contract — simulator over a PTY`, () => {
    let target: ContractTarget | undefined;
    beforeAll(async () => {
      target = await startSimulated();
    });
    afterAll(async () => {
      await target?.stop();
    });
    body(() => {
      if (target === undefined) throw new Error('simulator target did not start');
      return target;
    });
  });

  const port = process.env[envVar];
  describe(`${deviceName} contract — real hardware`, () => {
    if (port === undefined || port === '') {
      it.todo(`set ${envVar}=<port> (e.g. /dev/ttyUSB0) to run this suite on a real ${deviceName}`);
      return;
    }
    const target: ContractTarget = { port, simulated: false, stop: async () => {} };
    body(() => target);
  });
}
