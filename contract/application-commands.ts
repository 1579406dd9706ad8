import { z } from 'zod';
import { MatterCode } from './platform-api.js';
import { PreviewUrl } from './preview-url.js';
import { Locale } from './proofs.js';

/** One scanned page of the application being put together, as the citizen sees it. */
export const ApplicationPage = z.strictObject({
  /** Position in the application, from 1 (pages renumber when one is removed). */
  pageNumber: z.number().int().min(1).max(20),
  /** Same-origin URL of the page image (PNG), valid for this session only. */
  previewUrl: PreviewUrl,
});
export type ApplicationPage = z.infer<typeof ApplicationPage>;

/**
 * Why an application command failed (the completion payload's `errorCode`). The renderer maps
 * each to a message in the citizen's language.
 */
export const ApplicationErrorCode = z.enum([
  // No citizen session (the card was not read, or the session ended).
  'noSession',
  // The document scanner is not ready (offline, busy, jammed).
  'scannerNotReady',
  // Nothing lay on the glass / in the feeder.
  'noDocument',
  // The scan itself failed; trying again may work.
  'scanFailed',
  // The matter takes no more pages.
  'tooManyPages',
  // Submit with no pages scanned.
  'noPages',
  // The matter is not in the catalogue.
  'unknownMatter',
  // The kiosk's storage is full: it takes no new requests (staff must act).
  'storageFull',
  // Too many requests wait for the platform: it takes no new ones until they are sent.
  'queueFull',
  // The request could not be saved (storage error); nothing was kept.
  'saveFailed',
]);
export type ApplicationErrorCode = z.infer<typeof ApplicationErrorCode>;

/** How a submitted application left the kiosk. */
export const ApplicationOutcome = z.enum([
  // The platform confirmed it within the wait: the receipt carries its tracking number.
  'submitted',
  // Saved on the kiosk; it will be sent when the platform answers: the citizen gets a claim ticket.
  'queued',
]);
export type ApplicationOutcome = z.infer<typeof ApplicationOutcome>;

/** Stages of Application.Submit, reported as events. */
export const ApplicationStage = z.enum(['saved', 'sending', 'receipt']);
export type ApplicationStage = z.infer<typeof ApplicationStage>;

const Pages = z.strictObject({
  /** Every page scanned so far, in order. */
  pages: z.array(ApplicationPage).max(20),
});

/**
 * The document application flow: the citizen scans pages one at a time (reviewing each), then
 * submits them for a matter. The application is saved durably on the kiosk before anything is
 * sent, so it survives a network outage or power loss; the citizen leaves with an acceptance
 * receipt (sent) or a claim ticket (queued).
 */
export const applicationCommands = {
  'Application.ScanPage': {
    payload: z.strictObject({}),
    completion: Pages,
    events: {
      'Application.ScanProgress': z.strictObject({
        /** Percent of the page scanned. */
        percent: z.number().int().min(0).max(100),
      }),
    },
  },
  'Application.RemovePage': {
    payload: z.strictObject({
      /** The page to drop. */
      pageNumber: ApplicationPage.shape.pageNumber,
    }),
    completion: Pages,
    events: {},
  },
  'Application.Submit': {
    payload: z.strictObject({
      /** The matter applied for, from the catalogue. */
      matter: MatterCode,
      /** The citizen's screen language (the receipt is printed in it). */
      locale: Locale,
    }),
    completion: z.strictObject({
      /** Sent, or saved for later. */
      outcome: ApplicationOutcome,
      /** The code printed on the ticket, formatted for people (e.g. "K7QF-2M9D"). */
      claimCode: z.string().min(4).max(20),
      /** The platform's tracking number, when submitted. */
      trackingNumber: z
        .string()
        .regex(/^[A-Z0-9-]{6,40}$/)
        .optional(),
      /** True when the receipt or claim ticket printed (the application is kept either way). */
      receiptPrinted: z.boolean(),
    }),
    events: {
      'Application.Progress': z.strictObject({
        /** Where the submission is. */
        stage: ApplicationStage,
      }),
    },
  },
  'Application.Discard': {
    payload: z.strictObject({}),
    completion: z.strictObject({}),
    events: {},
  },
} as const;
