/** What one line of scanimage's stderr (with `--progress`, batch mode) tells about the scan. */
export type ProgressLine =
  | {
      /** A page started ("Scanning page 3"). */
      readonly kind: 'pageStarted';
      /** Page number as scanimage counts it. */
      readonly page: number;
    }
  | {
      /** Progress of the current page ("Progress: 47.1%"). */
      readonly kind: 'progress';
      /** Percent of the current page, 0..100. */
      readonly percent: number;
    }
  | {
      /** A page ended ("Scanned page 3. (scanner status = 5)"). */
      readonly kind: 'pageEnded';
      /** Page number. */
      readonly page: number;
      /** The SANE status the page ended with (5 = EOF = complete). */
      readonly saneStatus: number;
    }
  | {
      /** The batch ended ("Batch terminated, 10 pages scanned"). */
      readonly kind: 'batchEnded';
      /** Pages scanimage counts as scanned (it includes a page that failed mid-read). */
      readonly pages: number;
    };

/** Parses one stderr line; undefined for lines that are not progress. */
export function parseProgressLine(line: string): ProgressLine | undefined {
  const text = line.trim();
  let match = /^Progress: (\d+(?:\.\d+)?)%$/.exec(text);
  if (match !== null) return { kind: 'progress', percent: Math.min(100, Number(match[1])) };
  match = /^Scanning page (\d+)$/.exec(text);
  if (match !== null) return { kind: 'pageStarted', page: Number(match[1]) };
  match = /^Scanned page (\d+)\. \(scanner status = (\d+)\)$/.exec(text);
  if (match !== null) {
    return { kind: 'pageEnded', page: Number(match[1]), saneStatus: Number(match[2]) };
  }
  match = /^Batch terminated, (\d+) pages? scanned$/.exec(text);
  if (match !== null) return { kind: 'batchEnded', pages: Number(match[1]) };
  return undefined;
}

/** The page number in a file name made from a `%d` batch pattern (e.g. "page-7.png" → 7). */
export function pageNumberFromName(fileName: string, prefix: string, suffix: string): number {
  if (!fileName.startsWith(prefix) || !fileName.endsWith(suffix)) return Number.NaN;
  const digits = fileName.slice(prefix.length, fileName.length - suffix.length);
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/**
 * Splits a growing text stream into lines at "\n" or "\r" (scanimage rewrites its progress
 * line with "\r"). Keeps at most `maxLine` characters of an unterminated line.
 */
export class LineSplitter {
  private rest = '';

  constructor(private readonly maxLine = 4096) {}

  /** Feeds a chunk; returns the complete lines in it. */
  push(chunk: string): string[] {
    const parts = (this.rest + chunk).split(/\r\n|\r|\n/);
    this.rest = (parts.pop() ?? '').slice(-this.maxLine);
    return parts.filter((p) => p !== '');
  }

  /** The unterminated rest, as a last line (if any). */
  end(): string[] {
    const rest = this.rest;
    this.rest = '';
    return rest === '' ? [] : [rest];
  }
}
