import { parseArgs } from 'node:util';
import { buildPlatformServer } from './server.js';
import { SEED_ENROLMENT_CODES } from './seed-platform.js';
import { loadSigningKey } from './signing-key.js';

/**
 * The local reference central platform: `npm run platform [-- --port N --data-dir D]`, or started
 * by the core when `platform.url` is "embedded". Prints one JSON ready line with its URL.
 *
 *   --port N               PLATFORM_PORT               (default 0 = any free port)
 *   --data-dir D           PLATFORM_DATA_DIR           (default .platform-data)
 *   --signing-key FILE     PLATFORM_SIGNING_KEY_FILE   proof-signing Ed25519 PEM (default: generated in D)
 *   --kid K                PLATFORM_KEY_ID             (default fs-dev-1)
 *   --enrolment-code C     PLATFORM_ENROLMENT_CODES    one-time codes, repeatable / comma-separated
 *   --allow-unsigned       PLATFORM_ALLOW_UNSIGNED=1   accept unsigned requests (clients not yet signing)
 */

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PLATFORM_PORT ?? '0' },
    'data-dir': { type: 'string', default: process.env.PLATFORM_DATA_DIR ?? '.platform-data' },
    'signing-key': { type: 'string', default: process.env.PLATFORM_SIGNING_KEY_FILE },
    kid: { type: 'string', default: process.env.PLATFORM_KEY_ID ?? 'fs-dev-1' },
    'enrolment-code': { type: 'string', multiple: true, default: [] },
    'allow-unsigned': { type: 'boolean', default: process.env.PLATFORM_ALLOW_UNSIGNED === '1' },
  },
});

const envCodes = (process.env.PLATFORM_ENROLMENT_CODES ?? '')
  .split(',')
  .map((code) => code.trim())
  .filter((code) => code !== '');
const dataDir = values['data-dir'];
const signingKey = loadSigningKey({ keyFile: values['signing-key'], dataDir });
const app = buildPlatformServer({
  signingKey,
  kid: values.kid,
  dataDir,
  enrolmentCodes: [...SEED_ENROLMENT_CODES, ...envCodes, ...values['enrolment-code']],
  requireSignatures: !values['allow-unsigned'],
});
const url = await app.listen({ host: '127.0.0.1', port: Number(values.port) });
process.stdout.write(`${JSON.stringify({ event: 'platform.ready', url })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
