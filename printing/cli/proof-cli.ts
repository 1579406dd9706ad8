import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import {
  exportProofPrivateKeyPem,
  generateProofKeyPair,
  publicKeyRecord,
  verifyProofQr,
} from '../../contract/proof-signature.js';
import { ProofIssuer, ProofPublicKey } from '../../contract/proofs.js';
import { PROOF_KEYS_ENV, loadTrustedKeys } from '../verification/trusted-keys.js';
import {
  formatVerificationReport,
  verificationExitCode,
  verificationJson,
} from '../verification/verification-report.js';
import { verifyProofPdf } from '../verification/verify-proof-pdf.js';

/*
 * Proof verifier CLI: `npm run proof -- <command>`. Works offline: verification needs only the
 * trusted public keys. Exit codes: 0 valid / done, 1 invalid, 2 usage or configuration error.
 */

const USAGE = `usage: npm run proof -- <command>
  verify <file.pdf | QR text | -> [--keys keys.json] [--platform URL] [--json]
                              check a proof PDF (printed QR, attached proof.json, printed fields)
                              or a scanned QR text ("-" reads it from stdin); trusted keys from
                              --keys, --platform (<URL>/v1/proof-keys) or ${PROOF_KEYS_ENV}
  keys generate --kid K --issuer ID [--issuer ID…] [--out dir]
                              new Ed25519 signing key for the platform: K.private.pem (0600)
                              and K.public.json (the record recipients trust)`;

function usage(problem?: string): void {
  if (problem) console.error(problem);
  console.error(USAGE);
  process.exitCode = 2;
}

/** Parses options, or prints usage and returns undefined. */
function options<T extends ParseArgsConfig['options']>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    usage((error as Error).message);
    return undefined;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function verify(args: string[]): Promise<void> {
  const parsed = options(args, {
    keys: { type: 'string' },
    platform: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (parsed === undefined) return;
  const [target, ...extra] = parsed.positionals;
  if (target === undefined || extra.length > 0)
    return usage('verify takes one PDF file or QR text');
  const isQrText = target === '-' || (/^KP\d/.test(target) && !existsSync(target));
  if (!isQrText && !existsSync(target))
    return usage(`${target}: no such file (and not a proof QR text, which starts with KP1.)`);
  const trusted = await loadTrustedKeys({
    keysFile: parsed.values.keys,
    platformUrl: parsed.values.platform,
    env: process.env[PROOF_KEYS_ENV],
  });
  if (!trusted.ok) {
    console.error(`${trusted.code}: ${trusted.message}`);
    process.exitCode = 2;
    return;
  }
  const result = isQrText
    ? verifyProofQr((target === '-' ? await readStdin() : target).trim(), trusted.keys)
    : await verifyProofPdf(target, trusted.keys);
  const source = isQrText ? 'QR text' : target;
  if (parsed.values.json)
    console.log(JSON.stringify({ source, keys: trusted.source, ...verificationJson(result) }));
  else
    console.log(`${formatVerificationReport(result, source)}\n  trusted keys: ${trusted.source}`);
  process.exitCode = verificationExitCode(result);
}

async function generateKeys(args: string[]): Promise<void> {
  const parsed = options(args, {
    kid: { type: 'string' },
    issuer: { type: 'string', multiple: true },
    out: { type: 'string' },
  });
  if (parsed === undefined) return;
  const { kid, issuer = [], out = '.' } = parsed.values;
  if (parsed.positionals.length > 0) return usage('keys generate takes no positional arguments');
  if (!kid || !ProofPublicKey.shape.kid.safeParse(kid).success)
    return usage('--kid: 1–32 letters, digits, "-" or "_"');
  if (issuer.length === 0 || issuer.some((id) => !ProofIssuer.shape.id.safeParse(id).success))
    return usage('--issuer: at least one issuer id (lowercase letters, digits, "-")');
  const { privateKey, publicKey } = generateProofKeyPair();
  const record = publicKeyRecord(kid, publicKey, issuer);
  const dir = resolve(out);
  const privatePath = join(dir, `${kid}.private.pem`);
  const publicPath = join(dir, `${kid}.public.json`);
  try {
    await mkdir(dir, { recursive: true });
    // wx: never overwrite a key that may already sign proofs.
    await writeFile(privatePath, exportProofPrivateKeyPem(privateKey), { mode: 0o600, flag: 'wx' });
    await writeFile(publicPath, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    console.error(`cannot write the key files: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  console.log(`private key:       ${privatePath} (mode 0600: keep it on the platform, never on a kiosk)
public key record: ${publicPath}
serve the record from the platform's /v1/proof-keys and give it to recipients as keys.json`);
}

const [command, ...rest] = process.argv.slice(2);

switch (command) {
  case 'verify':
    await verify(rest);
    break;
  case 'keys':
    if (rest[0] === 'generate') await generateKeys(rest.slice(1));
    else usage();
    break;
  default:
    usage();
}
