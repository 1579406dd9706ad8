import { basename, join } from 'node:path';
import type { CommandLimits } from '../device/device-command.js';
import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import { realTimers } from '../util/timers.js';
import type { Timers } from '../util/timers.js';
import { parseDeviceList } from './device-list.js';
import type { SaneDevice } from './device-list.js';
import { runProcess } from './run-process.js';
import type { RunOutcome } from './run-process.js';
import { parseSaneOptions } from './sane-options.js';
import type { SaneOptionSet } from './sane-options.js';
import { FORMAT_EXTENSION, batchArgs, listArgs, optionsArgs, scanArgs } from './scanimage-args.js';
import type { ScanParams } from './scanimage-args.js';
import { classifyScanimageExit, scanimageFailure } from './scanimage-failure.js';
import type { ScanimageFailure } from './scanimage-failure.js';
import { pageNumberFromName, parseProgressLine } from './scan-progress.js';
import type { ProgressLine } from './scan-progress.js';

/** How to run scanimage. Every field has a default. */
export interface ScanimageConfig {
  /** Program path, or a name looked up on PATH. Default "scanimage". */
  readonly path?: string | undefined;
  /** SANE_CONFIG_DIR for scanimage (dll.conf and backend .conf files). Default inherited. */
  readonly saneConfigDir?: string | undefined;
  /** Extra environment variables for scanimage. */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Time between SIGTERM and SIGKILL when a run is cancelled or times out. Default 2000 ms. */
  readonly killGraceMs?: number | undefined;
  /** Stderr lines kept for error reports. Default 50. */
  readonly maxStderrLines?: number | undefined;
  /** Largest image accepted on stdout. Default 256 MiB. */
  readonly maxImageBytes?: number | undefined;
  /** Clock for timeouts. Default the real one. */
  readonly timers?: Timers | undefined;
}

/** A scanimage result: a value or a typed failure. */
export type CliResult<T> = DeviceResult<T, ScanimageFailure>;

/** One page an ADF batch finished. */
export interface BatchPage {
  /** Page number, from 1. */
  readonly page: number;
  /** The complete image file. */
  readonly path: string;
}

/** What an ADF batch produced: the pages that finished, and why it stopped if not normally. */
export interface BatchRun {
  /** Finished pages in order. */
  readonly pages: readonly BatchPage[];
  /** Why the batch failed; absent when it ended normally (feeder empty or page limit). */
  readonly failure?: ScanimageFailure;
  /** The page that was being scanned when it failed. */
  readonly failedPage?: number;
}

/** Progress of a scan, from scanimage's stderr and its batch file list. */
export type ScanProgress = ProgressLine | { readonly kind: 'pageDone'; readonly page: BatchPage };

/** Runs the `scanimage` program of sane-utils: list devices, read options, scan. */
export class ScanimageCli {
  private readonly path: string;
  private readonly timers: Timers;

  constructor(private readonly config: ScanimageConfig = {}) {
    this.path = config.path ?? 'scanimage';
    this.timers = config.timers ?? realTimers;
  }

  /** Lists the devices SANE finds (`-f`); an empty list is not a failure. */
  async listDevices(limits: CommandLimits): Promise<CliResult<SaneDevice[]>> {
    const run = await this.run(listArgs(), limits, {});
    const failure = this.failure(run);
    return failure
      ? { ok: false, error: failure }
      : succeed(parseDeviceList(run.stdout.toString()));
  }

  /** Reads every option of `device` (`-A`). */
  async readOptions(device: string, limits: CommandLimits): Promise<CliResult<SaneOptionSet>> {
    const run = await this.run(optionsArgs(device), limits, {});
    const failure = this.failure(run);
    return failure
      ? { ok: false, error: failure }
      : succeed(parseSaneOptions(run.stdout.toString()));
  }

  /** Scans one page into `file`. */
  async scanToFile(
    device: string,
    params: ScanParams,
    file: string,
    limits: CommandLimits,
    onProgress?: (progress: ScanProgress) => void,
  ): Promise<CliResult<string>> {
    const run = await this.run(scanArgs(device, params, file), limits, { onProgress });
    const failure = this.failure(run);
    return failure ? { ok: false, error: failure } : succeed(file);
  }

