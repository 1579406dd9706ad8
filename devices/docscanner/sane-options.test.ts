import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOption, parseConstraint, parseSaneOptions } from './sane-options.js';
import { featureCapabilities, nearestResolution, scannerFeatures } from './scanner-features.js';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

describe('SANE option parsing — test backend (captured `scanimage -A -d test:0`)', () => {
  const set = parseSaneOptions(fixture('test-backend-all-options.txt'));

  it('reads the heading and every option line', () => {
    expect(set.device).toBe('test:0');
    expect(set.options.map((o) => o.name)).toContain('read-return-value');
    expect(set.options).toHaveLength(48);
  });

  it('types modes, resolution range, sources and geometry', () => {
    expect(findOption(set, 'mode')).toMatchObject({
      group: 'Scan Mode',
      constraint: { kind: 'list', values: ['Gray', 'Color'] },
      value: 'Gray',
      active: true,
    });
    expect(findOption(set, 'resolution')).toMatchObject({
      constraint: { kind: 'range', min: 1, max: 1200, step: 1 },
      unit: 'dpi',
      value: '50',
    });
    expect(findOption(set, 'source')?.constraint).toEqual({
      kind: 'list',
      values: ['Flatbed', 'Automatic Document Feeder'],
    });
    expect(findOption(set, 'x')).toMatchObject({ group: 'Geometry', unit: 'mm', value: '80' });
    expect(findOption(set, 'read-return-value')?.constraint).toMatchObject({ kind: 'list' });
  });

  it('reads bools, inactive options, arrays, numeric word lists and buttons', () => {
    expect(findOption(set, 'hand-scanner')).toMatchObject({
      constraint: { kind: 'bool' },
      value: 'no',
    });
    expect(findOption(set, 'three-pass')).toMatchObject({
      constraint: { kind: 'bool' },
      active: false,
    });
    expect(findOption(set, 'bool-soft-select-soft-detect-auto')).toMatchObject({ automatic: true });
    expect(findOption(set, 'gamma-table')).toMatchObject({
      array: true,
      constraint: { kind: 'range', min: 0, max: 255 },
    });
    expect(findOption(set, 'int-constraint-word-list')).toMatchObject({
      unit: 'bit',
      constraint: {
        kind: 'list',
        values: ['-42', '-8', '0', '17', '42', '256', '65536', '16777216', '1073741824'],
      },
    });
    expect(findOption(set, 'int')?.constraint).toEqual({ kind: 'none', type: 'int' });
    expect(findOption(set, 'print-options')?.constraint).toEqual({ kind: 'button' });
    expect(findOption(set, 'mode')?.description).toMatch(/^Selects the scan mode/);
  });

  it('derives features and capabilities', () => {
    const features = scannerFeatures(set);
    expect(features).toMatchObject({
      modes: ['Gray', 'Color'],
      minResolution: 1,
      maxResolution: 1200,
      defaultResolution: 50,
      flatbedSource: 'Flatbed',
      adfSource: 'Automatic Document Feeder',
      duplex: false,
      colour: true,
      maxWidthMm: 200,
      maxHeightMm: 200,
    });
    expect(featureCapabilities(features)).toMatchObject({
      adf: true,
      duplex: false,
      flatbed: true,
      colour: true,
    });
    expect(nearestResolution(features, 300)).toBe(300);
    expect(nearestResolution(features, 5000)).toBe(1200);
  });
});

describe('SANE option parsing — hand-written fixtures in scanimage format (real-scanner shapes)', () => {
  it('finds ADF and duplex sources, sensors marked [hardware], fractional ranges', () => {
    const set = parseSaneOptions(fixture('adf-scanner-all-options.txt'));
    expect(set.device).toBe('fujitsu:fi-7160:1234');
    expect(findOption(set, 'adf-loaded')).toMatchObject({
      constraint: { kind: 'bool' },
      value: 'no',
    });
    const features = scannerFeatures(set);
    expect(features).toMatchObject({
      adfSource: 'ADF Front',
      duplexSource: 'ADF Duplex',
      duplex: true,
      maxWidthMm: 215.872,
      maxHeightMm: 355.6,
    });
  });

  it('reads a listed resolution set with "auto" and a single-source flatbed', () => {
    const set = parseSaneOptions(fixture('flatbed-list-all-options.txt'));
    const features = scannerFeatures(set);
    expect(findOption(set, 'mode')).toMatchObject({ automatic: true });
    expect(features).toMatchObject({
      resolutions: [75, 150, 300, 600, 1200],
      minResolution: 75,
      maxResolution: 1200,
      sources: ['Flatbed'],
      colour: true,
    });
    expect(featureCapabilities(features)).toMatchObject({
      adf: false,
      duplex: false,
      flatbed: true,
    });
    expect(nearestResolution(features, 200)).toBe(150);
    expect(findOption(set, 'eject')?.constraint).toEqual({ kind: 'button' });
  });
});

describe('constraint parsing', () => {
  it.each([
    ['1..1200dpi (in steps of 1)', { kind: 'range', min: 1, max: 1200, step: 1 }, 'dpi'],
    ['-42.17..32768us (in steps of 2)', { kind: 'range', min: -42.17, max: 32768, step: 2 }, 'us'],
    ['75|150|300dpi', { kind: 'list', values: ['75', '150', '300'] }, 'dpi'],
    ['Flatbed|ADF', { kind: 'list', values: ['Flatbed', 'ADF'] }, ''],
    ['<string>', { kind: 'none', type: 'string' }, ''],
    ['[=(yes|no)]', { kind: 'bool' }, ''],
    ['', { kind: 'button' }, ''],
  ])('%s', (spec, constraint, unit) => {
    expect(parseConstraint(spec)).toMatchObject({ constraint, unit });
  });
});
