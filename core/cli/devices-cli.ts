import { PORT_TOOLS_USAGE, decode, list, probe } from '../../devices/cli/port-tools-cli.js';
import { CORE_TOOLS_USAGE, status, test } from './core-status-cli.js';
import { PRINT_JOBS_USAGE, printJobs } from './print-jobs-cli.js';
import { SYNC_USAGE, syncCli } from './sync-cli.js';

/**
 * Technician device CLI: `npm run devices -- <command>`. Port tools work without the core (for
 * a device not yet configured); status, test, the print-journal and the sync commands ask the
 * running core.
 */

const USAGE = `usage: npm run devices -- <command>
${PORT_TOOLS_USAGE}
${CORE_TOOLS_USAGE}
${PRINT_JOBS_USAGE}
${SYNC_USAGE}`;

const [command, ...args] = process.argv.slice(2);

switch (command) {
  case 'list':
    await list();
    break;
  case 'probe':
    await probe(args[0]);
    break;
  case 'decode':
    await decode(args[0], args[1]);
    break;
  case 'status':
    await status();
    break;
  case 'test':
    await test(args[0], args[1]);
    break;
  case 'sync':
    await syncCli(args);
    break;
  case 'jobs':
  case 'resolve':
  case 'reprint':
    await printJobs(command, args);
    break;
  default:
    console.error(USAGE);
    process.exitCode = 2;
}
