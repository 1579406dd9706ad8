/** The allowed values of one SANE option, as scanimage prints them. */
export type SaneConstraint =
  | {
      /** Any value of the placeholder's type ("<int>", "<float>", "<string>"). */
      readonly kind: 'none';
      /** The placeholder without brackets: "int", "float" or "string". */
      readonly type: string;
    }
  | {
      /** A numeric range. */
      readonly kind: 'range';
      /** Smallest value. */
      readonly min: number;
      /** Largest value. */
      readonly max: number;
      /** Quantisation step, when the backend declares one. */
      readonly step?: number;
    }
  | {
      /** One of a list of words or numbers. */
      readonly kind: 'list';
      /** The values, units stripped from numbers. */
      readonly values: readonly string[];
    }
  | {
      /** A yes/no option. */
      readonly kind: 'bool';
    }
  | {
      /** An action without a value. */
      readonly kind: 'button';
    };

/** One backend option of a SANE device. */
export interface SaneOption {
  /** Name without dashes: "mode", "resolution", "source", "l" (geometry). */
  readonly name: string;
  /** The option group heading, e.g. "Scan Mode", "Geometry". */
  readonly group: string;
  /** Allowed values. */
  readonly constraint: SaneConstraint;
  /** Unit: "dpi", "mm", "pel", "bit", "us", "%" or "" for none. */
  readonly unit: string;
  /** The current value as printed, when the option is active and readable. */
  readonly value?: string;
  /** False when scanimage printed "[inactive]". */
  readonly active: boolean;
  /** True when the backend can set the value itself ("auto"). */
  readonly automatic: boolean;
  /** True for array options (",..." after the constraint). */
  readonly array: boolean;
  /** The backend's help text. */
  readonly description: string;
}

/** The options of one device. */
export interface SaneOptionSet {
  /** The device name from the heading, if the text had one. */
  readonly device?: string;
  /** Options in the order scanimage listed them. */
  readonly options: readonly SaneOption[];
}

const FLAGS = new Set(['inactive', 'advanced', 'read-only', 'hardware', 'software', 'emulated']);

interface Tail {
  readonly spec: string;
  readonly value?: string;
  readonly active: boolean;
}

/** Splits "SPEC [value] [advanced]" into the spec, the value and the inactive flag. */
function splitTail(rest: string): Tail {
  let spec = rest;
  let value: string | undefined;
  let active = true;
  for (;;) {
    const match = /\s*\[([^[\]]*)\]$/.exec(spec);
    // "[=(yes|no)]" belongs to the spec, not to the value.
    if (match === null || match[1]?.startsWith('=')) break;
    const content = match[1] ?? '';
    if (content === 'inactive') active = false;
    else if (!FLAGS.has(content)) value = content;
    spec = spec.slice(0, match.index);
  }
  return { spec: spec.trim(), active, ...(value !== undefined ? { value } : {}) };
}

interface ParsedSpec {
  readonly constraint: SaneConstraint;
  readonly unit: string;
  readonly automatic: boolean;
  readonly array: boolean;
}

const NUMBER_WITH_UNIT = /^(-?\d+(?:\.\d+)?)([a-z%]*)$/;

/** Parses the constraint part of an option line. */
export function parseConstraint(raw: string): ParsedSpec {
  if (raw === '')
    return { constraint: { kind: 'button' }, unit: '', automatic: false, array: false };
  if (raw.startsWith('[=(')) {
    return {
      constraint: { kind: 'bool' },
      unit: '',
      automatic: raw.includes('auto|'),
      array: false,
    };
  }
  let spec = raw;
  const automatic = spec.startsWith('auto|');
  if (automatic) spec = spec.slice('auto|'.length);
  const steps = /\s*\(in steps of (-?[\d.]+)\)$/.exec(spec);
  if (steps !== null) spec = spec.slice(0, steps.index);
  const array = spec.endsWith(',...');
  if (array) spec = spec.slice(0, -4);
  const placeholder = /^<(\w+)>$/.exec(spec);
  if (placeholder !== null) {
    return { constraint: { kind: 'none', type: placeholder[1] ?? '' }, unit: '', automatic, array };
  }
  const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)([a-z%]*)$/.exec(spec);
  if (range !== null) {
    const step = steps?.[1] !== undefined ? { step: Number(steps[1]) } : {};
    const constraint = { kind: 'range', min: Number(range[1]), max: Number(range[2]), ...step };
    return { constraint: constraint as SaneConstraint, unit: range[3] ?? '', automatic, array };
  }
  const values = spec.split('|');
  const last = NUMBER_WITH_UNIT.exec(values[values.length - 1] ?? '');
  const numeric = values.slice(0, -1).every((v) => /^-?\d+(?:\.\d+)?$/.test(v));
  if (last !== null && numeric) {
    values[values.length - 1] = last[1] ?? '';
    return { constraint: { kind: 'list', values }, unit: last[2] ?? '', automatic, array };
  }
  return { constraint: { kind: 'list', values }, unit: '', automatic, array };
}

/** Parses the output of `scanimage -A -d DEV` (or `--help -d DEV`) into typed options. */
export function parseSaneOptions(text: string): SaneOptionSet {
  const lines = text.split(/\r?\n/);
  const headingAt = lines.findIndex((l) => /options specific to device/i.test(l));
  const heading = lines[headingAt] ?? '';
  const device = /device [`'](.+)':/.exec(heading)?.[1];
  const options: SaneOption[] = [];
  let group = '';
  let current: { -readonly [K in keyof SaneOption]: SaneOption[K] } | undefined;
  for (const line of lines.slice(headingAt + 1)) {
    const option = /^ {4}(--?)([A-Za-z0-9][\w-]*)(.*)$/.exec(line);
    if (option !== null) {
      const { spec, value, active } = splitTail((option[3] ?? '').trim());
      const parsed = parseConstraint(spec);
      current = { name: option[2] ?? '', group, ...parsed, active, description: '' };
      if (value !== undefined) current.value = value;
      options.push(current);
      continue;
    }
    const heading2 = /^ {2}(\S.*):\s*$/.exec(line);
    if (heading2 !== null) {
      group = heading2[1] ?? '';
      current = undefined;
      continue;
    }
    const more = /^ {6,}(\S.*)$/.exec(line);
    if (more !== null && current !== undefined) {
      current.description = `${current.description} ${more[1] ?? ''}`.trim();
    }
  }
  return { ...(device !== undefined ? { device } : {}), options };
}

/** The option called `name`, if the device has it. */
export function findOption(set: SaneOptionSet, name: string): SaneOption | undefined {
  return set.options.find((option) => option.name === name);
}
