import type { ApplicationMatter } from '../../contract/platform-api.js';
import type { KioskConfig } from '../config.js';
import type { BuiltDevices } from '../device-factories.js';
import type { Logger } from '../log.js';
import { receiptKiosk, receiptLayout, type Printing } from '../print/print-wiring.js';
import type { SessionPerson } from '../print/proof-preparation.js';
import { ApplicationDraft } from './application-draft.js';
import { applicationHandlers } from './application-handlers.js';
import { applicationReceipt } from './application-receipt.js';
import type { ApplicationQueue } from './ports.js';
import { saneApplicationScanner } from './scanner-adapter.js';

/** The document application side of a running core. */
export interface Applications {
  /** Handlers of the Application.* commands. */
  handlers: ReturnType<typeof applicationHandlers>;
  /** Drops the scanned pages (end of session). */
  endSession: () => void;
}

/** What the application flow needs from the rest of the core. */
export interface ApplicationsContext {
  config: KioskConfig;
  devices: BuiltDevices;
  /** Previews and the journaled receipt printer. */
  printing: Pick<Printing, 'previews' | 'printSlip'>;
  /** The outbox and its delivery. */
  queue: ApplicationQueue;
  /** Matters of the current catalogue. */
  matters: () => readonly ApplicationMatter[];
  person: () => SessionPerson | undefined;
  platformOnline: () => boolean;
  log: Logger;
}

/**
 * Builds the document application flow: pages scanned from the SANE scanner into memory, saved
 * with the request in the outbox on submit, a receipt or claim ticket on the receipt printer.
 */
export function createApplications(ctx: ApplicationsContext): Applications {
  const { config, devices } = ctx;
  const draft = new ApplicationDraft(ctx.printing.previews);
  const kiosk = receiptKiosk(config);
  const layout = receiptLayout(devices);
  const handlers = applicationHandlers({
    draft,
    scanner: devices.documentScanner ? saneApplicationScanner(devices.documentScanner) : undefined,
    queue: ctx.queue,
    matters: ctx.matters,
    person: ctx.person,
    platformOnline: ctx.platformOnline,
    receiptFor: (request) =>
      applicationReceipt(request, kiosk, layout, config.sync.claimConfirmWithinHours),
    printReceipt: ctx.printing.printSlip,
    confirmWaitMs: config.sync.confirmWaitMs,
    log: ctx.log,
  });
  return { handlers, endSession: () => draft.clear() };
}
