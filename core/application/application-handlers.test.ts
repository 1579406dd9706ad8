import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from '../../contract/index.js';
import type { ApplicationMatter } from '../../contract/platform-api.js';
import type { NewRequest } from '../../offline-cache/outbox/outbox-types.js';
import type { CommandContext } from '../command-handlers.js';
import { createLogger } from '../log.js';
import { PreviewStore } from '../preview-store.js';
import { ApplicationDraft } from './application-draft.js';
import { applicationHandlers } from './application-handlers.js';
import { applicationReceipt } from './application-receipt.js';
import {
  applicationFailure,
  type ApplicationDeps,
  type ApplicationQueue,
  type ScanOutcome,
} from './ports.js';

const MATTER: ApplicationMatter = {
  code: 'residence-permit',
  titles: { 'zh-CN': '居住证申领', 'zh-TW': '居住證申領', en: 'Residence permit' },
  documentsHint: { 'zh-CN': '身份证正反面、租赁合同', 'zh-TW': '身份證', en: 'ID card, tenancy' },
  maxPages: 3,
};
const PERSON = {
  name: '张三',
  idNumber: '11010519491231002X',
  masked: {
    cardType: 'residentId' as const,
    maskedName: '张*',
    maskedIdNumber: '1101**********002X',
  },
};
const PNG = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, n]);

/** A kiosk with fakes at the ports: scans come from `scans`, the queue confirms when told. */
function kiosk(
  options: {
    scans?: ScanOutcome[];
    online?: boolean;
    confirm?: boolean;
    refuse?: 'storageFull' | 'queueFull';
    /** Refuses storageFull on enqueue while this says so. */
    refuseWhen?: () => boolean;
  } = {},
) {
  const previews = new PreviewStore();
  const queued: NewRequest[] = [];
  const printed: { receipt: ReceiptDocument; name: string }[] = [];
  const events: { name: string; payload: unknown }[] = [];
  let person: typeof PERSON | undefined = PERSON;
  let scanCount = 0;
  const queue: ApplicationQueue = {
    canAccept: () =>
      options.refuse
        ? { ok: false, code: options.refuse, message: 'refused', action: 'maintenance' }
        : { ok: true },
    enqueue: (request) => {
      if (options.refuse ?? options.refuseWhen?.()) {
        const code = options.refuse ?? 'storageFull';
        return { ok: false, code, message: 'refused', action: 'maintenance' };
      }
      queued.push(request);
      return {
        ok: true,
        idempotencyKey: 'FS-0001.01JD5Z8X7W6V5T4S3R2Q1P0N9M',
        claimCode: 'K7QF2M9D' as never,
        createdAt: '2026-11-23T02:00:00.000Z',
      };
    },
    waitForConfirmation: async () => (options.confirm ? 'confirmed' : 'pending'),
    trackingNumber: () => (options.confirm ? 'FS2026112300042' : undefined),
  };
  const deps: ApplicationDeps = {
    draft: new ApplicationDraft(previews),
    scanner: {
      scan: async (onProgress) => {
        onProgress(50);
        onProgress(100);
        return options.scans?.[scanCount++] ?? { ok: true, image: PNG(scanCount++) };
      },
    },
    queue,
    matters: () => [MATTER],
    person: () => person,
    platformOnline: () => options.online ?? true,
    receiptFor: (request) =>
      applicationReceipt(request, { kioskId: 'FS-0001' }, { columns: 42 }, 24),
    printReceipt: async (receipt, name) => {
      printed.push({ receipt, name });
      return true;
    },
    confirmWaitMs: 5,
    log: createLogger('silent'),
  };
  const handlers = applicationHandlers(deps);
  const ctx = <P>(payload: P) =>
    ({
      payload,
      signal: new AbortController().signal,
      emit: (name: string, payload: unknown) => events.push({ name, payload }),
    }) as unknown as CommandContext<never>;
  return {
    previews,
    queued,
    printed,
    events,
    leave: () => {
      person = undefined;
    },
    scan: () => handlers['Application.ScanPage'](ctx({})),
    remove: (pageNumber: number) => handlers['Application.RemovePage'](ctx({ pageNumber })),
    submit: (matter = MATTER.code) =>
      handlers['Application.Submit'](ctx({ matter, locale: 'zh-CN' })),
    discard: () => handlers['Application.Discard'](ctx({})),
  };
}

const receiptText = (receipt: ReceiptDocument) => JSON.stringify(receipt);

