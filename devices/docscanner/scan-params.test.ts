import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSaneOptions } from './sane-options.js';
import { resolveScanParams } from './scan-params.js';
import type { ParamContext } from './scan-params.js';
import { scannerFeatures } from './scanner-features.js';

const options = parseSaneOptions(
  readFileSync(new URL('./fixtures/flatbed-list-all-options.txt', import.meta.url), 'utf8'),
);
const context: ParamContext = {
  defaultResolution: 300,
  defaultFormat: 'png',
  features: scannerFeatures(options),
  options,
  backendOptions: {},
};

describe('scan parameters', () => {
  it('fills in defaults and snaps the resolution to a listed one', () => {
    expect(resolveScanParams({ resolution: 200, mode: 'Gray' }, context)).toEqual({
      ok: true,
      value: {
        format: 'png',
        mode: 'Gray',
        source: undefined,
        resolution: 150,
        area: undefined,
        backendOptions: {},
      },
    });
  });

  it.each([
    [{ mode: 'Infrared' }, 'unsupportedMode'],
    [{ source: 'ADF' }, 'unsupportedSource'],
    [{ format: 'bmp' as 'png' }, 'unsupportedFormat'],
    [{ resolution: -5 }, 'unsupportedResolution'],
  ])('refuses %j before scanimage runs', (scan, code) => {
    expect(resolveScanParams(scan, context)).toMatchObject({
      ok: false,
      error: { code, action: 'configuration' },
    });
  });

  it('passes only backend options the device lists, never scanimage options', () => {
    expect(resolveScanParams({}, { ...context, backendOptions: { preview: 'yes' } }).ok).toBe(true);
    const unknown = resolveScanParams(
      {},
      { ...context, backendOptions: { 'read-return-value': 'x' } },
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalidOption' } });
    const frontend = resolveScanParams({}, { ...context, backendOptions: { 'output-file': '/x' } });
    expect(frontend).toMatchObject({ ok: false, error: { code: 'invalidOption' } });
  });
});
