import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProofPrivateKeyPem, signProof } from '../../contract/proof-signature.js';
import type { ProofPublicKey, SignedProof } from '../../contract/proofs.js';
import { noHousingSample, taxPaidSample, testSigner } from '../verification/fixtures.js';
import { writeTestProofPdf } from '../verification/test-pdf.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a technician would, without KIOSK_PROOF_KEYS unless given. */
function cli(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<Run> {
  const { KIOSK_PROOF_KEYS: _ignored, ...base } = process.env;
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'printing/cli/proof-cli.ts', ...args], {
      env: { ...base, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let dir: string;
let keysFile: string;
let record: ProofPublicKey;
let signed: SignedProof;
const GENERATE = ['keys', 'generate', '--kid', 'fs-2025', '--issuer', 'foshan-housing'];
let generated: Run;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proof-cli-test-'));
  // The platform operator's first step: every other test verifies proofs signed with this key.
  generated = await cli([...GENERATE, '--issuer', 'foshan-tax', '--out', dir]);
  keysFile = join(dir, 'fs-2025.public.json');
  record = JSON.parse(await readFile(keysFile, 'utf8')) as ProofPublicKey;
  const key = importProofPrivateKeyPem(await readFile(join(dir, 'fs-2025.private.pem'), 'utf8'));
  if (!key.ok) throw new Error(key.message);
  signed = signProof(noHousingSample, key.key, 'fs-2025');
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run proof', { timeout: 60_000 }, () => {
  it('keys generate writes a 0600 private key and a public record, and refuses to overwrite', async () => {
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain('fs-2025.private.pem (mode 0600');
    expect((await stat(join(dir, 'fs-2025.private.pem'))).mode & 0o777).toBe(0o600);
    expect(record).toMatchObject({
      kid: 'fs-2025',
      alg: 'Ed25519',
      issuers: ['foshan-housing', 'foshan-tax'],
    });
    const again = await cli([...GENERATE, '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/cannot write the key files/);
    expect((await cli(['keys', 'generate', '--kid', 'fs-2025'])).code).toBe(2);
  });

  it('verifies a genuine proof PDF: VALID, exit 0, masked subject only', async () => {
    const pdf = join(dir, 'good.pdf');
    await writeTestProofPdf(pdf, { signed });
    const run = await cli(['verify', pdf, '--keys', keysFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^VALID /);
    expect(run.stdout).toContain('proof:        FS-NH-2025-000123');
    expect(run.stdout).toContain('subject:      张*, ID 4406**********1234');
    expect(run.stdout).toContain('valid until:  2025-09-30');
    expect(run.stdout + run.stderr).not.toContain(noHousingSample.subject.idNumber);
    expect(run.stdout + run.stderr).not.toContain('张三');
  });

  it('names the changed field of an edited PDF and exits 1', async () => {
    const pdf = join(dir, 'edited.pdf');
    await writeTestProofPdf(pdf, { signed, printedName: '李四' });
    const run = await cli(['verify', pdf, '--keys', keysFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^INVALID /);
    expect(run.stdout).toContain('reason:       changed field (subject.name)');
  });

  it('says the content was altered when proof.json was edited', async () => {
    const pdf = join(dir, 'altered.pdf');
    const edited = structuredClone(signed);
    if (edited.content.type === 'noHousing') edited.content.facts.registeredHomes = 2;
    await writeTestProofPdf(pdf, { signed, attachment: JSON.stringify(edited) });
    const run = await cli(['verify', pdf, '--keys', keysFile, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, code: 'contentMismatch' });
  });

  it('verifies QR text from the environment keys, from stdin, and reports a truncated signature', async () => {
    const env = { KIOSK_PROOF_KEYS: JSON.stringify([record]) };
    const ok = await cli(['verify', signed.qr, '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      valid: true,
      proof: { proofId: 'FS-NH-2025-000123', subject: { name: '张*' } },
    });
    const piped = await cli(['verify', '-'], env, `${signed.qr}\n`);
    expect(piped.code).toBe(0);
    const cut = await cli(['verify', signed.qr.slice(0, -30)], env);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain('the signature is truncated (42 of 64 bytes)');
  });

  it('reports a QR signed by another key as a wrong key or altered QR', async () => {
    const impostor = testSigner('fs-2025').sign(taxPaidSample);
    const run = await cli(['verify', impostor.qr, '--keys', keysFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('reason:       wrong key or altered QR');
    expect(run.stdout).toContain('the QR claims (its signature did not verify)');
  });

  it('fetches keys from the platform, and exits 2 when it cannot', async () => {
    let status = 200;
    const server = createServer((req, res) => {
      res.statusCode = req.url === '/v1/proof-keys' ? status : 404;
      res.end(JSON.stringify({ keys: [record] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await cli(['verify', signed.qr, '--platform', url]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain(`trusted keys: ${url}/v1/proof-keys`);
      status = 503;
      const down = await cli(['verify', signed.qr, '--platform', url]);
      expect(down.code).toBe(2);
      expect(down.stderr).toContain('platformUnreachable');
    } finally {
      server.close();
    }
  });

  it('exits 2 with a clear message without keys, with a bad argument or command', async () => {
    const noKeys = await cli(['verify', signed.qr]);
    expect(noKeys.code).toBe(2);
    expect(noKeys.stderr).toContain('no trusted keys: pass --keys <file>');
    const missing = await cli(['verify', join(dir, 'nope.pdf'), '--keys', keysFile]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect((await cli(['verify', signed.qr, '--bogus'])).code).toBe(2);
    const bad = await cli(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: npm run proof');
  });
});
