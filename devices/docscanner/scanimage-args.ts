import { DEVICE_LIST_FORMAT } from './device-list.js';

/** Image formats scanimage writes (sane-backends 1.1: pnm, tiff, png, jpeg). */
export const IMAGE_FORMATS = ['png', 'tiff', 'pnm', 'jpeg'] as const;

/** One of IMAGE_FORMATS. */
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** File name extension per format. */
export const FORMAT_EXTENSION: Readonly<Record<ImageFormat, string>> = {
  png: 'png',
  tiff: 'tif',
  pnm: 'pnm',
  jpeg: 'jpg',
};

/** The scan area in millimetres from the top-left corner (SANE geometry options). */
export interface ScanArea {
  /** Left edge (`-l`). */
  readonly left?: number;
  /** Top edge (`-t`). */
  readonly top?: number;
  /** Width (`-x`). */
  readonly width?: number;
  /** Height (`-y`). */
  readonly height?: number;
}

/** What one scan asks of the device; unset fields keep the device's own values. */
export interface ScanParams {
  /** Output format. */
  readonly format: ImageFormat;
  /** Scan mode, e.g. "Color", "Gray", "Lineart". */
  readonly mode?: string | undefined;
  /** Resolution in dpi. */
  readonly resolution?: number | undefined;
  /** Paper source, e.g. "Flatbed", "Automatic Document Feeder". */
  readonly source?: string | undefined;
  /** Scan area in mm. */
  readonly area?: ScanArea | undefined;
  /** Vendor/backend options, non-portable: name (no dashes) → value, e.g. {"read-return-value": …}. */
  readonly backendOptions?: Readonly<Record<string, string>> | undefined;
}

/*
 * scanimage parses its own options and the backend's with getopt_long, which accepts any
 * unambiguous prefix: a backend option named "out" would reach --output-file. So backend option
 * names are checked against scanimage's own options, exact names and prefixes alike.
 */
const FRONTEND_OPTIONS = [
  'device-name', 'list-devices', 'formatted-device-list', 'help', 'verbose', 'progress',
  'output-file', 'test', 'all-options', 'version', 'buffer-size', 'batch', 'batch-start',
  'batch-count', 'batch-increment', 'batch-double', 'batch-print', 'batch-prompt', 'format',
  'accept-md5-only', 'icc-profile', 'dont-scan',
]; // prettier-ignore

/** Why a backend option was refused, or undefined when it may be passed. */
export function checkBackendOption(name: string, value: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]+$/.test(name)) return `bad option name "${name}"`;
  if (FRONTEND_OPTIONS.some((f) => f.startsWith(name))) return `"${name}" is a scanimage option`;
  if (/[\0\r\n]/.test(value) || value.length > 200) return `bad value for "${name}"`;
  return undefined;
}

/** `--name=value` arguments for backend options; throws on a refused one (check first). */
export function backendOptionArgs(options: Readonly<Record<string, string>> = {}): string[] {
  return Object.entries(options).map(([name, value]) => {
    const refused = checkBackendOption(name, value);
    if (refused !== undefined) throw new Error(refused);
    return `--${name}=${value}`;
  });
}

function num(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** Arguments that list devices in machine-readable form. */
export function listArgs(): string[] {
  return [`--formatted-device-list=${DEVICE_LIST_FORMAT}`];
}

/** Arguments that print every option of `device`. */
export function optionsArgs(device: string): string[] {
  return [`--device-name=${device}`, '--all-options'];
}

/** Arguments shared by single and batch scans: device, backend options, typed parameters. */
function scanParamArgs(device: string, params: ScanParams): string[] {
  const args = [`--device-name=${device}`, ...backendOptionArgs(params.backendOptions)];
  if (params.source !== undefined) args.push(`--source=${params.source}`);
  if (params.mode !== undefined) args.push(`--mode=${params.mode}`);
  if (params.resolution !== undefined) args.push(`--resolution=${num(params.resolution)}`);
  const area = params.area ?? {};
  if (area.left !== undefined) args.push('-l', num(area.left));
  if (area.top !== undefined) args.push('-t', num(area.top));
  if (area.width !== undefined) args.push('-x', num(area.width));
  if (area.height !== undefined) args.push('-y', num(area.height));
  args.push(`--format=${params.format}`, '--progress');
  return args;
}

/** Arguments for one page, written to `outputFile` or (when undefined) to stdout. */
export function scanArgs(device: string, params: ScanParams, outputFile?: string): string[] {
  const args = scanParamArgs(device, params);
  if (outputFile !== undefined) args.push(`--output-file=${outputFile}`);
  return args;
}

/** Arguments for an ADF batch; file names follow `pattern` (with %d), printed as they finish. */
export function batchArgs(
  device: string,
  params: ScanParams,
  pattern: string,
  maxPages?: number,
): string[] {
  const args = [...scanParamArgs(device, params), `--batch=${pattern}`, '--batch-print'];
  if (maxPages !== undefined) args.push(`--batch-count=${Math.max(1, Math.floor(maxPages))}`);
  return args;
}
