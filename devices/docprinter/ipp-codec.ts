/**
 * The IPP codec (RFC 8010), pure: requests are encoded from a small description, responses are
 * decoded into groups and attributes. Malformed responses are typed errors, never throws.
 */
import { decodeIppMessage } from './ipp-decode.js';
import { encodeIppMessage } from './ipp-encode.js';
import { GROUP_TAGS } from './ipp-types.js';
import type { IppAttribute, IppDecodeResult, IppGroup } from './ipp-types.js';
import { integer, strings } from './ipp-values.js';

export { decodeIppMessage } from './ipp-decode.js';
export { encodeIppMessage, MAX_FIELD_BYTES } from './ipp-encode.js';

/** Which object a request is about (RFC 8011 §4.1.5). */
export type IppTarget =
  | {
      /** ipp://host:port/printers/QUEUE */
      readonly printerUri: string;
      /** With a printer URI: the job on that printer (Cancel-Job, Get-Job-Attributes). */
      readonly jobId?: number;
    }
  | {
      /** ipp://host:port/jobs/ID */
      readonly jobUri: string;
    };

/** An IPP request as the client builds it. */
export interface IppRequest {
  /** IPP version; 2.0 by default (CUPS answers 1.1 requests too). */
  readonly version?: '2.0' | '1.1';
  /** operation-id, e.g. 0x0002 Print-Job (see ipp-operations.ts). */
  readonly operation: number;
  /** request-id, 1..2^31-1; echoed by the response. */
  readonly requestId: number;
  /** The printer or job addressed. Omit for server-wide operations. */
  readonly target?: IppTarget;
  /** requesting-user-name: CUPS owner checks compare it with the job's owner. */
  readonly requestingUserName?: string;
  /** job-name (Print-Job): the kiosk's journal id, so the job can be found after a crash. */
  readonly jobName?: string;
  /** document-format (Print-Job), e.g. application/pdf or application/vnd.cups-raw. */
  readonly documentFormat?: string;
  /** Further operation attributes (document-name, which-jobs, requested-attributes, …). */
  readonly operationAttributes?: readonly IppAttribute[];
  /** Job template attributes (copies, media, …); sent as a job-attributes group. */
  readonly jobAttributes?: readonly IppAttribute[];
  /** Document bytes after the attributes (Print-Job). */
  readonly document?: Uint8Array;
}

/** The attributes-charset and -natural-language every request starts with (RFC 8011 §4.1.4). */
function leadingAttributes(): IppAttribute[] {
  return [
    strings('charset', 'attributes-charset', 'utf-8'),
    strings('naturalLanguage', 'attributes-natural-language', 'en'),
  ];
}

function targetAttributes(target: IppTarget | undefined): IppAttribute[] {
  if (target === undefined) return [];
  if ('jobUri' in target) return [strings('uri', 'job-uri', target.jobUri)];
  const printer = strings('uri', 'printer-uri', target.printerUri);
  return target.jobId === undefined ? [printer] : [printer, integer('job-id', target.jobId)];
}

/**
 * Encodes a request: version, operation, request-id, the operation-attributes group
 * (attributes-charset, attributes-natural-language, printer-uri or job-uri [+ job-id],
 * requesting-user-name, job-name, document-format, then the rest), a job-attributes group when
 * given, end-of-attributes, then the document bytes.
 */
export function encodeIppRequest(request: IppRequest): Uint8Array {
  const operation: IppAttribute[] = [...leadingAttributes(), ...targetAttributes(request.target)];
  if (request.requestingUserName !== undefined)
    operation.push(strings('name', 'requesting-user-name', request.requestingUserName));
  if (request.jobName !== undefined) operation.push(strings('name', 'job-name', request.jobName));
  if (request.documentFormat !== undefined)
    operation.push(strings('mimeMediaType', 'document-format', request.documentFormat));
  operation.push(...(request.operationAttributes ?? []));
  const groups: IppGroup[] = [{ tag: GROUP_TAGS.operation, attributes: operation }];
  if (request.jobAttributes !== undefined && request.jobAttributes.length > 0)
    groups.push({ tag: GROUP_TAGS.job, attributes: request.jobAttributes });
  const [major, minor] = request.version === '1.1' ? [1, 1] : [2, 0];
  return encodeIppMessage({
    version: { major, minor },
    code: request.operation,
    requestId: request.requestId,
    groups,
    data: request.document ?? new Uint8Array(0),
  });
}

/** Decodes a response: `code` is the status-code. Same as decodeIppMessage, named for intent. */
export function decodeIppResponse(bytes: Uint8Array): IppDecodeResult {
  return decodeIppMessage(bytes);
}
