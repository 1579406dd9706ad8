import { parseArgs } from 'node:util';
import { buildPlatformServer } from './server.js';
import { loadSigningKey } from './signing-key.js';

/**
 * The local reference central platform: `npm run platform [-- --port N --data-dir D]`, or started
 * by the core when `platform.url` is "embedded". Prints one JSON ready line with its URL.
 */

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: process.env.PLATFORM_DATA_DIR ?? '.platform-data' },
    'signing-key': { type: 'string', default: process.env.PLATFORM_SIGNING_KEY_FILE },
    kid: { type: 'string', default: process.env.PLATFORM_KEY_ID ?? 'fs-dev-1' },
  },
});

const signingKey = loadSigningKey({ keyFile: values['signing-key'], dataDir: values['data-dir'] });
const app = buildPlatformServer({ signingKey, kid: values.kid });
const url = await app.listen({ host: '127.0.0.1', port: Number(values.port) });
process.stdout.write(`${JSON.stringify({ event: 'platform.ready', url })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
