/** One SANE device as `scanimage -f` lists it. */
export interface SaneDevice {
  /** The SANE device name to pass to `-d`, e.g. "test:0", "epson2:libusb:001:004". */
  readonly name: string;
  /** Vendor, e.g. "Noname", "Epson". */
  readonly vendor: string;
  /** Model, e.g. "frontend-tester". */
  readonly model: string;
  /** Device type, e.g. "flatbed scanner", "virtual device". */
  readonly type: string;
}

/*
 * Fields are separated by the ASCII unit separator and records end with the record separator,
 * characters no vendor or model string contains, so names with spaces, colons or "|" parse.
 */
const FIELD = '\u001f';
const RECORD = '\u001e';

/** The `-f` format that `parseDeviceList` reads. */
export const DEVICE_LIST_FORMAT = `%d${FIELD}%v${FIELD}%m${FIELD}%t${RECORD}%n`;

/** Parses `scanimage -f DEVICE_LIST_FORMAT` output; malformed records are skipped. */
export function parseDeviceList(text: string): SaneDevice[] {
  const devices: SaneDevice[] = [];
  for (const record of text.split(RECORD)) {
    const [name, vendor, model, type] = record.replace(/^\r?\n/, '').split(FIELD);
    if (name === undefined || name === '' || type === undefined) continue;
    devices.push({ name, vendor: vendor ?? '', model: model ?? '', type });
  }
  return devices;
}

/** Parses plain `scanimage -L` lines ("device `test:0' is a Noname frontend-tester virtual device"). */
export function parseListLines(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^device [`'](.+)' is a /.exec(line.trim());
    if (match?.[1] !== undefined) names.push(match[1]);
  }
  return names;
}
