import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSerialTransport } from '../transport/serial-transport.js';
import { createPtyPair } from './pty-pair.js';
import type { PtyPair } from './pty-pair.js';
import type { DeviceSimulator } from './device-simulator.js';

/** A simulator behind a PTY pair that survives socat dying. */
export interface PtyLink {
  /** The kiosk's end (a stable symlink path). */
  readonly port: string;
  /** Stops socat and removes the links. */
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 500;

/**
 * Creates a PTY pair, attaches the simulator to the device end at `baudRate`, and recreates the
 * pair at the same paths if socat exits or the simulator closes its end, so the kiosk's reopen
 * finds its port again.
 */
export async function startPtyLink(
  sim: Pick<DeviceSimulator, 'attach' | 'detach'>,
  baudRate: number,
  onError: (message: string) => void,
  name = 'idcard',
): Promise<PtyLink> {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-sim-'));
  let pair: PtyPair | undefined;
  let stopped = false;

  const up = async (): Promise<void> => {
    const current = await createPtyPair({ dir, names: [`${name}-kiosk`, `${name}-device`] });
    pair = current;
    const transport = await openSerialTransport(current.b, baudRate);
    sim.attach(transport);
    // A simulator that closes its end (the `disconnect` fault) must look unplugged to the kiosk,
    // but a PTY hides the other end's close: take the pair down and bring it back, as a replug.
    transport.onClose((cause) => {
      if (cause !== undefined || stopped || pair !== current) return;
      void current.dispose();
    });
    void current.exited.then(() => {
      if (stopped) return;
      onError('socat exited; recreating the PTY pair');
      setTimeout(
        () => void up().catch((error: unknown) => onError(String(error))),
        RESTART_DELAY_MS,
      );
    });
  };

  await up();
  return {
    port: join(dir, `${name}-kiosk`),
    async stop() {
      stopped = true;
      sim.detach();
      await pair?.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
