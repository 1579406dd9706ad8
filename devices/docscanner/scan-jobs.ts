import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandLimits } from '../device/device-command.js';
import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import { imageComplete, imageSize, sampleOf } from './image-header.js';
import type { ImageSample } from './image-header.js';
import type { ScanimageCli, ScanProgress } from './scanimage-cli.js';
import { FORMAT_EXTENSION } from './scanimage-args.js';
import type { ScanParams } from './scanimage-args.js';
import type { ScanStore } from './scan-store.js';
import type { ScanFailure, ScannedBatch, ScannedPage, ScanProgressEvent } from './scan-types.js';

/** What one scan job needs. */
export interface ScanJob {
  /** The scanimage runner. */
  readonly cli: ScanimageCli;
  /** Where the images go. */
  readonly store: ScanStore;
  /** SANE device name. */
  readonly device: string;
  /** Complete scan parameters. */
  readonly params: ScanParams;
  /** Bounds of the scanimage run (the command's signal). */
  readonly limits: CommandLimits;
  /** Receives progress. */
  readonly onProgress: (progress: ScanProgressEvent) => void;
  /** Receives each finished page of a batch. */
  readonly onPage?: (page: ScannedPage) => void;
}

/** Reads the head, tail and size of an image file; an unreadable file gives an empty sample. */
async function readSample(path: string): Promise<ImageSample> {
  const file = await open(path, 'r').catch(() => undefined);
  if (file === undefined) return { head: Buffer.alloc(0), tail: Buffer.alloc(0), size: 0 };
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, 65_536));
    await file.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 16));
    await file.read(tail, 0, tail.length, size - tail.length);
    return { head, tail, size };
  } finally {
    await file.close();
  }
}

const NO_IMAGE: ScanFailure = {
  code: 'noImageData',
  kind: 'hardware',
  action: 'reset',
  description: 'the scanner delivered an incomplete image',
  saneStatus: 5,
};

/** Checks an image and describes it as a page, or fails with `noImageData`. */
function describePage(
  base: Omit<ScannedPage, 'size' | 'width' | 'height'>,
  sample: ImageSample,
): DeviceResult<ScannedPage, ScanFailure> {
  if (!imageComplete(base.format, sample)) return { ok: false, error: NO_IMAGE };
  const size = imageSize(base.format, sample.head);
  return succeed({ ...base, size: sample.size, ...(size ?? {}) });
}

function progressOf(
  scanId: string,
  job: ScanJob,
  state: { page: number },
): (p: ScanProgress) => void {
  return (progress) => {
    if (progress.kind === 'pageStarted') state.page = progress.page;
    if (progress.kind === 'progress') {
      job.onProgress({ scanId, page: state.page, percent: progress.percent });
    }
  };
}

/** Scans one page to a private file or to memory. On failure nothing is kept. */
export async function scanOnePage(
  job: ScanJob,
  destination: 'file' | 'memory',
): Promise<DeviceResult<ScannedPage, ScanFailure>> {
  const { scanId, dir } = await job.store.create();
  const progress = progressOf(scanId, job, { page: 1 });
  const base = { scanId, page: 1, format: job.params.format };
  let result: DeviceResult<ScannedPage, ScanFailure>;
  if (destination === 'memory') {
    const run = await job.cli.scanToBuffer(job.device, job.params, job.limits, progress);
    result = run.ok ? describePage({ ...base, bytes: run.value }, sampleOf(run.value)) : run;
  } else {
    const path = join(dir, `page-1.${FORMAT_EXTENSION[job.params.format]}`);
    const run = await job.cli.scanToFile(job.device, job.params, path, job.limits, progress);
    result = run.ok ? describePage({ ...base, path }, await readSample(path)) : run;
  }
  if (!result.ok || job.limits.signal?.aborted === true) await job.store.discard(scanId);
  return result;
}

/**
 * Scans from the document feeder until it is empty or `maxPages` are done, reporting each page
 * as it finishes. A failure after some pages keeps them (in the failure, with the failed page);
 * a cancelled batch or one that produced nothing keeps nothing.
 */
export async function scanFeeder(
  job: ScanJob,
  maxPages: number,
): Promise<DeviceResult<ScannedBatch, ScanFailure>> {
  const { scanId, dir } = await job.store.create();
  const pages: ScannedPage[] = [];
  let bad: ScanFailure | undefined;
  let described = Promise.resolve();
  const state = { page: 1 };
  const progress = progressOf(scanId, job, state);
  const run = await job.cli.scanBatch(
    job.device,
    job.params,
    { dir, maxPages },
    job.limits,
    (event) => {
      if (event.kind !== 'pageDone') return progress(event);
      const { page, path } = event.page;
      described = described.then(async () => {
        const checked = describePage(
          { scanId, page, format: job.params.format, path },
          await readSample(path),
        );
        if (!checked.ok) bad ??= { ...checked.error, failedPage: page };
        else if (bad === undefined) {
          pages.push(checked.value);
          job.onPage?.(checked.value);
        }
      });
    },
  );
  await described;
  const failure: ScanFailure | undefined =
    run.failure !== undefined
      ? { ...run.failure, ...(run.failedPage !== undefined ? { failedPage: run.failedPage } : {}) }
      : bad;
  if (job.limits.signal?.aborted === true || (failure !== undefined && pages.length === 0)) {
    await job.store.discard(scanId);
    return { ok: false, error: failure ?? NO_IMAGE };
  }
  if (failure !== undefined) return { ok: false, error: { ...failure, scanId, pages } };
  if (pages.length === 0) {
    await job.store.discard(scanId);
    const empty = 'document feeder out of documents';
    return {
      ok: false,
      error: {
        code: 'noDocuments',
        kind: 'user',
        action: 'clear',
        description: empty,
        saneStatus: 7,
      },
    };
  }
  return succeed({ scanId, pages });
}
