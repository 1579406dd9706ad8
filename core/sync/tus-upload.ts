import { ApplicationDocument, MAX_UPLOAD_BYTES } from '../../contract/platform-api.js';
import type { PlatformAnswer, PlatformHttp } from '../platform-http.js';
import type { LocalMaterial, MaterialSource } from './material-source.js';
import {
  noAnswer,
  unexpectedAnswer,
  uploadRefused,
  uploadRetryable,
  type UploadFailure,
} from './upload-failure.js';

/** The tus protocol version spoken. */
export const TUS_VERSION = '1.0.0';

/** Media type of a tus PATCH body. */
const TUS_PATCH_TYPE = 'application/offset+octet-stream';

/** Uploads the platform may lose within one attempt before the attempt gives up (it is retried). */
const MAX_LOSSES = 1;

/** 409 offset corrections accepted within one attempt. */
const MAX_OFFSET_CORRECTIONS = 3;

/** How uploads are made. */
export interface TusUploadOptions {
  /** Bytes per PATCH (default 1 MiB): what a dropped connection costs at most. */
  chunkBytes?: number;
  /** Deadline of one PATCH, ms (default 60 s: 1 MiB over a slow mobile link). */
  patchTimeoutMs?: number;
  /** Largest document sent (default the contract's MAX_UPLOAD_BYTES); larger ones are refused here. */
  maxUploadBytes?: number;
  /** Called after each chunk the platform took, with the new offset. */
  onProgress?: (progress: { materialId: number; offset: number; length: number }) => void;
}

/** What one upload attempt did (for logs and tests; no personal data). */
export interface UploadReport {
  /** The document. */
  materialId: number;
  /** Its position in the application. */
  position: number;
  /** Its size, bytes. */
  length: number;
  /** How the attempt ended. */
  outcome: 'uploaded' | 'alreadyUploaded' | 'retryable' | 'refused';
  /** The offset HEAD reported when a recorded upload was resumed. */
  resumedFrom?: number;
  /** PATCH body bytes put on the wire, cut-off ones included. */
  bytesSent: number;
  /** Uploads created (POST) in this attempt. */
  uploadsCreated: number;
}

/** The outcome of one upload attempt, with its report. */
export type UploadResult =
  | { ok: true; uploadUrl: string; report: UploadReport }
  | { ok: false; failure: UploadFailure; report: UploadReport };

/**
 * Uploads one scanned document by tus 1.0: a recorded, unfinished upload is resumed from the
 * offset HEAD reports; otherwise one is created (its URL recorded at once, so a crash or a lost
 * connection resumes it rather than starting over) and the bytes are sent in chunks. An upload
 * the platform no longer knows (404/410) is forgotten and made again. Never throws; stops when
 * `signal` aborts (a retryable failure: the next attempt resumes).
 */
export async function uploadMaterial(
  http: PlatformHttp,
  materials: MaterialSource,
  material: LocalMaterial,
  signal: AbortSignal,
  options: TusUploadOptions = {},
): Promise<UploadResult> {
  const report: UploadReport = {
    materialId: material.materialId,
    position: material.position,
    length: material.byteLength,
    outcome: 'retryable',
    bytesSent: 0,
    uploadsCreated: 0,
  };
  if (material.uploaded && material.uploadUrl !== undefined) {
    return {
      ok: true,
      uploadUrl: material.uploadUrl,
      report: { ...report, outcome: 'alreadyUploaded' },
    };
  }
  const failed = (failure: UploadFailure): UploadResult => ({
    ok: false,
    failure,
    report: { ...report, outcome: failure.kind },
  });
  const bytes = materials.read(material.materialId);
  const name = `document ${material.position}`;
  if (bytes === undefined) {
    return failed(uploadRefused('materialsMissing', `${name} was purged before it was uploaded`));
  }
  if (bytes.length === 0) return failed(uploadRefused('materialsMissing', `${name} is empty`));
  const max = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  if (bytes.length > max) {
    return failed(
      uploadRefused(
        'uploadRefused',
        `${name} is ${bytes.length} bytes; uploads take at most ${max}`,
      ),
    );
  }
  report.length = bytes.length;
  const session = new TusSession(http, materials, material, bytes, signal, options, report);
  const outcome = await session.run();
  if (typeof outcome !== 'string') return failed(outcome);
  materials.recordUploaded(material.materialId);
  return { ok: true, uploadUrl: outcome, report: { ...report, outcome: 'uploaded' } };
}

/** A result of one tus step: a value, the upload is gone, or a failure. */
type Step<T> =
  | { ok: true; value: T }
  | { ok: false; lost: true }
  | { ok: false; lost: false; failure: UploadFailure };

const LOST = { ok: false, lost: true } as const;
const fail = (failure: UploadFailure) => ({ ok: false, lost: false, failure }) as const;

/** One upload attempt of one document. */
class TusSession {
  private readonly name: string;

  constructor(
    private readonly http: PlatformHttp,
    private readonly materials: MaterialSource,
    private readonly material: LocalMaterial,
    private readonly bytes: Buffer,
    private readonly signal: AbortSignal,
    private readonly options: TusUploadOptions,
    private readonly report: UploadReport,
  ) {
    this.name = `document ${material.position}`;
  }

