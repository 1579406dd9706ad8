/** Command-line flags as `--name value` pairs; positional words are kept in order. */
export interface ParsedArgs {
  /** Words that are not flags, e.g. the device name "idcard". */
  readonly positional: string[];
  /** Flag values by name (without the dashes). */
  readonly flags: Map<string, string>;
}

/** A command-line mistake; the caller prints it with the usage text and exits 2. */
export class UsageError extends Error {}

/** Parses `--name value` and `--name=value`; every flag takes a value. */
export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    const value = eq < 0 ? argv[++i] : word.slice(eq + 1);
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

/** An integer flag within [min, max], or the default when absent. */
export function intFlag(
  args: ParsedArgs,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = args.flags.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
