import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readData } from '../sim/idcard-simulator.js';
import { demoCard } from '../sim/sim-card.js';
import { decodeCapturedRead } from './captured-read.js';
import { encodeSamReply } from './sam-frame.js';

function readReply(withFingerprint = false): Uint8Array {
  const card = { ...demoCard(), fingerprint: new Uint8Array(withFingerprint ? 1024 : 0) };
  return encodeSamReply(0x90, readData(card, withFingerprint));
}

describe('decoding a captured read reply', () => {
  it('decodes a text + photo reply (1295 bytes) into the card', () => {
    const bytes = readReply();
    expect(bytes.length).toBe(1295);
    const result = decodeCapturedRead(bytes, new Date('2026-11-23'));
    expect(result.ok && result.value.card).toMatchObject({
      cardType: 'residentId',
      name: '张三',
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      ethnicity: '汉',
    });
    expect(result.ok && result.value.fingerprintBytes).toBe(0);
  });
  it('decodes a reply with fingerprint templates (2321 bytes)', () => {
    const result = decodeCapturedRead(readReply(true));
    expect(result.ok && result.value.fingerprintBytes).toBe(1024);
  });
  it('says a capture cut short is truncated', () => {
    const result = decodeCapturedRead(readReply().slice(0, 700));
    expect(!result.ok && result.error.code).toBe('truncated');
  });
  it('says a corrupt capture has a bad checksum', () => {
    const bytes = readReply();
    bytes[500] = (bytes[500] ?? 0) ^ 0xff;
    const result = decodeCapturedRead(bytes);
    expect(!result.ok && result.error.code).toBe('badChecksum');
  });
  it('reports a reader error reply by its SW3 meaning', () => {
    const result = decodeCapturedRead(encodeSamReply(0x41));
    expect(!result.ok && result.error).toMatchObject({ code: 'samStatus' });
    expect(!result.ok && result.error.message).toContain('41');
  });
  it('finds no frame in garbage', () => {
    const result = decodeCapturedRead(new Uint8Array([1, 2, 3, 4, 5]));
    expect(!result.ok && result.error.code).toBe('noFrame');
  });
});

describe('npm run devices -- decode sam-idcard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-decode-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'core/cli/devices-cli.ts', ...args], {
      encoding: 'utf8',
    });

  it('prints the decoded card as JSON', () => {
    const file = join(dir, 'read.bin');
    writeFileSync(file, readReply());
    const out = run('decode', 'sam-idcard', file);
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).card).toMatchObject({
      name: '张三',
      authority: '北京市公安局东城分局',
      validTo: '2040-01-01',
    });
  });
  it('exits 1 with a clear message for a truncated capture', () => {
    const file = join(dir, 'cut.bin');
    writeFileSync(file, readReply().slice(0, 100));
    const out = run('decode', 'sam-idcard', file);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('truncated');
  });
  it('exits 2 with usage for an unknown protocol', () => {
    expect(run('decode', 'nfc', 'x').status).toBe(2);
  });
});
