import type { FastifyInstance } from 'fastify';
import {
  PendingCardRequest,
  type Catalogue,
  type PendingCardResponse,
} from '../../contract/platform-api.js';
import type { PlatformState } from '../platform-state.js';
import { invalid } from './invalid.js';

/** The catalogue's entity tag. */
export function catalogueEtag(catalogue: Catalogue): string {
  return `"v${catalogue.version}"`;
}

/** True when an If-None-Match header names the tag (weak comparison, "*" matches any). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** The service catalogue (conditional GET) and pending new ID cards. */
export function registerCatalogueRoutes(app: FastifyInstance, state: PlatformState): void {
  app.get('/v1/catalogue', async (request, reply) => {
    const catalogue = state.catalogue.current();
    const etag = catalogueEtag(catalogue);
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (noneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return catalogue;
  });

  app.post('/v1/id-cards/pending', async (request, reply) => {
    const parsed = PendingCardRequest.safeParse(request.body);
    if (!parsed.success) return invalid(reply, parsed.error);
    const { idNumber, name } = parsed.data;
    const kioskId = request.kioskId;
    const card = state.pendingCards.find(
      (c) =>
        c.idNumber === idNumber &&
        c.name === name &&
        (c.kioskId === '*' || kioskId === undefined || c.kioskId === kioskId),
    );
    const body: PendingCardResponse = card
      ? { pending: true, cardRecordId: card.cardRecordId, cardNumberLast4: card.cardNumberLast4 }
      : { pending: false };
    return body;
  });
}
