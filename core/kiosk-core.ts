import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { unsolicited, type SessionEndReason } from '../contract/index.js';
import type { CardIdentity } from '../devices/index.js';
import { wireCardReader } from './card-reader-wiring.js';
import { CitizenSession } from './citizen-session.js';
import type { CommandHandlers } from './command-handlers.js';
import type { KioskConfig } from './config.js';
import { DeviceRegistry } from './device-registry.js';
import { CounterStore } from './counter-store.js';
import { buildDevices } from './device-factories.js';
import { startEmbeddedProcesses } from './embedded-processes.js';
import { DeviceManager } from './device-manager.js';
import { cameraSettings, deviceCommandHandlers } from './device-command-handlers.js';
import { KioskServer } from './kiosk-server.js';
import type { Logger } from './log.js';
import { PlatformMonitor } from './platform-monitor.js';
import type { ReadyChild } from './ready-child.js';
import { deriveAvailability, sameAvailability } from './service-availability.js';
import { startCupsSimulator, SIMULATED_A4_QUEUE } from './cups-simulator.js';
import { SIMULATED_PORT } from './device-config.js';
import { createPrinting } from './print/print-wiring.js';
import { proofAuditRecorder } from './print/proof-audit.js';
import { createSync } from './sync/sync-wiring.js';
import { createCatalogueService, type CatalogueService } from './catalogue/catalogue-service.js';
import { CatalogueCache } from '../offline-cache/catalogue/catalogue-cache.js';
import { electronParentPort, outboxKeySource } from './outbox-key-source.js';
import { syncHandlers } from './sync/sync-handlers.js';
import { createApplications } from './application/application-wiring.js';
import { openKioskDatabase } from '../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../offline-cache/migrations/index.js';
import { PlatformRegistration } from './platform-credentials.js';
import { PlatformHttp } from './platform-http.js';

/** The reference platform's development enrolment code (accepted only by platform-sim). */
const DEV_ENROLMENT_CODE = 'DEV-ENROL-000000';
/** Reported in heartbeats. */
const APP_VERSION = '0.1.0';

/** Options of a core instance beyond its configuration. */
export interface KioskCoreOptions {
  /** The per-boot WebSocket token. */
  token: string;
  /** Logger. */
  log: Logger;
  /** Folder of the built renderer (default: dist/renderer beside the bundle). */
  rendererDir?: string;
  /** Folder of the built helper processes (default: dist/ beside the bundle). */
  distDir?: string;
}

/** A running core. */
export interface RunningKioskCore {
  /** Bound port. */
  port: number;
  /** URL of the screen. */
  url: string;
  /** Control API of the embedded simulators, when they run. */
  simControl: string | undefined;
  /** Base URL of the central platform in use. */
  platformUrl: string;
  /** Stops everything; resolves when stopped. */
  stop: () => Promise<void>;
}

/**
 * The composition root: configuration → simulators and platform (when embedded) → devices →
 * session and service availability → the WebSocket server. Everything the renderer sees flows
 * through `server.broadcast` as contract messages.
 */
