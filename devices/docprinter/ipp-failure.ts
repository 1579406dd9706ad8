import type { ErrorAction, ErrorKind } from '../../contract/index.js';
import type { DeviceFailure, DeviceResult } from '../device/device-result.js';
import { ippStatusName } from './ipp-operations.js';

/** A failed IPP call: the typed code plus the HTTP or IPP status behind it, when there is one. */
export interface IppFailure extends DeviceFailure {
  /** The IPP status-code of the response, if one was decoded. */
  readonly ippStatus?: number;
  /** The HTTP status, when it was not 200. */
  readonly httpStatus?: number;
}

/** The outcome of an IPP call. */
export type IppResult<T> = DeviceResult<T, IppFailure>;

/** A failed IppResult. */
export function ippFail(
  code: string,
  kind: ErrorKind,
  action: ErrorAction,
  description: string,
  extra: { ippStatus?: number; httpStatus?: number } = {},
): { ok: false; error: IppFailure } {
  return { ok: false, error: { code, kind, action, description, ...extra } };
}

/** Network errors (errno codes) → typed failures. `where` is "host:port". */
export function networkFailure(errno: string | undefined, where: string, message: string) {
  switch (errno) {
    case 'ECONNREFUSED':
      return ippFail(
        'connectionRefused',
        'software',
        'maintenance',
        `nothing answers at ${where}: is cupsd running? (systemctl start cups)`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return ippFail(
        'hostUnreachable',
        'hardware',
        'configuration',
        `cannot reach ${where} (${errno}): check the configured host`,
      );
    default:
      return ippFail(
        'connectionLost',
        'software',
        'reset',
        `connection to ${where} failed: ${errno ?? message}`,
      );
  }
}

/** HTTP status codes other than 200 → typed failures. */
export function httpFailure(status: number, where: string) {
  if (status === 401 || status === 403) {
    return ippFail(
      'notAuthorized',
      'software',
      'configuration',
      `CUPS at ${where} refused the request (HTTP ${status}): check its policy for this user`,
      { httpStatus: status },
    );
  }
  if (status === 404) {
    return ippFail('queueNotFound', 'software', 'configuration', `no such queue at ${where}`, {
      httpStatus: status,
    });
  }
  return ippFail('httpError', 'software', 'reset', `HTTP ${status} from ${where}`, {
    httpStatus: status,
  });
}

/** What the request was about, for IPP error texts. */
export type IppSubject = { readonly queue: string } | { readonly jobId: number };

/** An unsuccessful IPP status-code → a typed failure. */
export function ippStatusFailure(status: number, subject: IppSubject) {
  const name = ippStatusName(status);
  const what = 'jobId' in subject ? `job ${subject.jobId}` : `queue ${subject.queue}`;
  const extra = { ippStatus: status };
  switch (status) {
    case 0x0401:
    case 0x0402:
    case 0x0403:
      return ippFail('notAuthorized', 'software', 'configuration', `${what}: ${name}`, extra);
    case 0x0406:
    case 0x0407:
      return 'jobId' in subject
        ? ippFail('jobNotFound', 'software', 'softwareError', `${what}: ${name}`, extra)
        : ippFail('queueNotFound', 'software', 'configuration', `${what}: ${name}`, extra);
    case 0x0404:
      return ippFail('notPossible', 'software', 'softwareError', `${what}: ${name}`, extra);
    case 0x040a:
    case 0x040b:
      return ippFail('unsupportedJob', 'software', 'configuration', `${what}: ${name}`, extra);
    case 0x0411:
    case 0x0412:
      return ippFail('documentFormatError', 'software', 'softwareError', `${what}: ${name}`, extra);
    case 0x0506:
      return ippFail('notAcceptingJobs', 'hardware', 'maintenance', `${what}: ${name}`, extra);
    case 0x0502:
    case 0x0505:
    case 0x0507:
      return ippFail('printerBusy', 'hardware', 'reset', `${what}: ${name}`, extra);
    default:
      return ippFail('ippError', 'software', 'reset', `${what}: ${name}`, extra);
  }
}
