import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintStage } from '../../contract/index.js';
import { publicKeyRecord } from '../../contract/proof-signature.js';
import { createLogger } from '../../core/log.js';
import { PlatformClient } from '../../core/platform-client.js';
import { PreviewStore } from '../../core/preview-store.js';
import { cupsSpooler, workerLayout } from '../../core/print/device-adapters.js';
import { PlatformProofSource } from '../../core/print/platform-proof-source.js';
import { PreparedProofs } from '../../core/print/prepared-proofs.js';
import { printHandlers, type PrintHandlerDeps } from '../../core/print/print-handlers.js';
import { proofReceipt } from '../../core/print/proof-receipt.js';
import { SpoolStore } from '../../core/print/spool-store.js';
import type { DocumentPrinter } from '../../devices/index.js';
import { type PrivateCupsd } from '../../devices/index.js';
import { startSinkPrinter } from '../support/private-cups.js';
import { openKioskDatabase, type KioskDatabase } from '../../offline-cache/database.js';
import { KIOSK_MIGRATIONS } from '../../offline-cache/migrations/index.js';
import { PrintJournal } from '../../offline-cache/print-journal.js';
import { buildPlatformServer } from '../../platform-sim/server.js';
import { ProofRenderer } from '../../printing/proof/index.js';
import { verifyProofPdf } from '../../printing/verification/index.js';
import { registeredPlatform } from '../support/sync-kiosk.js';

/**
 * The proof print flow on real parts: the reference platform over HTTP, the worker-thread
 * renderer, pdftoppm previews, the SQLite journal, and a private cupsd whose raw queue hands the
 * exact PDF to an in-memory sink — so the test can verify what "came out of the printer".
 */

const dir = mkdtempSync(join(tmpdir(), 'proof-print-'));
const { privateKey } = generateKeyPairSync('ed25519');
const keys = [publicKeyRecord('it-1', privateKey, ['fs-housing', 'fs-tax', 'fs-social-insurance'])];
const platform = buildPlatformServer({ signingKey: privateKey, kid: 'it-1' });
const renderer = new ProofRenderer();
let cups: PrivateCupsd;
let printer: DocumentPrinter;
let db: KioskDatabase;
let deps: PrintHandlerDeps;
let handlers: ReturnType<typeof printHandlers>;
let platformUrl: string;
const person = {
  name: '张三',
  idNumber: '11010519491231002X',
  masked: {
    cardType: 'residentId' as const,
    maskedName: '张*',
    maskedIdNumber: '1101**********002X',
  },
};

beforeAll(async () => {
  ({ cups, printer } = await startSinkPrinter());
  platformUrl = await platform.listen({ host: '127.0.0.1', port: 0 });
  db = openKioskDatabase(join(dir, 'kiosk.sqlite'), KIOSK_MIGRATIONS);
  deps = {
    source: new PlatformProofSource(
      new PlatformClient(await registeredPlatform(platformUrl, dir, 'FS-TEST-0001')),
    ),
    layout: workerLayout(renderer),
    journal: new PrintJournal(db),
    prepared: new PreparedProofs(),
    previews: new PreviewStore(),
    kioskId: 'FS-TEST-0001',
    now: () => new Date(),
    spool: new SpoolStore(join(dir, 'spool'), 3_600_000),
    spooler: cupsSpooler(printer),
    slips: undefined,
    receiptFor: (entry) =>
      proofReceipt(entry, { kioskId: 'FS-TEST-0001' }, { columns: 42 }, new Date()),
    log: createLogger('silent'),
    person: () => person,
    attentionChanged: () => {},
  };
  handlers = printHandlers(deps);
}, 60_000);

