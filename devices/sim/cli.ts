import { createInterface } from 'node:readline';
import { parseTransportSpec } from '../transport/open-transport.js';
import { openSerialTransport } from '../transport/serial-transport.js';
import { realTimers } from '../util/timers.js';
import { UsageError, intFlag, parseArgs } from './args.js';
import { idCardSimDevice } from './idcard-sim-device.js';
import { playScenario, readScenarioFile } from './scenario.js';
import { demoCard, readSimCardFile } from './sim-card.js';
import { SIMULATED_DEVICES, SIMULATED_DEVICE_KEYS } from './simulated-devices.js';
import type { SimulatedDevice } from './simulated-device.js';
import { runControlAction } from './simulated-device.js';
import { serveSimulatorOverTcp } from './tcp-sim-server.js';

const USAGE = `usage: npm run sim -- <device> --port <pty-path|tcp:PORT|tcp:HOST:PORT> [--scenario file.json] [--fault name] [--baud N] [--card card.json]
devices: ${SIMULATED_DEVICE_KEYS.join(', ')}
Runs one device simulator on an existing serial/PTY port, or listens on a TCP port. Then type:
  <action> [DELETE] [json]   e.g. "card" (idcard: present the demo card), "card DELETE", "fault garbage", "fault off"
  status | actions | quit
A scenario file is {"steps": [{"afterMs": 500, "action": "fault", "body": {"fault": "garbage"}}, …]}.
--card (idcard only) is the card on the reader from the start (default: the demo card 张三).`;

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, ['port', 'card', 'fault', 'baud', 'scenario']);
  const [key, ...extra] = args.positional;
  const create = key === undefined ? undefined : SIMULATED_DEVICES[key];
  if (create === undefined || extra.length > 0)
    throw new UsageError(`name one device: ${SIMULATED_DEVICE_KEYS.join(', ')}`);
  const port = args.flags.get('port');
  if (port === undefined) throw new UsageError('--port is required');
  const baud = args.flags.has('baud') ? intFlag(args, 'baud', 0, 0, 4_000_000) : undefined;
  const cardFile = args.flags.get('card');
  const device: SimulatedDevice =
    key === 'idcard'
      ? idCardSimDevice(
          baud ?? 115_200,
          cardFile === undefined ? demoCard() : await readSimCardFile(cardFile),
        )
      : create(baud);
  const fault = args.flags.get('fault');
  if (fault !== undefined) {
    if (!Object.hasOwn(device.sim.faults, fault))
      throw new UsageError(
        `unknown fault ${fault}; ${key} has: ${Object.keys(device.sim.faults).join(', ')}`,
      );
    device.sim.setFault(fault);
  }
  const scenarioFile = args.flags.get('scenario');
  const scenario = scenarioFile === undefined ? undefined : await readScenarioFile(scenarioFile);

  const spec = parseTransportSpec(port);
  let stop: () => Promise<void>;
  if (spec.kind === 'tcp') {
    const server = await serveSimulatorOverTcp(device.sim, spec.host, spec.port);
    console.log(`${key} simulator listening on ${server.spec}`);
    stop = () => server.close();
  } else {
    const transport = await openSerialTransport(spec.path, device.baudRate);
    device.sim.attach(transport);
    transport.onClose((cause) => {
      if (cause === undefined) return;
      console.error(`port lost: ${cause.message}`);
      process.exit(1);
    });
    console.log(`${key} simulator on ${spec.path} at ${device.baudRate} baud`);
    stop = () => transport.close();
  }

  const quit = (): void => void stop().finally(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  if (scenario !== undefined) {
    void playScenario(device, scenario, realTimers, (index, outcome) =>
      console.log(`step ${index}: ${JSON.stringify(outcome)}`),
    );
  }
  createInterface({ input: process.stdin }).on('line', (line) => {
    const outcome = command(device, line.trim());
    if (outcome === 'quit') quit();
    else console.log(JSON.stringify(outcome));
  });
}

/** Runs one typed line against the device. */
function command(device: SimulatedDevice, line: string): unknown {
  if (line === 'quit') return 'quit';
  if (line === '' || line === 'status') return device.status();
  if (line === 'actions') return ['fault', ...Object.keys(device.actions)];
  // Older spellings of the ID-card simulator's commands.
  const aliased = line === 'present' ? 'card' : line === 'remove' ? 'card DELETE' : line;
  const match = /^(\S+)(?:\s+(DELETE|POST))?(?:\s+(.*))?$/.exec(aliased);
  const [, action = '', method = 'POST', rest] = match ?? [];
  let body: unknown;
  if (action === 'fault' && rest !== undefined && !rest.startsWith('{')) {
    body = { fault: rest === 'off' ? null : rest };
  } else if (rest !== undefined) {
    try {
      body = JSON.parse(rest);
    } catch {
      return { error: 'the argument is not JSON' };
    }
  }
  try {
    return {
      ...(runControlAction(device, action, method, body) as object),
      status: device.status(),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), usage: USAGE };
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : String(error));
  process.exit(2);
});
