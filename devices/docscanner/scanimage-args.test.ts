import { describe, expect, it } from 'vitest';
import { DEVICE_LIST_FORMAT } from './device-list.js';
import {
  batchArgs,
  checkBackendOption,
  listArgs,
  optionsArgs,
  scanArgs,
} from './scanimage-args.js';

describe('scanimage arguments', () => {
  it('lists devices in the machine-readable format and reads options', () => {
    expect(listArgs()).toEqual([`--formatted-device-list=${DEVICE_LIST_FORMAT}`]);
    expect(optionsArgs('test:0')).toEqual(['--device-name=test:0', '--all-options']);
  });

  it('builds a single-page scan with every typed parameter, one argv element per value', () => {
    const args = scanArgs(
      'test:0',
      {
        format: 'png',
        mode: 'Color',
        resolution: 300,
        source: 'Automatic Document Feeder',
        area: { left: 0, top: 5, width: 80.5, height: 100 },
        backendOptions: { 'test-picture': 'Color pattern' },
      },
      '/tmp/x/page-1.png',
    );
    expect(args).toEqual([
      '--device-name=test:0',
      '--test-picture=Color pattern',
      '--source=Automatic Document Feeder',
      '--mode=Color',
      '--resolution=300',
      '-l', '0', '-t', '5', '-x', '80.5', '-y', '100',
      '--format=png',
      '--progress',
      '--output-file=/tmp/x/page-1.png',
    ]); // prettier-ignore
  });

  it('scans to stdout when no file is given', () => {
    const args = scanArgs('test:0', { format: 'pnm' });
    expect(args).toEqual(['--device-name=test:0', '--format=pnm', '--progress']);
  });

  it('builds a batch with a pattern, the printed file list and a page limit', () => {
    expect(batchArgs('test:0', { format: 'tiff' }, '/d/page-%d.tif', 10)).toEqual([
      '--device-name=test:0',
      '--format=tiff',
      '--progress',
      '--batch=/d/page-%d.tif',
      '--batch-print',
      '--batch-count=10',
    ]);
  });

  it('refuses backend options that scanimage would take as its own (also abbreviated)', () => {
    expect(checkBackendOption('read-return-value', 'SANE_STATUS_JAMMED')).toBeUndefined();
    expect(checkBackendOption('output-file', '/etc/passwd')).toMatch(/scanimage option/);
    expect(checkBackendOption('out', '/etc/passwd')).toMatch(/scanimage option/);
    expect(checkBackendOption('batch', 'x')).toMatch(/scanimage option/);
    expect(checkBackendOption('d', 'x')).toMatch(/bad option name/);
    expect(checkBackendOption('--mode', 'x')).toMatch(/bad option name/);
    expect(checkBackendOption('mode', 'a\nb')).toMatch(/bad value/);
    expect(() => scanArgs('t', { format: 'png', backendOptions: { out: 'x' } })).toThrow();
  });
});
