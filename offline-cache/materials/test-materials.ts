import { randomBytes } from 'node:crypto';
import type { NewMaterial, NewRequest } from '../outbox/outbox-types.js';
import type { Outbox } from '../outbox/outbox.js';

/** A document application's payload as the core stores it (documents are added when sent). */
export const APPLICATION_PAYLOAD = {
  applicant: { name: '陈嘉欣', idNumber: '440604199203150027' },
  matter: 'HUKOU-TRANSFER',
};

/** A scanned document of `bytes` random bytes (random: nothing to compress or recognise). */
export function scanned(bytes: number, change: Partial<NewMaterial> = {}): NewMaterial {
  return { contentType: 'image/png', pages: 1, data: randomBytes(bytes), ...change };
}

/** A document application carrying `materials`. */
export function applicationWith(materials: NewMaterial[]): NewRequest {
  return { kind: 'documentApplication', payload: APPLICATION_PAYLOAD, materials };
}

/** Enqueues a document application; returns its key (throws when refused). */
export function enqueueApplication(outbox: Outbox, materials: NewMaterial[]): string {
  const result = outbox.enqueue(applicationWith(materials));
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.idempotencyKey;
}
