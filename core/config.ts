import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ProofPublicKey, UiTimeouts } from '../contract/index.js';
import { DevicesConfig } from './device-config.js';

/**
 * The core's configuration: a JSON file (KIOSK_CONFIG) overlaid by environment variables.
 * Defaults run the whole kiosk against simulated devices and the local reference platform, so a
 * bare machine works out of the box; a hall points device ports at real hardware.
 */

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

export { SIMULATED_PORT } from './device-config.js';

export const KioskConfig = z.strictObject({
  /** This kiosk's id as registered with the central platform. */
  kioskId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .default('KIOSK-DEV-0001'),
  /** Where the core stores its token file and (later) its database. */
  dataDir: z.string().min(1).default('.kiosk-data'),
  server: z
    .strictObject({
      /** Listen address; loopback only: the core must never be reachable from the network. */
      host: z
        .string()
        .regex(LOOPBACK, 'server.host must be a loopback address')
        .default('127.0.0.1'),
      /** Listen port; 0 picks a free one. */
      port: z.number().int().min(0).max(65_535).default(8787),
      /** Extra allowed WebSocket origins (e.g. a Vite dev server); the core's own is always allowed. */
      extraOrigins: z.array(z.url()).max(8).default([]),
      /** Folder of the built renderer; default: dist/renderer beside the core bundle. */
      rendererDir: z.string().optional(),
    })
    .prefault({}),
  limits: z
    .strictObject({
      /** Sustained commands per second per connection. */
      messagesPerSecond: z.number().positive().max(1_000).default(20),
      /** Burst size of the per-connection rate limit. */
      burst: z.number().int().positive().max(1_000).default(40),
      /** Rejected messages within 10 s after which a connection is closed as a flood. */
      floodCloseAfter: z.number().int().positive().default(200),
      /** Simultaneous WebSocket connections. */
      maxConnections: z.number().int().positive().max(64).default(8),
    })
    .prefault({}),
  /** The devices of this kiosk (see device-config.ts). */
  devices: DevicesConfig,
  platform: z
    .strictObject({
      /** Base URL of the central platform, or "embedded" for the local reference platform. */
      url: z.union([z.literal('embedded'), z.url()]).default('embedded'),
      /** One-time enrolment code for the first registration; the embedded platform accepts its dev code. */
      enrolmentCode: z.string().min(6).max(64).optional(),
    })
    .prefault({}),
  printing: z
    .strictObject({
      /** Hours the PDF of a printed proof is kept (0600) so staff can reprint a damaged page; 0 keeps none. */
      spoolRetentionHours: z.number().min(0).max(168).default(24),
      /** Proof-signing public keys pinned by the IT team; when empty they are fetched from the platform. */
      proofKeys: z.array(ProofPublicKey).max(32).default([]),
      /** Font faces overriding the fontconfig lookup, per role (scRegular, scBold, tcRegular, tcBold, fallback). */
      fonts: z
        .partialRecord(
          z.enum(['scRegular', 'scBold', 'tcRegular', 'tcBold', 'fallback']),
          z.strictObject({
            /** Absolute path of the .otf/.ttf/.ttc file. */
            file: z.string().min(1),
            /** PostScript name of the face in it, e.g. "NotoSansCJKsc-Regular". */
            postscriptName: z.string().min(1).max(128),
          }),
        )
        .default({}),
      /** The seal drawn on proofs, per issuing authority id (text, label, colour, diameter). */
      seals: z
        .record(
          z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
          z.strictObject({
            /** Text along the upper arc; default the authority's name. */
            text: z.string().min(2).max(40).optional(),
            /** Text under the star; default 电子证明专用章. */
            label: z.string().min(2).max(20).optional(),
            /** Ink colour, #rrggbb. */
            color: z
              .string()
              .regex(/^#[0-9a-fA-F]{6}$/)
              .optional(),
            /** Diameter in millimetres. */
            diameterMm: z.number().min(20).max(60).optional(),
          }),
        )
        .default({}),
      /** The service hall's name, printed on receipts. */
      hallName: z.string().min(1).max(40).optional(),
      /** The hall's enquiry phone number, printed on receipts. */
      hallPhone: z.string().min(3).max(20).optional(),
    })
    .prefault({}),
  sync: z
    .strictObject({
      /** Queued requests sent per batch (1–100). */
      batchSize: z.number().int().min(1).max(100).default(50),
      /** Days after the platform confirmed a request that its personal data is erased on the kiosk. */
      purgeAfterDays: z.number().int().min(0).max(365).default(30),
      /** Seconds between two heartbeats to the platform. */
      heartbeatSeconds: z.number().int().min(10).max(3600).default(60),
      /** Ms a citizen's submitted application waits for the platform's confirmation before a claim ticket is printed instead. */
      confirmWaitMs: z.number().int().min(0).max(60_000).default(8_000),
      /** Hours printed on a claim ticket: bring it to the counter if the request is not confirmed by then. */
      claimConfirmWithinHours: z.number().int().min(1).max(720).default(24),
    })
    .prefault({}),
  /** Timeouts of the citizen screens. */
  ui: UiTimeouts.prefault({ idleMs: 60_000, countdownMs: 20_000 }),
  log: z
    .strictObject({
      /** pino log level. */
      level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    })
    .prefault({}),
});
export type KioskConfig = z.infer<typeof KioskConfig>;

/** A configuration that cannot be used; the message says what to fix. */
export class ConfigError extends Error {
  /** What a technician must do: always fix the configuration. */
  readonly action = 'configuration' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from an optional JSON file and the environment. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): KioskConfig {
  const fromFile = env.KIOSK_CONFIG ? readConfigFile(env.KIOSK_CONFIG) : {};
  return parseConfig(overlayEnv(fromFile, env));
}

/** Validates a configuration object. Throws ConfigError listing every problem. */
export function parseConfig(input: unknown): KioskConfig {
  const result = KioskConfig.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`,
  );
  throw new ConfigError(`invalid kiosk configuration:\n${problems.join('\n')}`);
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read configuration file ${path}: ${(error as Error).message}`);
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new ConfigError(`configuration file ${path} must hold a JSON object`);
    }
    return json as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      `configuration file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

// Environment variables win over the file; each names one setting.
function overlayEnv(
  base: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): Record<string, unknown> {
  const config = structuredClone(base) as Record<string, Record<string, unknown> | unknown>;
  const section = (key: string): Record<string, unknown> => {
    const value = config[key];
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
    const fresh: Record<string, unknown> = {};
    config[key] = fresh;
    return fresh;
  };
  if (env.KIOSK_ID) config.kioskId = env.KIOSK_ID;
  if (env.KIOSK_DATA_DIR) config.dataDir = env.KIOSK_DATA_DIR;
  if (env.KIOSK_PORT !== undefined && env.KIOSK_PORT !== '')
    section('server').port = Number(env.KIOSK_PORT);
  if (env.KIOSK_PLATFORM_URL) section('platform').url = env.KIOSK_PLATFORM_URL;
  if (env.KIOSK_LOG_LEVEL) section('log').level = env.KIOSK_LOG_LEVEL;
  if (env.KIOSK_IDCARD_PORT) {
    const devices = section('devices');
    const reader = (devices.idCardReader ?? {}) as Record<string, unknown>;
    devices.idCardReader = { ...reader, port: env.KIOSK_IDCARD_PORT };
  }
  return config;
}
