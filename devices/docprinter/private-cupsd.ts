import { constants } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failWith, succeed } from '../device/device-result.js';
import type { DeviceFailure, DeviceResult } from '../device/device-result.js';
import { cupsPdfOutput } from './cups-pdf-output.js';
import type { CupsPdfOutput } from './cups-pdf-output.js';
import { cupsdConf, cupsFilesConf } from './cupsd-config.js';
import type { CupsdConfSettings, ErrorPolicy } from './cupsd-config.js';
import { endCupsd, isRunning, runTool, spawnCupsd } from './cupsd-process.js';
import type { CupsdChild } from './cupsd-process.js';
import { IppClient } from './ipp-client.js';
import { addQueue } from './private-queues.js';
import type { LpadminQueue, QueueSpec } from './private-queues.js';
import { TcpByteSink } from './tcp-byte-sink.js';

export type { QueueSpec } from './private-queues.js';

/** Options of a private cupsd; all have defaults. */
export interface PrivateCupsdOptions {
  /** Its directory (created; kept after stop when `keepDir`). Default a new one under the temp dir. */
  readonly dir?: string | undefined;
  /** Keep `dir` (queues, job history) after stop, e.g. across kiosk restarts. Default false. */
  readonly keepDir?: boolean | undefined;
  /** Loopback port. Default a free one. */
  readonly port?: number | undefined;
  /** Queues to add. Default one cups-pdf queue named PDF. */
  readonly queues?: readonly QueueSpec[] | undefined;
  /** What cupsd does with a failing job. Default abort-job (the job fails, the queue stays up). */
  readonly errorPolicy?: ErrorPolicy | undefined;
  /** cupsd log level (log/error_log in the directory). Default warn. */
  readonly logLevel?: CupsdConfSettings['logLevel'] | undefined;
  /** requesting-user-name whose cups-pdf output directory is checked. Default "kiosk". */
  readonly userName?: string | undefined;
  /** The cupsd program. Default /usr/sbin/cupsd. */
  readonly cupsdPath?: string | undefined;
  /** Directory of lpadmin, cupsenable, cupsdisable. Default /usr/sbin. */
  readonly toolDir?: string | undefined;
  /** How long cupsd may take to answer IPP. Default 10000 ms. */
  readonly startTimeoutMs?: number | undefined;
}

/** Every option resolved. */
type Resolved = Required<Omit<PrivateCupsdOptions, 'dir' | 'port'>> & { dir: string; port: number };

/** Why a private cupsd could not start or do something. */
export type CupsdFailure = DeviceFailure;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A private CUPS scheduler for tests and for the kiosk's embedded "document printer simulator"
 * (as SANE's test backend is the scanner's): its own ServerRoot, spool, cache, state and logs
 * under one directory, a loopback port, no browsing, queues added with lpadmin. Started as root
 * it runs filters as lp (cups-pdf needs root); as another user, raw and sink queues still work.
 */
export class PrivateCupsd {
  /** Host to reach it: always 127.0.0.1. */
  readonly host = '127.0.0.1';
  /** Milliseconds from spawn until it answered IPP (last start). */
  startupMs = 0;
  /** Problems that do not stop it but will surprise a user (e.g. cups-pdf cannot write). */
  readonly warnings: DeviceFailure[] = [];
  /** Where cups-pdf queues write this user's PDFs, once a cups-pdf queue exists. */
  cupsPdf: CupsPdfOutput | undefined;
  private process: CupsdChild | undefined;
  private readonly sinks = new Map<string, TcpByteSink>();

  private constructor(private readonly o: Resolved) {}

