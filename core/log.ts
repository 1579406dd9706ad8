import pino, { type Logger } from 'pino';
import { maskIdNumber, maskIdNumbersInText, maskName } from '../contract/index.js';

/**
 * Structured JSON-line logs. Personal data never reaches a log line: known fields are masked by
 * name wherever they appear, and any citizen ID number in free text is masked too.
 */

export type { Logger };

const NAME_KEYS = ['name', 'chineseName', 'englishName'];
const ID_KEYS = ['idNumber', 'permitNumber', 'passNumber'];
const DROP_KEYS = ['address', 'photo', 'fingerprint', 'token', 'birthDate'];

function paths(keys: string[]): string[] {
  return keys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
}

/** Creates the core's logger writing to `destination` (stdout by default). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'kiosk-core' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [...paths(NAME_KEYS), ...paths(ID_KEYS), ...paths(DROP_KEYS)],
        censor: (value, path) => {
          const key = path[path.length - 1] ?? '';
          if (typeof value !== 'string') return '[redacted]';
          if (NAME_KEYS.includes(key)) return maskName(value);
          if (ID_KEYS.includes(key)) return maskIdNumber(value);
          return '[redacted]';
        },
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskIdNumbersInText(a) : a));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
      formatters: {
        log(object) {
          if (object.err instanceof Error) {
            const err = object.err;
            return {
              ...object,
              err: { type: err.name, message: maskIdNumbersInText(err.message) },
            };
          }
          return object;
        },
      },
    },
    destination,
  );
}
