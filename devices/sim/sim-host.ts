import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError, intFlag, parseArgs } from './args.js';
import { startControlServer } from './control-server.js';
import { IdCardSimulator, SIM_FAULTS, isSimFault } from './idcard-simulator.js';
import { startPtyLink } from './pty-link.js';
import { readSimCardFile } from './sim-card.js';
import { serveSimulatorOverTcp } from './tcp-sim-server.js';

const USAGE = `usage: sim-host [--control-port 0] [--transport pty|tcp] [--tcp-port 0] [--baud 115200] [--card card.json] [--fault name]
Starts the device simulators and a control API on 127.0.0.1, then prints one JSON line:
{"event":"sim.ready","control":"http://127.0.0.1:PORT","ports":{"idCardReader":"<pty path or tcp:127.0.0.1:PORT>"}}
faults: ${Object.keys(SIM_FAULTS).join(', ')}`;

/** Options of the simulator host. */
export interface SimHostOptions {
  /** Control API port on 127.0.0.1; 0 = any free port. */
  readonly controlPort: number;
  /** How the kiosk reaches the simulated reader: a PTY pair (socat) or a TCP port. */
  readonly transport: 'pty' | 'tcp';
  /** TCP port for `transport: 'tcp'`; 0 = any free port. */
  readonly tcpPort: number;
  /** Baud rate the simulator paces its output at. */
  readonly baudRate: number;
  /** JSON file of the card presented at start; default none (the reader starts empty). */
  readonly cardFile?: string;
  /** Fault active from the start. */
  readonly fault?: string;
  /** Receives diagnostics (one line each). Default stderr. */
  readonly log?: (line: string) => void;
}

/** A running simulator host. */
export interface SimHost {
  /** The ready message: control URL and the port each device is reachable at. */
  readonly ready: { event: 'sim.ready'; control: string; ports: { idCardReader: string } };
  /** Stops everything (socat included). */
  stop(): Promise<void>;
}

/** Starts the simulators and the control API. */
export async function startSimHost(options: SimHostOptions): Promise<SimHost> {
  const log = options.log ?? ((line: string) => console.error(line));
  const sim = new IdCardSimulator({ baudRate: options.baudRate });
  if (options.cardFile !== undefined) sim.present(await readSimCardFile(options.cardFile));
  if (options.fault !== undefined) {
    if (!isSimFault(options.fault)) throw new UsageError(`unknown fault ${options.fault}`);
    sim.setFault(options.fault);
  }
  const link =
    options.transport === 'tcp'
      ? await serveSimulatorOverTcp(sim, '127.0.0.1', options.tcpPort).then((s) => ({
          port: s.spec,
          stop: () => s.close(),
        }))
      : await startPtyLink(sim, options.baudRate, (message) =>
          log(JSON.stringify({ event: 'sim.warning', message })),
        );
  const control = await startControlServer(sim, options.controlPort, () => ({
    transport: options.transport,
    ports: { idCardReader: link.port },
  })).catch(async (error: unknown) => {
    await link.stop();
    throw error;
  });
  return {
    ready: { event: 'sim.ready', control: control.url, ports: { idCardReader: link.port } },
    async stop() {
      await control.close();
      await link.stop();
    },
  };
}

/** Parses the command line of the sim-host process. */
export function simHostOptions(argv: readonly string[]): SimHostOptions {
  const args = parseArgs(argv, ['control-port', 'transport', 'tcp-port', 'baud', 'card', 'fault']);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const transport = args.flags.get('transport') ?? 'pty';
  if (transport !== 'pty' && transport !== 'tcp')
    throw new UsageError('--transport must be pty or tcp');
  const cardFile = args.flags.get('card');
  const fault = args.flags.get('fault');
  return {
    controlPort: intFlag(args, 'control-port', 0, 0, 65535),
    transport,
    tcpPort: intFlag(args, 'tcp-port', 0, 0, 65535),
    baudRate: intFlag(args, 'baud', 115_200, 0, 4_000_000),
    ...(cardFile !== undefined ? { cardFile } : {}),
    ...(fault !== undefined ? { fault } : {}),
  };
}

async function main(): Promise<void> {
  let host: SimHost;
  try {
    host = await startSimHost(simHostOptions(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : String(error));
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(host.ready)}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) void main();
