import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The platform's proof-signing key: from a PEM file when given (an operator's real key), else
 * one generated on first start and kept in the data folder (0600), so proofs printed yesterday
 * still verify today.
 */
export function loadSigningKey(options: { keyFile?: string; dataDir: string }): KeyObject {
  if (options.keyFile) return createPrivateKey(readFileSync(options.keyFile));
  const file = join(options.dataDir, 'proof-signing-key.pem');
  if (existsSync(file)) return createPrivateKey(readFileSync(file));
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return privateKey;
}
