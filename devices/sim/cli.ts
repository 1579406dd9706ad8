import { createInterface } from 'node:readline';
import { parseTransportSpec } from '../transport/open-transport.js';
import { openSerialTransport } from '../transport/serial-transport.js';
import { UsageError, intFlag, parseArgs } from './args.js';
import { IdCardSimulator, SIM_FAULTS, isSimFault } from './idcard-simulator.js';
import { demoCard, readSimCardFile } from './sim-card.js';
import type { SimCard } from './sim-card.js';
import { serveSimulatorOverTcp } from './tcp-sim-server.js';

const USAGE = `usage: npm run sim -- idcard --port <pty-path|tcp:PORT|tcp:HOST:PORT> [--card card.json] [--fault name] [--baud 115200]
Runs an ID-card reader simulator on an existing serial/PTY port, or listens on a TCP port.
The card (default: the demo card 张三) is on the reader from the start. Then type:
  present | remove | fault <name>|off | status | quit
faults: ${Object.keys(SIM_FAULTS).join(', ')}`;

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, ['port', 'card', 'fault', 'baud']);
  if (args.positional[0] !== 'idcard' || args.positional.length !== 1) {
    throw new UsageError('the only device is "idcard"');
  }
  const port = args.flags.get('port');
  if (port === undefined) throw new UsageError('--port is required');
  const baudRate = intFlag(args, 'baud', 115_200, 0, 4_000_000);
  const fault = args.flags.get('fault');
  if (fault !== undefined && !isSimFault(fault)) throw new UsageError(`unknown fault ${fault}`);
  const cardFile = args.flags.get('card');
  const card: SimCard = cardFile === undefined ? demoCard() : await readSimCardFile(cardFile);

  const sim = new IdCardSimulator({ baudRate });
  sim.present(card);
  if (fault !== undefined) sim.setFault(fault);
  const spec = parseTransportSpec(port);
  let stop: () => Promise<void>;
  if (spec.kind === 'tcp') {
    const server = await serveSimulatorOverTcp(sim, spec.host, spec.port);
    console.log(`idcard simulator listening on ${server.spec}`);
    stop = () => server.close();
  } else {
    const transport = await openSerialTransport(spec.path, baudRate);
    sim.attach(transport);
    transport.onClose((cause) => {
      if (cause === undefined) return;
      console.error(`port lost: ${cause.message}`);
      process.exit(1);
    });
    console.log(`idcard simulator on ${spec.path} at ${baudRate} baud`);
    stop = () => transport.close();
  }

  const quit = (): void => void stop().finally(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [command, argument] = line.trim().split(/\s+/);
    if (command === 'present') sim.present(card);
    else if (command === 'remove') sim.remove();
    else if (command === 'fault' && (argument === 'off' || isSimFault(argument))) {
      sim.setFault(argument === 'off' ? null : argument);
    } else if (command === 'quit') quit();
    else if (command !== 'status' && command !== '') console.log(USAGE);
    console.log(JSON.stringify(sim.state));
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : String(error));
  process.exit(2);
});
