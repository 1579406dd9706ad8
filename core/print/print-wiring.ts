import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { unsolicited, type ReceiptDocument } from '../../contract/index.js';
import type { BuiltDevices } from '../device-factories.js';
import type { KioskDatabase } from '../../offline-cache/database.js';
import { PrintJournal, type CompletedProof } from '../../offline-cache/print-journal.js';
import { ProofRenderer } from '../../printing/proof/index.js';
import type { ReceiptKiosk, ReceiptLayout } from '../../printing/receipts/index.js';
import type { KioskConfig } from '../config.js';
import type { Logger } from '../log.js';
import { PlatformClient } from '../platform-client.js';
import type { PlatformHttp } from '../platform-http.js';
import { PreviewStore } from '../preview-store.js';
import { cupsSpooler, escposSlips, workerLayout } from './device-adapters.js';
import { printJournaledSlip } from './journaled-slip.js';
import { PlatformProofSource } from './platform-proof-source.js';
import { PreparedProofs } from './prepared-proofs.js';
import { printHandlers, summary } from './print-handlers.js';
import { recoverInterruptedJobs } from './print-recovery.js';
import type { SessionPerson } from './proof-preparation.js';
import { proofReceipt } from './proof-receipt.js';
import { SpoolStore } from './spool-store.js';

/** Pause between recovery attempts while CUPS cannot be asked. */
const RECOVERY_RETRY_MS = 10_000;

/** The print side of a running core. */
export interface Printing {
  /** Handlers of the print commands. */
  handlers: ReturnType<typeof printHandlers>;
  /** Page previews, for the kiosk server's resource route. */
  previews: PreviewStore;
  /** Prints a receipt-printer document through the journal; undefined without a receipt printer. */
  printSlip:
    | ((receipt: ReceiptDocument, document: string, signal: AbortSignal) => Promise<boolean>)
    | undefined;
  /** Drops everything about the person (end of session). */
  endSession: () => void;
  /** Settles jobs a crash interrupted, then tells the technician console what needs a look. */
  recover: () => Promise<void>;
  /** Stops the renderer worker. */
  close: () => Promise<void>;
}

/** What the print side needs from the rest of the core. */
export interface PrintingContext {
  config: KioskConfig;
  devices: BuiltDevices;
  /** Signed HTTP to the central platform. */
  platform: PlatformHttp;
  log: Logger;
  broadcast: (message: object) => void;
  person: () => SessionPerson | undefined;
  /** Called in the journal's transaction when a proof came out of the printer (see PrintJournal). */
  proofCompleted?: (proof: CompletedProof) => void;
  /** The kiosk database (opened once by the core). */
  db: KioskDatabase;
}

/**
 * Builds the print side: journal (in kiosk.sqlite), spool folder, proof renderer worker, the
 * platform as proof source, and the document and receipt printers as spooler and slip printer.
 */
export function createPrinting(ctx: PrintingContext): Printing {
  const { config, devices, log } = ctx;
  const journal = new PrintJournal(
    ctx.db,
    ctx.proofCompleted ? { onProofCompleted: ctx.proofCompleted } : {},
  );
  const retentionMs = config.printing.spoolRetentionHours * 3_600_000;
  const spool = new SpoolStore(join(config.dataDir, 'print-spool'), retentionMs);
  const renderer = new ProofRenderer({ fontPaths: config.printing.fonts });
  const prepared = new PreparedProofs();
  const previews = new PreviewStore();
  const spooler = devices.documentPrinter ? cupsSpooler(devices.documentPrinter) : undefined;
  const receiptPrinter = devices.receiptPrinter;
  const slips = receiptPrinter ? escposSlips(receiptPrinter) : undefined;
  const kiosk = receiptKiosk(config);
  const announceAttention = () => {
    const jobs = journal.list({ attentionOnly: true, limit: 50 }).map(summary);
    if (jobs.length > 0) ctx.broadcast(unsolicited('Print.JobsNeedAttention', { jobs }));
  };
  const handlers = printHandlers({
    source: new PlatformProofSource(new PlatformClient(ctx.platform), config.printing.proofKeys),
    layout: workerLayout(renderer, config.printing.seals),
    journal,
    prepared,
    previews,
    kioskId: config.kioskId,
    now: () => new Date(),
    spool,
    spooler,
    slips,
    receiptFor: (entry) => proofReceipt(entry, kiosk, receiptLayout(devices), new Date()),
    log,
    person: ctx.person,
    attentionChanged: announceAttention,
  });
  const stopping = new AbortController();
  return {
    handlers,
    previews,
    printSlip: slips
      ? (receipt, document, signal) => printJournaledSlip(journal, slips, receipt, document, signal)
      : undefined,
    endSession: () => {
      prepared.clear();
      previews.clear();
    },
    recover: async () => {
      spool.purge();
      // CUPS may still be starting (or down): jobs it could not be asked about are retried.
      for (let attempt = 0; attempt < 60 && !stopping.signal.aborted; attempt++) {
        const report = await recoverInterruptedJobs(journal, spooler, log, stopping.signal);
        if (report.deferred === 0) break;
        await delay(RECOVERY_RETRY_MS, undefined, { signal: stopping.signal }).catch(() => {});
      }
      announceAttention();
    },
    close: async () => {
      stopping.abort();
      await renderer.close();
    },
  };
}

/**
 * The receipt layout for the fitted printer: its columns (42 when it does not say), kept within
 * 32..48 so every template stays readable on 58 mm and 80 mm paper.
 */
export function receiptLayout(devices: Pick<BuiltDevices, 'receiptPrinter'>): ReceiptLayout {
  const columns = Number(devices.receiptPrinter?.capabilities.columns ?? 42);
  return { columns: Math.min(48, Math.max(32, columns)) };
}

/** The kiosk and hall as receipts name them, from the configuration. */
export function receiptKiosk(config: KioskConfig): ReceiptKiosk {
  return {
    kioskId: config.kioskId,
    ...(config.printing.hallName ? { hallName: config.printing.hallName } : {}),
    ...(config.printing.hallPhone ? { hallPhone: config.printing.hallPhone } : {}),
  };
}
