import type { FastifyInstance } from 'fastify';
import type { KeyObject } from 'node:crypto';
import { ProofLookupRequest, type ProofKeysResponse } from '../../contract/index.js';
import { publicKeyRecord, signProof } from '../../contract/proof-signature.js';
import { ISSUERS, issueProof } from '../proof-issuer.js';
import type { SeedCitizen } from '../seed.js';
import { invalid } from './invalid.js';

/** What the proof routes need. */
export interface ProofRouteOptions {
  /** The Ed25519 key proofs are signed with. */
  signingKey: KeyObject;
  /** Its key id. */
  kid: string;
  /** The register. */
  citizens: readonly SeedCitizen[];
  /** Platform clock (a proof is dated by it). */
  now: () => Date;
}

/**
 * Health, the public proof keys (both unsigned), and proof lookups (signed). Personal data
 * arrives in request bodies only (never in URLs, which end up in access logs), and a lookup
 * answers only when name and ID number match the register, so the endpoint cannot be used to find
 * out who exists.
 */
export function registerProofRoutes(app: FastifyInstance, options: ProofRouteOptions): void {
  const keys: ProofKeysResponse = {
    keys: [
      publicKeyRecord(
        options.kid,
        options.signingKey,
        Object.values(ISSUERS).map((issuer) => issuer.id),
      ),
    ],
  };
  app.get('/v1/health', { config: { signature: 'none' } }, async () => ({ status: 'ok' }));
  app.get('/v1/proof-keys', { config: { signature: 'none' } }, async () => keys);
  app.post('/v1/proofs/lookup', async (request, reply) => {
    const parsed = ProofLookupRequest.safeParse(request.body);
    if (!parsed.success) {
      return invalid(reply, parsed.error);
    }
    const { type, idNumber, name } = parsed.data;
    const citizen = options.citizens.find((c) => c.idNumber === idNumber && c.name === name);
    if (!citizen) return reply.code(404).send({ error: 'noRecord' });
    const content = issueProof(citizen, type, options.now());
    if (typeof content === 'string') return reply.code(404).send({ error: content });
    return signProof(content, options.signingKey, options.kid);
  });
}
