import { describe, expect, it } from 'vitest';
import { DEVICE_LIST_FORMAT, parseDeviceList, parseListLines } from './device-list.js';

/** What scanimage prints for DEVICE_LIST_FORMAT, one record per device. */
function formatted(...devices: string[][]): string {
  return devices
    .map(([d = '', v = '', m = '', t = '']) =>
      DEVICE_LIST_FORMAT.replace('%d', d)
        .replace('%v', v)
        .replace('%m', m)
        .replace('%t', t)
        .replace('%n', '\n'),
    )
    .join('');
}

describe('device list parsing', () => {
  it('reads names, vendors, models and types, including spaces and separators in them', () => {
    const text = formatted(
      ['test:0', 'Noname', 'frontend-tester', 'virtual device'],
      ['epson2:net:10.0.0.5', 'Epson', 'PID 1|2', 'flatbed scanner'],
    );
    expect(parseDeviceList(text)).toEqual([
      { name: 'test:0', vendor: 'Noname', model: 'frontend-tester', type: 'virtual device' },
      { name: 'epson2:net:10.0.0.5', vendor: 'Epson', model: 'PID 1|2', type: 'flatbed scanner' },
    ]);
  });

  it('returns nothing for empty output and skips malformed records', () => {
    expect(parseDeviceList('')).toEqual([]);
    expect(parseDeviceList('garbage\n')).toEqual([]);
  });

  it('reads the plain -L lines', () => {
    const text =
      "device `test:0' is a Noname frontend-tester virtual device\n" +
      "device `test:1' is a Noname frontend-tester virtual device\n";
    expect(parseListLines(text)).toEqual(['test:0', 'test:1']);
    expect(parseListLines('\nNo scanners were identified. If you were expecting …\n')).toEqual([]);
  });
});
