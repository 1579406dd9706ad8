import { randomBytes } from 'node:crypto';
import type { PlatformDatabase } from './database.js';

/** The enrolment code accepted for any kiosk id while dev enrolment is on (`npm start`). */
export const DEV_ENROLMENT_CODE = 'DEV-ENROL-000000';

/** Why an enrolment was refused. */
export type EnrolmentRefusal = 'unknownEnrolmentCode' | 'enrolmentCodeUsed';

/** A registered kiosk's credentials. */
export interface KioskCredentials {
  /** Its id. */
  kioskId: string;
  /** HMAC key, base64url of 32 bytes. */
  secret: string;
  /** When it was (last) registered, ISO 8601. */
  registeredAt: string;
}

/**
 * Kiosks, their secrets, one-time enrolment codes and the nonces seen recently. Secrets are kept
 * in clear because HMAC needs them; the database file is 0600 in a 0700 folder.
 */
export class KioskStore {
  private lastPrune = 0;

  constructor(
    private readonly db: PlatformDatabase,
    private readonly options: {
      /** Accept DEV_ENROLMENT_CODE for any kiosk. */
      allowDevEnrolment: boolean;
      /** How long a nonce must be remembered: twice the skew window (a request may be early). */
      nonceRetentionMs: number;
    },
  ) {}

  /** Adds one-time enrolment codes (already known codes keep their used state). */
  addEnrolmentCodes(codes: readonly string[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO enrolment_codes (code) VALUES (?)');
    this.db.transaction(() => codes.forEach((code) => insert.run(code)))();
  }

  /**
   * Registers a kiosk with an enrolment code, or rotates the secret of a registered one. A
   * one-time code is consumed in the same transaction that stores the new secret.
   */
  enrol(kioskId: string, code: string, now: Date): KioskCredentials | EnrolmentRefusal {
    return this.db.transaction(() => {
      if (!(this.options.allowDevEnrolment && code === DEV_ENROLMENT_CODE)) {
        const row = this.db
          .prepare('SELECT used_by FROM enrolment_codes WHERE code = ?')
          .get(code) as { used_by: string | null } | undefined;
        if (!row) return 'unknownEnrolmentCode' as const;
        if (row.used_by !== null) return 'enrolmentCodeUsed' as const;
        this.db
          .prepare('UPDATE enrolment_codes SET used_by = ?, used_at = ? WHERE code = ?')
          .run(kioskId, now.toISOString(), code);
      }
      const credentials = {
        kioskId,
        secret: randomBytes(32).toString('base64url'),
        registeredAt: now.toISOString(),
      };
      this.db
        .prepare(
          `INSERT INTO kiosks (kiosk_id, secret, registered_at) VALUES (?, ?, ?)
           ON CONFLICT (kiosk_id) DO UPDATE SET secret = excluded.secret, registered_at = excluded.registered_at`,
        )
        .run(credentials.kioskId, credentials.secret, credentials.registeredAt);
      // A rotated secret starts a new nonce history.
      this.db.prepare('DELETE FROM seen_nonces WHERE kiosk_id = ?').run(kioskId);
      return credentials;
    })();
  }

  /** A registered kiosk's secret. */
  secretFor(kioskId: string): string | undefined {
    const row = this.db.prepare('SELECT secret FROM kiosks WHERE kiosk_id = ?').get(kioskId) as
      { secret: string } | undefined;
    return row?.secret;
  }

  /** Records a nonce; true when the kiosk had already used it (a replay). */
  seenNonce(kioskId: string, nonce: string, nowMs: number): boolean {
    this.prune(nowMs);
    const result = this.db
      .prepare('INSERT OR IGNORE INTO seen_nonces (kiosk_id, nonce, seen_at) VALUES (?, ?, ?)')
      .run(kioskId, nonce, nowMs);
    return result.changes === 0;
  }

  /** Nonces currently remembered (tests). */
  nonceCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM seen_nonces').get() as { n: number }).n;
  }

  private prune(nowMs: number): void {
    // A nonce older than the window can only arrive with a timestamp the skew check refuses.
    if (nowMs - this.lastPrune < 10_000) return;
    this.lastPrune = nowMs;
    this.db
      .prepare('DELETE FROM seen_nonces WHERE seen_at < ?')
      .run(nowMs - this.options.nonceRetentionMs);
  }
}