  /** The upload's URL once complete, or why not. */
  async run(): Promise<string | UploadFailure> {
    let url = this.material.uploadUrl;
    for (let losses = 0; ;) {
      let step: Step<number>;
      if (url === undefined) {
        const created = await this.create();
        if (typeof created !== 'string') return created;
        url = created;
        step = await this.append(url, 0);
      } else {
        const head = await this.head(url);
        if (head.ok) this.report.resumedFrom ??= head.value;
        step = head.ok ? await this.append(url, head.value) : head;
      }
      if (step.ok) return url;
      if (!step.lost) return step.failure;
      this.materials.clearUploadUrl(this.material.materialId);
      url = undefined;
      if (++losses > MAX_LOSSES) {
        return uploadRetryable({
          kind: 'badResponse',
          message: `${this.name}: the platform lost the upload again while it was being sent`,
        });
      }
    }
  }

  /** POST: a new upload, its URL recorded before any byte is sent. */
  private async create(): Promise<string | UploadFailure> {
    const answer = await this.http.requestBytes({
      method: 'POST',
      path: '/v1/uploads',
      headers: {
        'Tus-Resumable': TUS_VERSION,
        'Upload-Length': String(this.bytes.length),
        // Only the media type: metadata is stored in clear by the platform.
        'Upload-Metadata': `filetype ${Buffer.from(this.material.contentType).toString('base64')}`,
      },
      signal: this.signal,
    });
    if (!answer.ok) return this.noAnswer(answer.error);
    if (answer.value.status !== 201) return unexpectedAnswer(answer.value, `${this.name}: create`);
    const url = uploadPath(answer.value.headers.get('location'));
    if (url === undefined) {
      return uploadRetryable({
        kind: 'badResponse',
        message: `${this.name}: create answered no usable Location`,
      });
    }
    this.materials.recordUploadUrl(this.material.materialId, url);
    this.report.uploadsCreated++;
    return url;
  }

  /** HEAD: how many bytes of a recorded upload the platform holds. */
  private async head(url: string): Promise<Step<number>> {
    const answer = await this.http.requestBytes({
      method: 'HEAD',
      path: url,
      headers: { 'Tus-Resumable': TUS_VERSION },
      signal: this.signal,
    });
    if (!answer.ok) return fail(this.noAnswer(answer.error));
    const { status, headers } = answer.value;
    if (status === 404 || status === 410) return LOST;
    if (status !== 200) return fail(unexpectedAnswer(answer.value, `${this.name}: HEAD`));
    // An upload of another length is not this document's: start over.
    if (byteCount(headers.get('upload-length')) !== this.bytes.length) return LOST;
    const offset = byteCount(headers.get('upload-offset'));
    if (offset === undefined || offset > this.bytes.length) return fail(this.badOffset('HEAD'));
    return { ok: true, value: offset };
  }

  /** PATCH chunks from `offset` to the end. */
  private async append(url: string, from: number): Promise<Step<number>> {
    const chunkBytes = Math.max(1, this.options.chunkBytes ?? 1024 * 1024);
    let offset = from;
    for (let corrections = 0; offset < this.bytes.length;) {
      const chunk = this.bytes.subarray(offset, offset + chunkBytes);
      this.report.bytesSent += chunk.length;
      const answer = await this.http.requestBytes({
        method: 'PATCH',
        path: url,
        body: chunk,
        headers: {
          'Tus-Resumable': TUS_VERSION,
          'Upload-Offset': String(offset),
          'Content-Type': TUS_PATCH_TYPE,
        },
        signal: this.signal,
        timeoutMs: this.options.patchTimeoutMs ?? 60_000,
      });
      if (!answer.ok) return fail(this.noAnswer(answer.error));
      const next = this.nextOffset(answer.value, offset);
      if (next === 'lost') return LOST;
      if (typeof next !== 'number') return fail(next);
      if (answer.value.status === 409 && ++corrections > MAX_OFFSET_CORRECTIONS) {
        return fail(this.badOffset('PATCH'));
      }
      offset = next;
      this.options.onProgress?.({
        materialId: this.material.materialId,
        offset,
        length: this.bytes.length,
      });
    }
    return { ok: true, value: offset };
  }

  /** Where the upload stands after a PATCH answer (204, or 409 with the platform's offset). */
  private nextOffset(answer: PlatformAnswer, sentAt: number): number | 'lost' | UploadFailure {
    const { status, headers } = answer;
    if (status === 404 || status === 410) return 'lost';
    if (status !== 204 && status !== 409) return unexpectedAnswer(answer, `${this.name}: PATCH`);
    const offset = byteCount(headers.get('upload-offset'));
    const valid = offset !== undefined && offset <= this.bytes.length;
    if (!valid || (status === 204 && offset <= sentAt)) return this.badOffset('PATCH');
    return offset;
  }

  private noAnswer(error: Parameters<typeof noAnswer>[0]): UploadFailure {
    return this.signal.aborted ? this.stopped() : noAnswer(error);
  }

  private stopped(): UploadFailure {
    return uploadRetryable({
      kind: 'timeout',
      message: `${this.name}: upload stopped, resumes later`,
    });
  }

  private badOffset(what: string): UploadFailure {
    return uploadRetryable({
      kind: 'badResponse',
      message: `${this.name}: ${what} answered no usable Upload-Offset`,
    });
  }
}

/** A non-negative byte count header, or undefined. */
function byteCount(value: string | null): number | undefined {
  return value !== null && /^\d{1,16}$/.test(value) ? Number(value) : undefined;
}

/** The upload's path from a Location header (absolute or not), when it fits the contract. */
function uploadPath(location: string | null): string | undefined {
  if (location === null) return undefined;
  let path: string;
  try {
    path = new URL(location, 'http://platform.invalid').pathname;
  } catch {
    return undefined;
  }
  return ApplicationDocument.shape.uploadUrl.safeParse(path).success ? path : undefined;
}
