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
 * `target().simulated`. `labels` names the simulated target and a port example for devices whose
 * "port" is not a serial path (a SANE device name).
 */
export function describeDeviceContract(
  deviceName: string,
  envVar: string,
  startSimulated: () => Promise<ContractTarget>,
  body: (target: () => ContractTarget) => void,
  labels: { simulated?: string; portExample?: string } = {},
): void {
  describe(`${deviceName} contract — ${labels.simulated ?? 'simulator over a PTY'}`, () => {
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
      const example = labels.portExample ?? '/dev/ttyUSB0';
      it.todo(`set ${envVar}=<port> (e.g. ${example}) to run this suite on a real ${deviceName}`);
      return;
    }
    const target: ContractTarget = { port, simulated: false, stop: async () => {} };
    body(() => target);
  });
}