export async function startKioskCore(
  config: KioskConfig,
  options: KioskCoreOptions,
): Promise<RunningKioskCore> {
  const { log } = options;
  const distDir = options.distDir ?? fileURLToPath(new URL('..', import.meta.url));
  const children: ReadyChild<unknown>[] = [];
  const stops: Array<() => Promise<unknown>> = [];
  const stopChildren = async () => {
    await Promise.all(children.map((c) => c.stop()));
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const embedded = await startEmbeddedProcesses(config, distDir, log);
    children.push(...embedded.children);
    const { simulatorPorts, simControl, platformUrl } = embedded;

    // The server is created last (it needs the handlers); events before it exist reach nobody.
    const sink: { server?: KioskServer } = {};
    const broadcast = (message: object) => sink.server?.broadcast(message);
    const session = new CitizenSession<CardIdentity>();
    let platformOnline = false;
    // Set once kiosk.sqlite is open; until then no catalogue is known.
    const known: { catalogue?: CatalogueService; monitor?: PlatformMonitor } = {};
    let services = deriveAvailability([], false);
    const registry = new DeviceRegistry((delta) => {
      broadcast(unsolicited('Device.StatusChanged', delta));
      refreshServices();
    });
    const refreshServices = () => {
      const next = deriveAvailability(registry.list(), platformOnline, known.catalogue?.current());
      if (sameAvailability(next, services)) return;
      services = next;
      broadcast(unsolicited('Kiosk.ServicesChanged', { services }));
    };
    const sessionPerson = () => {
      const full = session.identity;
      const masked = session.state.identity;
      return full && masked ? { name: full.name, idNumber: full.idNumber, masked } : undefined;
    };
    // Everything any flow prepared for the person at the kiosk (previews, scanned pages).
    const forgetPerson = () => {
      printing.endSession();
      applications.endSession();
    };
    const endSession = (reason: SessionEndReason) => {
      forgetPerson();
      if (!session.end(reason)) return;
      log.info({ reason }, 'session.end');
      broadcast(unsolicited('Session.Ended', { reason }));
    };

    const a4 = config.devices.documentPrinter;
    const cups =
      a4.installed && a4.queue === SIMULATED_PORT
        ? await startCupsSimulator(config.dataDir, log)
        : undefined;
    if (cups) stops.push(() => cups.stop());
    const counters = new CounterStore(join(config.dataDir, 'device-counters.json'), log);
    const devices = buildDevices(config.devices, {
      simulatorPorts,
      counters,
      log,
      dataDir: config.dataDir,
      ...(cups
        ? { cupsSimulator: { host: '127.0.0.1', port: cups.port, queue: SIMULATED_A4_QUEUE } }
        : {}),
    });
    const registration = new PlatformRegistration({
      dataDir: config.dataDir,
      kioskId: config.kioskId,
      enrolmentCode:
        config.platform.enrolmentCode ??
        (config.platform.url === 'embedded' ? DEV_ENROLMENT_CODE : undefined),
      log,
    });
    const platformHttp = new PlatformHttp(platformUrl, { credentials: registration.credentials });
    const db = openKioskDatabase(join(config.dataDir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
    stops.push(async () => db.close());
    const keys = await outboxKeySource({
      dataDir: config.dataDir,
      parentPort: electronParentPort(),
      log,
    });
    const catalogueService = createCatalogueService({
      cache: new CatalogueCache(db),
      http: platformHttp,
      log,
      changed: (current) => {
        broadcast(unsolicited('Kiosk.CatalogueChanged', { catalogue: current }));
        refreshServices();
      },
    });
    known.catalogue = catalogueService;
    stops.push(async () => catalogueService.stop());
    // The stored copy is in force before the server answers anyone.
    catalogueService.start();
    const sync = createSync(
      config,
      db,
      platformHttp,
      {
        appVersion: APP_VERSION,
        devices: () => ({ devices: registry.list(), counters: manager.counters() }),
      },
      log,
      (status) => {
        broadcast(unsolicited('Sync.StatusChanged', status));
        // The relay reached the platform or lost it: re-check reachability now.
        known.monitor?.checkNow();
      },
      {
        keys,
        materials: (outbox) => outbox.materials,
        catalogueVersion: (version) => catalogueService.platformVersion(version),
      },
    );
    stops.push(() => sync.close());
    const printing = createPrinting({
      config,
      devices,
      db,
      proofCompleted: proofAuditRecorder(sync.submit, log),
      platform: platformHttp,
      log,
      broadcast,
      person: sessionPerson,
    });
    stops.push(() => printing.close());
    const applications = createApplications({
      config,
      devices,
      printing,
      queue: sync,
      matters: () => catalogueService.current()?.matters ?? [],
      person: sessionPerson,
      platformOnline: () => platformOnline,
      log,
    });
    const manager = new DeviceManager({
      registry,
      counters,
      log,
      sinks: { error: (error) => broadcast(unsolicited('Device.Error', error)) },
    });
    for (const device of devices.all) manager.add(device);
    wireCardReader(devices.idCardReader, session, {
      newPerson: forgetPerson,
      broadcast,
      log,
    });

    const handlers: CommandHandlers = {
      'Kiosk.GetState': async () => ({
        completionCode: 'success',
        payload: {
          kioskId: config.kioskId,
          services,
          devices: registry.list(),
          session: session.state,
          uiTimeouts: config.ui,
          catalogue: catalogueService.current(),
          ...(devices.camera ? { camera: cameraSettings(config) } : {}),
        },
      }),
      'Session.End': async ({ payload }) => {
        endSession(payload.reason);
        return { completionCode: 'success', payload: {} };
      },
      ...deviceCommandHandlers(manager, devices.camera),
      ...printing.handlers,
      ...syncHandlers(sync, log, broadcast),
      ...applications.handlers,
    };

    const server = new KioskServer({
      host: config.server.host,
      port: config.server.port,
      token: options.token,
      extraOrigins: config.server.extraOrigins,
      rendererDir: options.rendererDir ?? config.server.rendererDir ?? `${distDir}/renderer`,
      limits: config.limits,
      handlers,
      resources: (path) => printing.previews.get(path),
      log,
    });
    sink.server = server;
    const port = await server.listen();

    const platform = new PlatformMonitor(
      platformUrl,
      (online) => {
        platformOnline = online;
        refreshServices();
        if (online)
          void registration.ensure(platformHttp).then(() => {
            sync.platformOnline();
            void catalogueService.refresh();
          });
      },
      log,
    );
    known.monitor = platform;
    await platform.start();
    // Devices that cannot open report offline and keep retrying; the core serves regardless.
    manager.openAll();
    void printing
      .recover()
      .catch((error: unknown) => log.error({ err: error }, 'print.recovery.failed'));

    return {
      port,
      url: server.url,
      simControl,
      platformUrl,
      stop: async () => {
        platform.stop();
        await manager.closeAll();
        await server.close();
        await stopChildren();
      },
    };
  } catch (error) {
    await stopChildren();
    throw error;
  }
}
