import { succeed } from '../device/device-result.js';
import type { DeviceResult } from '../device/device-result.js';
import { findOption } from './sane-options.js';
import type { SaneOptionSet } from './sane-options.js';
import { IMAGE_FORMATS, checkBackendOption } from './scanimage-args.js';
import type { ImageFormat, ScanParams } from './scanimage-args.js';
import { nearestResolution } from './scanner-features.js';
import type { ScannerFeatures } from './scanner-features.js';
import type { ScanFailure, ScanOptions } from './scan-types.js';

/** The device-side defaults and knowledge a scan's parameters are resolved against. */
export interface ParamContext {
  /** Mode when the command names none (undefined = the device's default). */
  readonly defaultMode?: string | undefined;
  /** Resolution in dpi when the command names none. */
  readonly defaultResolution: number;
  /** Format when the command names none. */
  readonly defaultFormat: ImageFormat;
  /** Source when the command names none (a batch uses the feeder). */
  readonly defaultSource?: string | undefined;
  /** What the device offers. */
  readonly features: ScannerFeatures;
  /** The device's options (backend option names are checked against them). */
  readonly options: SaneOptionSet;
  /** Vendor/backend options (non-portable). */
  readonly backendOptions: Readonly<Record<string, string>>;
}

function refuse(code: string, description: string): { ok: false; error: ScanFailure } {
  return { ok: false, error: { code, kind: 'software', action: 'configuration', description } };
}

/**
 * Checks a scan's options against the device and fills in defaults: a mode or source the
 * device does not list is refused before scanimage runs, a resolution snaps to the nearest one
 * listed, and every backend option must be an option the device itself lists.
 */
export function resolveScanParams(
  options: ScanOptions,
  context: ParamContext,
): DeviceResult<ScanParams, ScanFailure> {
  const { features } = context;
  const format = options.format ?? context.defaultFormat;
  if (!(IMAGE_FORMATS as readonly string[]).includes(format)) {
    return refuse(
      'unsupportedFormat',
      `format ${format} is not one of ${IMAGE_FORMATS.join(', ')}`,
    );
  }
  const mode = options.mode ?? context.defaultMode;
  if (mode !== undefined && features.modes.length > 0 && !features.modes.includes(mode)) {
    return refuse('unsupportedMode', `mode "${mode}" is not one of ${features.modes.join(', ')}`);
  }
  const source = options.source ?? context.defaultSource;
  if (source !== undefined && !features.sources.includes(source)) {
    return refuse('unsupportedSource', `source "${source}" is not offered by the device`);
  }
  const wanted = options.resolution ?? context.defaultResolution;
  if (!Number.isFinite(wanted) || wanted <= 0) {
    return refuse('unsupportedResolution', `resolution ${wanted} is not a positive number`);
  }
  for (const [name, value] of Object.entries(context.backendOptions)) {
    const refused =
      checkBackendOption(name, value) ??
      (findOption(context.options, name) === undefined
        ? `the device has no option "${name}"`
        : undefined);
    if (refused !== undefined) return refuse('invalidOption', `backend option: ${refused}`);
  }
  return succeed({
    format,
    mode,
    source,
    resolution: nearestResolution(features, wanted),
    area: options.area,
    backendOptions: context.backendOptions,
  });
}
