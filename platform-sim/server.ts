import Fastify, { type FastifyInstance } from 'fastify';
import type { KeyObject } from 'node:crypto';
import { MAX_UPLOAD_BYTES, type Catalogue } from '../contract/platform-api.js';
import { DEFAULT_MAX_SKEW_MS } from '../contract/platform-signing.js';
import { faultHook } from './faults/fault-hook.js';
import { installBodyParsers } from './http/body-parsers.js';
import { installErrorHandler } from './http/error-handler.js';
import { signatureHook, type SignatureCheck } from './http/signature-hook.js';
import { openPlatformState } from './platform-state.js';
import { registerCatalogueRoutes } from './routes/catalogue-routes.js';
import { registerControlRoutes } from './routes/control-routes.js';
import { registerKioskRoutes } from './routes/kiosk-routes.js';
import { registerProofRoutes } from './routes/proof-routes.js';
import { registerSubmissionRoutes } from './routes/submission-routes.js';
import { registerUploadRoutes } from './routes/upload-routes.js';
import { SEED_CITIZENS, type SeedCitizen } from './seed.js';
import { SEED_ENROLMENT_CODES, type SeedPendingCard } from './seed-platform.js';

/** What the reference platform is built from. */
export interface PlatformOptions {
  /** The Ed25519 key proofs are signed with. */
  signingKey: KeyObject;
  /** Its key id, as carried in proof QR codes. */
  kid: string;
  /** The register (default: the seed citizens). */
  citizens?: readonly SeedCitizen[];
  /** Platform clock, injectable for tests (proof dates, signature windows, timestamps). */
  now?: () => Date;
  /** Folder for platform.sqlite and uploads/ (default: in memory, uploads in a temp folder). */
  dataDir?: string;
  /** Refuse unsigned requests (default true); false lets tests and unsigned clients in. */
  requireSignatures?: boolean;
  /** One-time enrolment codes (default: the seed's). */
  enrolmentCodes?: readonly string[];
  /** Accept DEV-ENROL-000000 for any kiosk id (default true, so `npm start` works). */
  allowDevEnrolment?: boolean;
  /** Tolerated kiosk clock difference, ms (default 5 minutes). */
  maxSkewMs?: number;
  /** Largest upload, bytes (default 50 MiB). */
  maxUploadBytes?: number;
  /** Serve the loopback-only /_control API (default true). */
  controlApi?: boolean;
  /** The catalogue of a fresh platform (default: the seed's). */
  catalogue?: Catalogue;
  /** Cards waiting for collection (default: the seed's). */
  pendingCards?: readonly SeedPendingCard[];
}

/** Every route a built platform registered: method and URL pattern (the OpenAPI test reads it). */
const ROUTES = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** The routes a platform built by buildPlatformServer registered. */
export function registeredRoutes(app: FastifyInstance): readonly { method: string; url: string }[] {
  return ROUTES.get(app) ?? [];
}

/**
 * The reference central platform as an HTTP server: proofs, enrolment, catalogue, pending ID
 * cards, idempotent submissions, tus uploads and heartbeats, over its own SQLite database, with
 * switchable faults for tests. Call `listen` to serve, `close` to release the database.
 */
export function buildPlatformServer(options: PlatformOptions): FastifyInstance {
  const now = options.now ?? (() => new Date());
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const state = openPlatformState({
    dataDir: options.dataDir,
    now,
    enrolmentCodes: options.enrolmentCodes ?? SEED_ENROLMENT_CODES,
    allowDevEnrolment: options.allowDevEnrolment ?? true,
    maxSkewMs,
    catalogue: options.catalogue,
    pendingCards: options.pendingCards,
  });
  const signature: SignatureCheck = {
    kiosks: state.kiosks,
    now,
    maxSkewMs,
    requireSignatures: options.requireSignatures ?? true,
  };
  const closing = new AbortController();
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, exposeHeadRoutes: false });
  const routes: { method: string; url: string }[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.addHook('preClose', async () => closing.abort());
  app.addHook('onClose', async () => state.close());

  installBodyParsers(app);
  installErrorHandler(app);
  app.addHook('preHandler', signatureHook(signature));
  app.addHook('preHandler', faultHook(state.faults, closing.signal));

  registerProofRoutes(app, {
    signingKey: options.signingKey,
    kid: options.kid,
    citizens: options.citizens ?? SEED_CITIZENS,
    now,
  });
  registerKioskRoutes(app, state, now);
  registerCatalogueRoutes(app, state);
  registerSubmissionRoutes(app, state, now);
  registerUploadRoutes(app, state, {
    now,
    maxUploadBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES,
    signature,
  });
  if (options.controlApi ?? true) registerControlRoutes(app, state);
  return app;
}