describe('the document application flow', () => {
  it('scans pages into previews the screen can show, and removing one renumbers the rest', async () => {
    const k = kiosk();
    await k.scan();
    const second = await k.scan();
    expect(second.completionCode).toBe('success');
    const pages = (second as { payload: { pages: { pageNumber: number; previewUrl: string }[] } })
      .payload.pages;
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2]);
    expect(k.previews.get(pages[0]!.previewUrl)?.type).toBe('image/png');
    expect(k.events).toContainEqual({ name: 'Application.ScanProgress', payload: { percent: 50 } });

    const after = await k.remove(1);
    expect(after).toMatchObject({
      completionCode: 'success',
      payload: { pages: [{ pageNumber: 1 }] },
    });
    expect(k.previews.get(pages[0]!.previewUrl)).toBeUndefined();
    expect(k.previews.get(pages[1]!.previewUrl)).toBeDefined();
  });

  it('offline: saves the application with its pages and prints a claim ticket with the code', async () => {
    const k = kiosk({ online: false });
    const scanned = await k.scan();
    const url = (scanned as { payload: { pages: { previewUrl: string }[] } }).payload.pages[0]!
      .previewUrl;
    const done = await k.submit();
    expect(done).toMatchObject({
      completionCode: 'success',
      payload: { outcome: 'queued', claimCode: 'K7QF-2M9D', receiptPrinted: true },
    });
    expect(k.queued).toHaveLength(1);
    expect(k.queued[0]).toMatchObject({
      kind: 'documentApplication',
      payload: { applicant: { name: '张三', idNumber: '11010519491231002X' }, matter: MATTER.code },
    });
    expect(k.queued[0]?.materials).toHaveLength(1);
    expect(k.printed[0]?.name).toBe('claim:K7QF2M9D');
    const ticket = receiptText(k.printed[0]!.receipt);
    expect(ticket).toContain('离线受理凭证');
    expect(ticket).toContain('K7QF-2M9D');
    expect(ticket).not.toContain('11010519491231002X');
    // Saved and sealed: the plain images are gone from memory and from the preview route.
    expect(k.previews.get(url)).toBeUndefined();
    expect(k.events.filter((e) => e.name === 'Application.Progress').map((e) => e.payload)).toEqual(
      [{ stage: 'saved' }, { stage: 'sending' }, { stage: 'receipt' }],
    );
  });

  it('online and confirmed in time: the acceptance receipt carries the tracking number', async () => {
    const k = kiosk({ confirm: true });
    await k.scan();
    const done = await k.submit();
    expect(done).toMatchObject({
      payload: { outcome: 'submitted', trackingNumber: 'FS2026112300042' },
    });
    expect(k.printed[0]?.name).toBe('acceptance:K7QF2M9D');
    expect(receiptText(k.printed[0]!.receipt)).toContain('FS2026112300042');
  });

  it('online but not confirmed in time: a claim ticket, the request stays queued', async () => {
    const k = kiosk({ online: true, confirm: false });
    await k.scan();
    expect(await k.submit()).toMatchObject({ payload: { outcome: 'queued' } });
  });

  it('refuses to submit nothing, too many pages, or an unknown matter', async () => {
    const k = kiosk();
    expect(await k.submit()).toMatchObject({ payload: { errorCode: 'noPages' } });
    for (let i = 0; i < 4; i++) await k.scan();
    expect(await k.submit()).toMatchObject({
      completionCode: 'userError',
      payload: { errorCode: 'tooManyPages' },
    });
    expect(await k.submit('no-such-matter')).toMatchObject({
      payload: { errorCode: 'unknownMatter' },
    });
    expect(k.queued).toHaveLength(0);
  });

  it('a full disk refuses before the first page is scanned, with a clear code', async () => {
    const k = kiosk({ refuse: 'storageFull' });
    expect(await k.scan()).toMatchObject({
      completionCode: 'notEnoughSpace',
      payload: { errorCode: 'storageFull', action: 'maintenance' },
    });
    expect(await k.submit()).toMatchObject({ payload: { errorCode: 'noPages' } });
  });

  it('a disk that fills while the citizen scans refuses the submission and saves nothing', async () => {
    let full = false;
    const k = kiosk({ refuseWhen: () => full });
    await k.scan();
    full = true;
    expect(await k.submit()).toMatchObject({
      completionCode: 'notEnoughSpace',
      payload: { errorCode: 'storageFull', action: 'maintenance' },
    });
    expect(k.printed).toHaveLength(0);
  });

  it('maps scanner failures to what the citizen must do', async () => {
    const k = kiosk({
      scans: [
        { ok: false, error: applicationFailure('noDocument', 'empty', 'clear', 'userError') },
        { ok: false, canceled: true },
      ],
    });
    expect(await k.scan()).toMatchObject({ payload: { errorCode: 'noDocument', action: 'clear' } });
    expect(await k.scan()).toMatchObject({ completionCode: 'canceled' });
  });

  it('needs a citizen in session to scan or submit', async () => {
    const k = kiosk();
    k.leave();
    expect(await k.scan()).toMatchObject({ completionCode: 'sequenceError' });
    expect(await k.submit()).toMatchObject({ payload: { errorCode: 'noSession' } });
  });

  it('discarding drops every page', async () => {
    const k = kiosk();
    await k.scan();
    await k.discard();
    expect(await k.submit()).toMatchObject({ payload: { errorCode: 'noPages' } });
  });
});
