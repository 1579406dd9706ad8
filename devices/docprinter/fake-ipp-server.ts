import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import { decodeIppMessage, encodeIppMessage } from './ipp-codec.js';
import { GROUP_TAGS } from './ipp-types.js';
import type { IppAttribute, IppGroup, IppMessage } from './ipp-types.js';
import { strings } from './ipp-values.js';

/** What the fake answers to one request: IPP groups (+ status), or raw HTTP. */
export type FakeAnswer =
  | {
      readonly status?: number;
      readonly groups?: readonly IppGroup[];
      readonly requestId?: number;
      /** Answer after this many milliseconds. */
      readonly delayMs?: number;
    }
  | { readonly http: number; readonly contentType?: string; readonly body?: Uint8Array }
  | 'hang';

/**
 * A scriptable IPP server on loopback for unit tests: decodes each request, hands it to
 * `answer`, and encodes the reply (echoing the request id unless told otherwise).
 */
export class FakeIppServer {
  /** Every decoded request, in order. */
  readonly requests: IppMessage[] = [];
  private readonly hanging: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    /** Its port. */
    readonly port: number,
  ) {}

  /** Starts on a free loopback port. */
  static async start(answer: (request: IppMessage) => FakeAnswer): Promise<FakeIppServer> {
    const holder: { self?: FakeIppServer } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const decoded = decodeIppMessage(new Uint8Array(Buffer.concat(chunks)));
        if (!decoded.ok) {
          res.writeHead(400).end();
          return;
        }
        holder.self?.requests.push(decoded.value);
        holder.self?.reply(res, decoded.value, answer(decoded.value));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    const self = new FakeIppServer(
      server,
      typeof address === 'object' && address ? address.port : 0,
    );
    holder.self = self;
    return self;
  }

  /** Stops the server (hanging requests are dropped). */
  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private reply(res: ServerResponse, request: IppMessage, answer: FakeAnswer): void {
    if (answer === 'hang') {
      this.hanging.push(res);
      return;
    }
    if ('http' in answer) {
      res.writeHead(answer.http, { 'Content-Type': answer.contentType ?? 'application/ipp' });
      res.end(answer.body ?? new Uint8Array(0));
      return;
    }
    const operation: IppGroup = {
      tag: GROUP_TAGS.operation,
      attributes: [
        strings('charset', 'attributes-charset', 'utf-8'),
        strings('naturalLanguage', 'attributes-natural-language', 'en'),
      ],
    };
    if (answer.delayMs !== undefined) {
      const later = { ...answer, delayMs: undefined };
      setTimeout(() => this.reply(res, request, later), answer.delayMs);
      return;
    }
    const body = encodeIppMessage({
      version: { major: 2, minor: 0 },
      code: answer.status ?? 0,
      requestId: answer.requestId ?? request.requestId,
      groups: [operation, ...(answer.groups ?? [])],
      data: new Uint8Array(0),
    });
    res.writeHead(200, { 'Content-Type': 'application/ipp' });
    res.end(body);
  }
}

/** A printer-attributes group. */
export function printerGroup(
  state: number,
  reasons: string[] = ['none'],
  extra: IppAttribute[] = [],
): IppGroup {
  return {
    tag: GROUP_TAGS.printer,
    attributes: [
      { name: 'printer-state', values: [{ type: 'enum', value: state }] },
      strings('keyword', 'printer-state-reasons', ...reasons),
      { name: 'printer-is-accepting-jobs', values: [{ type: 'boolean', value: true }] },
      ...extra,
    ],
  };
}

/** A job-attributes group. */
export function jobGroup(jobId: number, state: number, reasons: string[] = ['none']): IppGroup {
  return {
    tag: GROUP_TAGS.job,
    attributes: [
      { name: 'job-id', values: [{ type: 'integer', value: jobId }] },
      { name: 'job-state', values: [{ type: 'enum', value: state }] },
      strings('keyword', 'job-state-reasons', ...reasons),
    ],
  };
}
