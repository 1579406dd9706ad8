import Fastify, { type FastifyInstance } from 'fastify';
import type { KeyObject } from 'node:crypto';
import { ProofLookupRequest, type ProofKeysResponse } from '../contract/index.js';
import { publicKeyRecord, signProof } from '../contract/proof-signature.js';
import { ISSUERS, issueProof } from './proof-issuer.js';
import { SEED_CITIZENS, type SeedCitizen } from './seed.js';

/** What the reference platform is built from. */
export interface PlatformOptions {
  /** The Ed25519 key proofs are signed with. */
  signingKey: KeyObject;
  /** Its key id, as carried in proof QR codes. */
  kid: string;
  /** The register (default: the seed citizens). */
  citizens?: readonly SeedCitizen[];
  /** Today's date, injectable for tests. */
  now?: () => Date;
}

/**
 * The reference central platform as an HTTP server. Personal data arrives in request bodies only
 * (never in URLs, which end up in access logs), and a lookup answers only when name and ID number
 * match the register, so the endpoint cannot be used to find out who exists.
 */
export function buildPlatformServer(options: PlatformOptions): FastifyInstance {
  const now = options.now ?? (() => new Date());
  const citizens = options.citizens ?? SEED_CITIZENS;
  const keys: ProofKeysResponse = {
    keys: [
      publicKeyRecord(
        options.kid,
        options.signingKey,
        Object.values(ISSUERS).map((issuer) => issuer.id),
      ),
    ],
  };
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });

  app.get('/v1/health', async () => ({ status: 'ok' }));
  app.get('/v1/proof-keys', async () => keys);
  app.post('/v1/proofs/lookup', async (request, reply) => {
    const parsed = ProofLookupRequest.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: 'invalidRequest', message: parsed.error.message });
    }
    const { type, idNumber, name } = parsed.data;
    const citizen = citizens.find((c) => c.idNumber === idNumber && c.name === name);
    if (!citizen) return reply.code(404).send({ error: 'noRecord' });
    const content = issueProof(citizen, type, now());
    if (typeof content === 'string') return reply.code(404).send({ error: content });
    return signProof(content, options.signingKey, options.kid);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'notFound' }));
  return app;
}