afterAll(async () => {
  await printer.close();
  await cups.stop();
  await platform.close();
  await renderer.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctx = <P>(payload: P, stages: PrintStage[] = []) => ({
  payload,
  signal: new AbortController().signal,
  emit: (_name: string, event: Record<string, unknown>) => stages.push(event.stage as PrintStage),
});

/** What the sink printer received once `count` jobs arrived, or after `waitMs`, whichever first. */
async function printedPdfs(count: number, waitMs = 5000): Promise<Uint8Array[]> {
  const sink = cups.sink('PDF');
  if (sink === undefined) throw new Error('the private cupsd has no sink queue "PDF"');
  // A timeout is not an error here: "nothing more was printed" waits for a job that never comes.
  return sink.waitForJobs(count, waitMs).catch(() => sink.jobs);
}

describe('printing a proof, end to end on real parts', () => {
  let proofId = '';

  it('prepares a verified proof with one preview image per page', async () => {
    const prepared = await handlers['Proof.Prepare'](
      ctx({ type: 'socialInsurance', locale: 'zh-CN' }),
    );
    if (prepared.completionCode !== 'success') throw new Error(prepared.errorDescription);
    proofId = prepared.payload.proofId;
    expect(prepared.payload.pageCount).toBeGreaterThan(1);
    expect(prepared.payload.previewUrls).toHaveLength(prepared.payload.pageCount);
    expect(prepared.payload.alreadyPrinted).toBe(false);
    const page = deps.previews.get(prepared.payload.previewUrls[0] ?? '');
    expect(page?.type).toBe('image/png');
    expect(
      Buffer.from(page?.body ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('prints it through CUPS: the journal says completed and the printed PDF verifies', async () => {
    const stages: PrintStage[] = [];
    const printed = await handlers['Proof.Print'](ctx({ proofId }, stages));
    if (printed.completionCode !== 'success') throw new Error(printed.errorDescription);
    expect(stages).toEqual(expect.arrayContaining(['recorded', 'submitted', 'completed']));
    expect(deps.journal.get(printed.payload.jobId)).toMatchObject({ state: 'completed' });
    const [pdf] = await printedPdfs(1);
    const file = join(dir, 'printed.pdf');
    writeFileSync(file, pdf ?? new Uint8Array());
    const verdict = await verifyProofPdf(file, keys);
    expect(verdict).toMatchObject({ ok: true });
  });

  it('refuses to print the same proof a second time, and sends nothing to the printer', async () => {
    const again = await handlers['Proof.Prepare'](ctx({ type: 'socialInsurance', locale: 'en' }));
    expect(again).toMatchObject({ completionCode: 'success', payload: { alreadyPrinted: true } });
    const refused = await handlers['Proof.Print'](ctx({ proofId }));
    expect(refused).toMatchObject({
      completionCode: 'commandErrorCode',
      payload: { errorCode: 'alreadyPrinted' },
    });
    expect(await printedPdfs(2, 500)).toHaveLength(1);
  });

  it('reprints only on a technician request, which the journal keeps', async () => {
    const [original] = deps.journal.list({ attentionOnly: false, limit: 1 });
    const note = { technicianId: 'tech-07', reason: 'page 2 torn in the tray' };
    const reprint = await handlers['Print.Reprint'](ctx({ jobId: original?.jobId ?? '', ...note }));
    if (reprint.completionCode !== 'success') throw new Error(reprint.errorDescription);
    expect(deps.journal.get(reprint.payload.jobId)).toMatchObject({
      state: 'completed',
      reprintOf: original?.jobId,
    });
    expect(deps.journal.events(reprint.payload.jobId)[0]?.detail).toMatchObject(note);
    expect(await printedPdfs(2)).toHaveLength(2);
  });

  it('answers "no record" for a proof the platform cannot issue, printing nothing', async () => {
    const other = { ...person, name: '梁志豪', idNumber: '440605198507041235' };
    const outcome = await printHandlers({ ...deps, person: () => other })['Proof.Prepare'](
      ctx({ type: 'noHousing', locale: 'zh-TW' }),
    );
    expect(outcome).toMatchObject({ payload: { errorCode: 'notEligible' } });
  });

  it('refuses a proof whose signature does not match the pinned key', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const pinned = [publicKeyRecord('it-1', stranger, ['fs-housing'])];
    const source = new PlatformProofSource(
      new PlatformClient(await registeredPlatform(platformUrl, dir, 'FS-TEST-0001')),
      pinned,
    );
    const outcome = await printHandlers({ ...deps, source })['Proof.Prepare'](
      ctx({ type: 'noHousing', locale: 'zh-CN' }),
    );
    expect(outcome).toMatchObject({
      completionCode: 'fraudAttempt',
      payload: { errorCode: 'proofSignatureInvalid' },
    });
  });
});
