import type { Capabilities } from '../device/kiosk-device.js';
import { findOption } from './sane-options.js';
import type { SaneOption, SaneOptionSet } from './sane-options.js';

/** What a scanner offers, derived from its SANE options. */
export interface ScannerFeatures {
  /** Scan modes, e.g. ["Lineart", "Gray", "Color"]. */
  readonly modes: readonly string[];
  /** Listed resolutions in dpi; empty when the device takes a range. */
  readonly resolutions: readonly number[];
  /** Lowest resolution in dpi (0 when unknown). */
  readonly minResolution: number;
  /** Highest resolution in dpi (0 when unknown). */
  readonly maxResolution: number;
  /** Default resolution in dpi (0 when unknown). */
  readonly defaultResolution: number;
  /** Paper sources, e.g. ["Flatbed", "Automatic Document Feeder"]. */
  readonly sources: readonly string[];
  /** The first source that is a flatbed, if any. */
  readonly flatbedSource?: string;
  /** The first simplex document-feeder source, if any. */
  readonly adfSource?: string;
  /** The first duplex source, if any (e.g. "ADF Duplex"). */
  readonly duplexSource?: string;
  /** True when the device scans both sides (a duplex source, or a duplex/adf-mode option). */
  readonly duplex: boolean;
  /** True when the device can scan in colour. */
  readonly colour: boolean;
  /** Largest scan width in mm (0 when unknown). */
  readonly maxWidthMm: number;
  /** Largest scan height in mm (0 when unknown). */
  readonly maxHeightMm: number;
  /** Named page sizes, when the backend has a page-size option (e.g. "A4", "Letter"). */
  readonly pageSizes: readonly string[];
}

const ADF = /feeder|adf|\bfeed\b/i;
const DUPLEX = /duplex|both sides/i;

function listValues(option: SaneOption | undefined): string[] {
  return option?.constraint.kind === 'list' ? [...option.constraint.values] : [];
}

function rangeMax(option: SaneOption | undefined): number {
  if (option === undefined) return 0;
  if (option.constraint.kind === 'range') return option.constraint.max;
  return Math.max(0, ...listValues(option).map(Number).filter(Number.isFinite));
}

function resolutionsOf(
  option: SaneOption | undefined,
): Pick<ScannerFeatures, 'resolutions' | 'minResolution' | 'maxResolution' | 'defaultResolution'> {
  const current = Number(option?.value ?? 0);
  const defaultResolution = Number.isFinite(current) ? current : 0;
  if (option?.constraint.kind === 'range') {
    const { min, max } = option.constraint;
    return { resolutions: [], minResolution: min, maxResolution: max, defaultResolution };
  }
  const resolutions = listValues(option)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0)
    .sort((a, b) => a - b);
  return {
    resolutions,
    minResolution: resolutions[0] ?? 0,
    maxResolution: resolutions[resolutions.length - 1] ?? 0,
    defaultResolution,
  };
}

/** True for a source name that feeds paper (simplex or duplex ADF), not a flatbed. */
export function isFeederSource(source: string): boolean {
  return ADF.test(source) || DUPLEX.test(source);
}

/** Derives the features of a device from its options (standard SANE option names). */
export function scannerFeatures(set: SaneOptionSet): ScannerFeatures {
  const modes = listValues(findOption(set, 'mode'));
  const sources = listValues(findOption(set, 'source'));
  const duplexSource = sources.find((s) => DUPLEX.test(s));
  const adfSource = sources.find((s) => ADF.test(s) && !DUPLEX.test(s));
  const flatbedSource = sources.find((s) => /flatbed|normal|platen/i.test(s));
  const duplexOption = findOption(set, 'duplex') ?? findOption(set, 'adf-mode');
  const pageSizes = listValues(findOption(set, 'page-size') ?? findOption(set, 'paper-size'));
  return {
    modes,
    ...resolutionsOf(findOption(set, 'resolution')),
    sources,
    ...(flatbedSource !== undefined ? { flatbedSource } : {}),
    ...(adfSource !== undefined ? { adfSource } : {}),
    ...(duplexSource !== undefined ? { duplexSource } : {}),
    duplex:
      duplexSource !== undefined ||
      duplexOption?.constraint.kind === 'bool' ||
      listValues(duplexOption).some((v) => DUPLEX.test(v)),
    colour: modes.some((m) => /colou?r|rgb/i.test(m)),
    maxWidthMm: rangeMax(findOption(set, 'x')),
    maxHeightMm: rangeMax(findOption(set, 'y')),
    pageSizes,
  };
}

/** The features as KioskDevice capabilities (flat values for the technician console). */
export function featureCapabilities(features: ScannerFeatures): Capabilities {
  return {
    adf: features.adfSource !== undefined || features.duplexSource !== undefined,
    duplex: features.duplex,
    flatbed: features.flatbedSource !== undefined || features.sources.length === 0,
    colour: features.colour,
    modes: features.modes.join(','),
    sources: features.sources.join(','),
    resolutions: features.resolutions.join(','),
    minResolution: features.minResolution,
    maxResolution: features.maxResolution,
    maxWidthMm: features.maxWidthMm,
    maxHeightMm: features.maxHeightMm,
    pageSizes: features.pageSizes.join(','),
  };
}

/** The listed resolution nearest to `dpi` (ranges take any value: `dpi` itself, clamped). */
export function nearestResolution(features: ScannerFeatures, dpi: number): number {
  const { resolutions, minResolution, maxResolution } = features;
  if (resolutions.length === 0) {
    return maxResolution > 0 ? Math.min(maxResolution, Math.max(minResolution, dpi)) : dpi;
  }
  return resolutions.reduce((best, r) => (Math.abs(r - dpi) < Math.abs(best - dpi) ? r : best));
}

/** The features of a device whose options are not known yet. */
export const EMPTY_FEATURES: ScannerFeatures = scannerFeatures({ options: [] });