  /** Starts a private cupsd and adds its queues; a typed failure when it cannot. */
  static async start(options: PrivateCupsdOptions = {}): Promise<DeviceResult<PrivateCupsd>> {
    const cupsdPath = options.cupsdPath ?? '/usr/sbin/cupsd';
    if (
      !(await access(cupsdPath, constants.X_OK).then(
        () => true,
        () => false,
      ))
    ) {
      return failWith(
        'cupsNotInstalled',
        'software',
        'configuration',
        `${cupsdPath} not found: install cups (apt-get install cups cups-bsd printer-driver-cups-pdf)`,
      );
    }
    const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'kiosk-cupsd-')));
    const cupsd = new PrivateCupsd({
      keepDir: false,
      queues: [{ kind: 'cups-pdf', name: 'PDF' }],
      errorPolicy: 'abort-job',
      logLevel: 'warn',
      userName: 'kiosk',
      toolDir: '/usr/sbin',
      startTimeoutMs: 10_000,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
      cupsdPath,
      dir,
      port: options.port ?? (await freePort()),
    });
    const started = await cupsd.prepare().then(() => cupsd.launch());
    if (!started.ok) {
      await cupsd.stop();
      return started;
    }
    for (const queue of cupsd.o.queues) {
      const added = await cupsd.addQueue(queue);
      if (!added.ok) {
        await cupsd.stop();
        return added;
      }
    }
    return succeed(cupsd);
  }

  /** Its directory. */
  get dir(): string {
    return this.o.dir;
  }

  /** Its loopback port. */
  get port(): number {
    return this.o.port;
  }

  /** True while cupsd runs. */
  get running(): boolean {
    return this.process !== undefined && isRunning(this.process);
  }

  /** ipp://127.0.0.1:PORT/printers/QUEUE (KIOSK_TEST_PORT_DOCUMENTPRINTER form). */
  printerUri(queue: string): string {
    return `ipp://${this.host}:${this.port}/printers/${encodeURIComponent(queue)}`;
  }

  /** The listener of a `sink` queue: the jobs it received. */
  sink(queue: string): TcpByteSink | undefined {
    return this.sinks.get(queue);
  }

  /** Adds (or changes) a queue with lpadmin, enabled and accepting. */
  async addQueue(queue: QueueSpec): Promise<DeviceResult<void>> {
    let spec: LpadminQueue;
    if (queue.kind === 'sink') {
      const sink = this.sinks.get(queue.name) ?? (await TcpByteSink.start(0, 20));
      this.sinks.set(queue.name, sink);
      spec = { kind: 'raw', name: queue.name, deviceUri: sink.deviceUri };
    } else spec = queue;
    const added = await addQueue(spec, { server: this.server, toolDir: this.o.toolDir });
    if (added.ok && queue.kind === 'cups-pdf') {
      this.cupsPdf = await cupsPdfOutput(this.o.userName);
      if (this.cupsPdf.problem !== undefined) this.warnings.push(this.cupsPdf.problem);
    }
    return added;
  }

  /** cupsdisable: the queue stops (printer-state stopped, reason paused); jobs wait. */
  disableQueue(name: string): Promise<DeviceResult<void>> {
    return this.tool('cupsdisable', [name]);
  }

  /** cupsenable: the queue resumes; waiting jobs print. */
  enableQueue(name: string): Promise<DeviceResult<void>> {
    return this.tool('cupsenable', [name]);
  }

  /** The newest lines of its error_log (for failure messages in tests). */
  async errorLog(lines = 20): Promise<string[]> {
    const text = await readFile(join(this.dir, 'log', 'error_log'), 'utf8').catch(() => '');
    return text.trimEnd().split('\n').slice(-lines);
  }

  /** Kills cupsd at once (SIGKILL, like a crash); the directory and its queues stay. */
  async kill(): Promise<void> {
    if (this.process !== undefined) await endCupsd(this.process, 'kill');
  }

  /** Starts cupsd again on the same directory and port (after `kill`). */
  async restart(): Promise<DeviceResult<void>> {
    if (this.running) return succeed(undefined);
    return this.launch();
  }

  /** Stops cupsd (SIGTERM, then SIGKILL) and removes its directory unless `keepDir`. */
  async stop(): Promise<void> {
    if (this.process !== undefined) await endCupsd(this.process, 'terminate');
    for (const sink of this.sinks.values()) await sink.close();
    this.sinks.clear();
    if (!this.o.keepDir) await rm(this.dir, { recursive: true, force: true });
  }

  private get server(): string {
    return `${this.host}:${this.port}`;
  }

  private async prepare(): Promise<void> {
    // Filters run as lp and must reach the spool: the directory is 0755, not mkdtemp's 0700.
    await mkdir(join(this.dir, 'log'), { recursive: true });
    await chmod(this.dir, 0o755);
    const root = process.getuid?.() === 0;
    await writeFile(
      join(this.dir, 'cupsd.conf'),
      cupsdConf({ port: this.port, logLevel: this.o.logLevel, errorPolicy: this.o.errorPolicy }),
    );
    await writeFile(
      join(this.dir, 'cups-files.conf'),
      cupsFilesConf({ dir: this.dir, runAs: root ? { user: 'lp', group: 'lp' } : undefined }),
    );
  }

  private async launch(): Promise<DeviceResult<void>> {
    const started = performance.now();
    const conf = join(this.dir, 'cupsd.conf');
    const files = join(this.dir, 'cups-files.conf');
    this.process = spawnCupsd(this.o.cupsdPath, conf, files);
    const probe = new IppClient({ host: this.host, port: this.port, queue: '-' });
    const deadline = started + this.o.startTimeoutMs;
    while (performance.now() < deadline) {
      if (!this.running) break;
      const answer = await probe.getPrinterAttributes({ timeoutMs: 1000 });
      // Any IPP answer (here "not found" for the dummy queue) means cupsd is serving.
      if (answer.ok || answer.error.ippStatus !== undefined) {
        this.startupMs = Math.round(performance.now() - started);
        return succeed(undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const why = this.running ? `no IPP answer in ${this.o.startTimeoutMs} ms` : 'cupsd exited';
    const detail = [...(this.process?.stderr ?? []), ...(await this.errorLog(5))].join(' | ');
    await endCupsd(this.process, 'kill');
    return failWith('cupsdFailed', 'software', 'configuration', `${why}: ${detail}`.slice(0, 500));
  }

  private async tool(name: string, args: string[]): Promise<DeviceResult<void>> {
    const ran = await runTool(join(this.o.toolDir, name), ['-h', this.server, ...args], 10_000);
    if (ran.code === 0) return succeed(undefined);
    return failWith(
      'cupsToolFailed',
      'software',
      'configuration',
      `${name}: ${ran.errno ?? ran.output}`,
    );
  }
}
