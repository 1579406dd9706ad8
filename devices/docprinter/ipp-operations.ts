/** IPP operation ids, status codes and state enums the kiosk uses (RFC 8011, PWG 5100.x). */

/** operation-id values. */
export const IPP_OPERATIONS = {
  printJob: 0x0002,
  validateJob: 0x0004,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getJobs: 0x000a,
  getPrinterAttributes: 0x000b,
  pausePrinter: 0x0010,
  resumePrinter: 0x0011,
} as const;

/** status-code names by value (RFC 8011 §B, RFC 8010 §3.3.4). */
export const IPP_STATUS_NAMES: Readonly<Record<number, string>> = {
  0x0000: 'successful-ok',
  0x0001: 'successful-ok-ignored-or-substituted-attributes',
  0x0002: 'successful-ok-conflicting-attributes',
  0x0400: 'client-error-bad-request',
  0x0401: 'client-error-forbidden',
  0x0402: 'client-error-not-authenticated',
  0x0403: 'client-error-not-authorized',
  0x0404: 'client-error-not-possible',
  0x0405: 'client-error-timeout',
  0x0406: 'client-error-not-found',
  0x0407: 'client-error-gone',
  0x0408: 'client-error-request-entity-too-large',
  0x0409: 'client-error-request-value-too-long',
  0x040a: 'client-error-document-format-not-supported',
  0x040b: 'client-error-attributes-or-values-not-supported',
  0x040c: 'client-error-uri-scheme-not-supported',
  0x040d: 'client-error-charset-not-supported',
  0x040e: 'client-error-conflicting-attributes',
  0x040f: 'client-error-compression-not-supported',
  0x0410: 'client-error-compression-error',
  0x0411: 'client-error-document-format-error',
  0x0412: 'client-error-document-access-error',
  0x0500: 'server-error-internal-error',
  0x0501: 'server-error-operation-not-supported',
  0x0502: 'server-error-service-unavailable',
  0x0503: 'server-error-version-not-supported',
  0x0504: 'server-error-device-error',
  0x0505: 'server-error-temporary-error',
  0x0506: 'server-error-not-accepting-jobs',
  0x0507: 'server-error-busy',
  0x0508: 'server-error-job-canceled',
  0x0509: 'server-error-multiple-document-jobs-not-supported',
};

/** The name of a status-code ("0x04ff" style for unknown ones). */
export function ippStatusName(code: number): string {
  return IPP_STATUS_NAMES[code] ?? `0x${code.toString(16).padStart(4, '0')}`;
}

/** True for successful-* status codes (0x0000..0x00FF). */
export function isIppSuccess(code: number): boolean {
  return code >= 0 && code <= 0x00ff;
}

/** job-state enum values (RFC 8011 §5.3.7). */
export const JOB_STATES = {
  pending: 3,
  pendingHeld: 4,
  processing: 5,
  processingStopped: 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
} as const;

/** printer-state enum values (RFC 8011 §5.4.11). */
export const PRINTER_STATES = { idle: 3, processing: 4, stopped: 5 } as const;

/** which-jobs values of Get-Jobs (RFC 8011 + PWG 5100.7 'all', which CUPS supports). */
export type WhichJobs = 'all' | 'completed' | 'not-completed';
