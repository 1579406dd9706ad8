import { z } from 'zod';
import { ClaimCode } from './claim-code.js';
import { DeviceStatus } from './device-status.js';
import { DeviceCounterSet } from './device-commands.js';
import { Locale, ProofId, ProofSubject, ProofType } from './proofs.js';
import { ServiceId } from './services.js';

/**
 * The kiosk ↔ central platform API (HTTP, JSON), as zod schemas. The OpenAPI 3.1 description in
 * contract/platform-api/openapi.json describes the same shapes for other implementers; a test
 * keeps the two in step. Every call but registration and the public proof keys is signed (see
 * platform-signing.ts).
 */

/** A kiosk id as registered with the platform. */
export const KioskId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** An idempotency key: the kiosk id, a dot, a ULID — unique across the fleet, forever. */
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}\.[0-9A-HJKMNP-TV-Z]{26}$/, 'idempotency key is <kioskId>.<ULID>');
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;

/** POST /v1/kiosks/register — a technician enrols a kiosk with a one-time code. */
export const RegisterRequest = z.strictObject({
  /** The id the kiosk will use. */
  kioskId: KioskId,
  /** One-time enrolment code from the platform's operator. */
  enrolmentCode: z.string().min(6).max(64),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

/** The kiosk's credentials: kept by the kiosk (0600), used to sign every request. */
export const RegisterResponse = z.strictObject({
  /** The registered id. */
  kioskId: KioskId,
  /** HMAC-SHA256 key, base64url of 32 bytes. */
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** When it was registered, ISO 8601. */
  registeredAt: z.iso.datetime(),
});
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/** One service in the catalogue. */
export const CatalogueService = z.strictObject({
  /** Which service. */
  service: ServiceId,
  /** False when the platform switched it off (e.g. a back-office outage). */
  enabled: z.boolean(),
  /** Its name per locale. */
  titles: z.record(Locale, z.string().min(1).max(40)),
  /** A one-line description per locale. */
  descriptions: z.record(Locale, z.string().min(1).max(120)),
});

/** A back-office matter code a document application is made for, e.g. "residence-permit". */
export const MatterCode = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** One matter a citizen can apply for by scanning documents at the kiosk. */
export const ApplicationMatter = z.strictObject({
  /** The back office's code for it. */
  code: MatterCode,
  /** Its name per locale. */
  titles: z.record(Locale, z.string().min(1).max(40)),
  /** What to scan, per locale (e.g. "ID card both sides, tenancy contract"). */
  documentsHint: z.record(Locale, z.string().min(1).max(200)),
  /** Most pages the back office takes for it. */
  maxPages: z.number().int().min(1).max(20),
});
export type ApplicationMatter = z.infer<typeof ApplicationMatter>;

/** GET /v1/catalogue — what the kiosk offers (with ETag / If-None-Match → 304). */
export const Catalogue = z.strictObject({
  /** Monotonic version; the ETag is derived from it. */
  version: z.number().int().nonnegative(),
  /** The services. */
  services: z.array(CatalogueService).max(32),
  /** Notice shown on the home screen per locale, if any (e.g. holiday hours). */
  notice: z.record(Locale, z.string().max(200)).optional(),
  /** Matters a citizen can apply for with scanned documents (the scanDocuments service). */
  matters: z.array(ApplicationMatter).max(50).optional(),
});
export type Catalogue = z.infer<typeof Catalogue>;

/** POST /v1/id-cards/pending — is a new ID card waiting for this person at this kiosk? */
export const PendingCardRequest = z.strictObject({
  /** Full ID number and name from the old card. */
  ...ProofSubject.shape,
});
export type PendingCardRequest = z.infer<typeof PendingCardRequest>;

/** Whether a new card awaits collection here. */
export const PendingCardResponse = z.strictObject({
  /** True when a card is loaded in this kiosk's dispenser for the person. */
  pending: z.boolean(),
  /** The platform's record of that card, when pending. */
  cardRecordId: z
    .string()
    .regex(/^[A-Z0-9-]{6,40}$/)
    .optional(),
  /** Last four characters of the new card's number, when pending. */
  cardNumberLast4: z.string().length(4).optional(),
});
export type PendingCardResponse = z.infer<typeof PendingCardResponse>;

/** What the kiosk submits: a citizen's request or a record of something done at the kiosk. */
export const SubmissionKind = z.enum([
  // A proof was printed (audit record).
  'proofPrinted',
  // A new ID card was collected.
  'idCardCollected',
  // An application with scanned documents (uploads referenced by tus URL).
  'documentApplication',
]);
export type SubmissionKind = z.infer<typeof SubmissionKind>;

/** One queued request as submitted. */
export const SubmissionItem = z.strictObject({
  /** Idempotency key: the same key is the same request, however often it arrives. */
  idempotencyKey: IdempotencyKey,
  /** What it is. */
  kind: SubmissionKind,
  /** When the citizen made it at the kiosk (kiosk clock, ISO 8601). */
  createdAt: z.iso.datetime(),
  /** The claim code on the citizen's ticket, canonical (8 Crockford base32, upper case, no dash). */
  claimCode: ClaimCode.optional(),
  /** Ordering group: items of one group are applied in sequence order (e.g. one citizen's case). */
  orderingKey: z.string().min(1).max(64).optional(),
  /** Position within the ordering group, from 1. */
  sequence: z.number().int().min(1).optional(),
  /** The request's data (schema per kind, checked by the platform). */
  payload: z.record(z.string(), z.unknown()),
});
export type SubmissionItem = z.infer<typeof SubmissionItem>;

/** POST /v1/requests/batch — up to 100 items; each is answered on its own. */
export const SubmissionBatch = z.strictObject({
  /** The items, oldest first. */
  items: z.array(SubmissionItem).min(1).max(100),
});
export type SubmissionBatch = z.infer<typeof SubmissionBatch>;

/**
 * One item's outcome, with the IETF Idempotency-Key draft's semantics per item: a key seen before
 * with the same body returns the stored outcome (`replayed: true`); with a different body it is
 * `keyReused` (HTTP 422 for a single request); while the first is still being applied it is
 * `inFlight` (409); an item the platform can never accept is `rejected` (dead-letter it).
 */
export const SubmissionResult = z.strictObject({
  /** The item's key. */
  idempotencyKey: IdempotencyKey,
  /** Outcome. */
  status: z.enum(['accepted', 'rejected', 'keyReused', 'inFlight', 'outOfOrder']),
  /** True when this is the stored outcome of an earlier delivery of the same item. */
  replayed: z.boolean(),
  /** Tracking number the citizen can quote, when accepted. */
  trackingNumber: z
    .string()
    .regex(/^[A-Z0-9-]{6,40}$/)
    .optional(),
  /** Machine-readable reason, when not accepted. */
  errorCode: z.string().max(64).optional(),
  /** Human-readable reason (no personal data), when not accepted. */
  message: z.string().max(300).optional(),
});
export type SubmissionResult = z.infer<typeof SubmissionResult>;

/** The answer to a batch: one result per item, in the items' order. */
export const SubmissionBatchResponse = z.strictObject({
  /** Results. */
  results: z.array(SubmissionResult),
});
export type SubmissionBatchResponse = z.infer<typeof SubmissionBatchResponse>;

/** POST /v1/heartbeat — the kiosk's health, every minute or so. */
export const Heartbeat = z.strictObject({
  /** Kiosk clock, ISO 8601 (the answer's serverTime reveals a wrong clock). */
  sentAt: z.iso.datetime(),
  /** Software version. */
  appVersion: z.string().max(40),
  /** Every device's status. */
  devices: z.array(DeviceStatus).max(32),
  /** Every device's counters. */
  counters: z.array(DeviceCounterSet).max(32),
  /** Requests waiting in the outbox. */
  queueDepth: z.number().int().nonnegative(),
  /** Creation time of the oldest waiting request, if any. */
  oldestQueuedAt: z.iso.datetime().optional(),
  /** Requests parked in the dead-letter list. */
  deadLetters: z.number().int().nonnegative(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/** The platform's answer to a heartbeat. */
export const HeartbeatResponse = z.strictObject({
  /** Platform clock, ISO 8601. */
  serverTime: z.iso.datetime(),
  /** Current catalogue version (refetch when newer). */
  catalogueVersion: z.number().int().nonnegative(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;

/** An error body of any non-2xx answer. */
export const PlatformError = z.strictObject({
  /** Machine-readable code, e.g. "badSignature", "replayed", "keyReused", "inFlight". */
  error: z.string().min(1).max(64),
  /** Human-readable detail (no personal data). */
  message: z.string().max(300).optional(),
  /** Platform clock, ISO 8601 — sent with clockSkew so a kiosk can tell its clock is wrong. */
  serverTime: z.iso.datetime().optional(),
});
export type PlatformError = z.infer<typeof PlatformError>;

/*
 * Added with the reference platform: the payload of each submission kind (the platform checks
 * `SubmissionItem.payload` against SUBMISSION_PAYLOADS) and the upload limit.
 */

/** Payload of a `proofPrinted` item: an audit record of a printed proof (no personal data). */
export const ProofPrintedPayload = z.strictObject({
  /** The printed proof's id, from its signed content. */
  proofId: ProofId,
  /** Which proof. */
  proofType: ProofType,
  /** Pages printed. */
  pages: z.number().int().min(1).max(200),
  /** When the printer finished, kiosk clock, ISO 8601. */
  printedAt: z.iso.datetime(),
  /** True for a technician's logged reprint. */
  reprint: z.boolean().optional(),
});
export type ProofPrintedPayload = z.infer<typeof ProofPrintedPayload>;

/** Payload of an `idCardCollected` item: a new ID card left the dispenser with its owner. */
export const IdCardCollectedPayload = z.strictObject({
  /** The platform's card record, from PendingCardResponse. */
  cardRecordId: z.string().regex(/^[A-Z0-9-]{6,40}$/),
  /** How the collector was verified against the card's owner. */
  verifiedBy: z.enum(['fingerprint', 'face']),
  /** When the citizen took the card from the gate, kiosk clock, ISO 8601. */
  collectedAt: z.iso.datetime(),
});
export type IdCardCollectedPayload = z.infer<typeof IdCardCollectedPayload>;

/** One scanned document of an application: a completed tus upload of the same kiosk. */
export const ApplicationDocument = z.strictObject({
  /** The upload's URL path as the platform's Location header gave it, e.g. "/v1/uploads/<id>". */
  uploadUrl: z.string().regex(/^\/v1\/uploads\/[A-Za-z0-9_-]{16,64}$/),
  /** The file's media type. */
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  /** Pages in it. */
  pages: z.number().int().min(1).max(200),
});
export type ApplicationDocument = z.infer<typeof ApplicationDocument>;

/** Payload of a `documentApplication` item: an application with its scanned documents. */
export const DocumentApplicationPayload = z.strictObject({
  /** The applicant, full (sent over the signed channel only, never logged). */
  applicant: ProofSubject,
  /** The matter applied for, a code from the catalogue's matters. */
  matter: MatterCode,
  /** The scanned documents. */
  documents: z.array(ApplicationDocument).min(1).max(20),
});
export type DocumentApplicationPayload = z.infer<typeof DocumentApplicationPayload>;

/** The payload schema of each submission kind. */
export const SUBMISSION_PAYLOADS = {
  proofPrinted: ProofPrintedPayload,
  idCardCollected: IdCardCollectedPayload,
  documentApplication: DocumentApplicationPayload,
} as const satisfies Record<SubmissionKind, z.ZodType>;

/** Largest upload the platform takes (tus Upload-Length), 50 MiB. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