  /** Scans one page to stdout and returns its bytes (nothing touches the disk). */
  async scanToBuffer(
    device: string,
    params: ScanParams,
    limits: CommandLimits,
    onProgress?: (progress: ScanProgress) => void,
  ): Promise<CliResult<Buffer>> {
    const maxStdoutBytes = this.config.maxImageBytes ?? 256 * 1024 * 1024;
    const run = await this.run(scanArgs(device, params), limits, { onProgress, maxStdoutBytes });
    const failure = this.failure(run);
    return failure ? { ok: false, error: failure } : succeed(run.stdout);
  }

  /**
   * Scans from the document feeder into `dir` until it is empty or `maxPages` are done. Pages
   * are reported as scanimage finishes them (`--batch-print`); a failure keeps them.
   */
  async scanBatch(
    device: string,
    params: ScanParams,
    batch: { readonly dir: string; readonly maxPages?: number | undefined },
    limits: CommandLimits,
    onProgress?: (progress: ScanProgress) => void,
  ): Promise<BatchRun> {
    const suffix = `.${FORMAT_EXTENSION[params.format]}`;
    const pattern = join(batch.dir, `page-%d${suffix}`);
    const pages: BatchPage[] = [];
    let started = 0;
    const args = batchArgs(device, params, pattern, batch.maxPages);
    const run = await this.run(args, limits, {
      onProgress: (line) => {
        if (line.kind === 'pageStarted') started = line.page;
        onProgress?.(line);
      },
      onStdoutLine: (path) => {
        const page = pageNumberFromName(basename(path), 'page-', suffix);
        if (!Number.isFinite(page)) return;
        const done = { page, path: join(batch.dir, basename(path)) };
        pages.push(done);
        onProgress?.({ kind: 'pageDone', page: done });
      },
    });
    const failure = this.failure(run);
    // With --batch-count, scanimage exits 7 when the feeder empties before the count: that is
    // the normal end of a batch once a page was scanned.
    if (failure === undefined || (failure.code === 'noDocuments' && pages.length > 0)) {
      return { pages };
    }
    const failedPage = started > (pages[pages.length - 1]?.page ?? 0) ? started : undefined;
    return { pages, failure, ...(failedPage !== undefined ? { failedPage } : {}) };
  }

  private failure(run: RunOutcome): ScanimageFailure | undefined {
    if (run.aborted) return scanimageFailure('cancelled', 'user', 'clear', 'scanimage: cancelled');
    if (run.timedOut) return scanimageFailure('timeOut', 'hardware', 'reset', 'scanimage: timeout');
    if (run.overflow) {
      return scanimageFailure('imageTooLarge', 'software', 'configuration', 'image too large');
    }
    return classifyScanimageExit(run);
  }

  private run(
    args: readonly string[],
    limits: CommandLimits,
    extra: {
      readonly onProgress?: ((progress: ProgressLine) => void) | undefined;
      readonly onStdoutLine?: (line: string) => void;
      readonly maxStdoutBytes?: number;
    },
  ): Promise<RunOutcome> {
    const { onProgress } = extra;
    return runProcess({
      file: this.path,
      args,
      env: this.env(),
      timeoutMs: limits.timeoutMs,
      signal: limits.signal,
      killGraceMs: this.config.killGraceMs ?? 2000,
      maxStdoutBytes: extra.maxStdoutBytes ?? 4 * 1024 * 1024,
      maxStderrLines: this.config.maxStderrLines ?? 50,
      onStdoutLine: extra.onStdoutLine,
      onStderrLine:
        onProgress &&
        ((line) => {
          const progress = parseProgressLine(line);
          if (progress !== undefined) onProgress(progress);
        }),
      timers: this.timers,
    });
  }

  private env(): NodeJS.ProcessEnv {
    // The C locale keeps scanimage's messages in the English this module parses.
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.config.env, LC_ALL: 'C', LANG: 'C' };
    delete env.LANGUAGE;
    if (this.config.saneConfigDir !== undefined) env.SANE_CONFIG_DIR = this.config.saneConfigDir;
    return env;
  }
}
