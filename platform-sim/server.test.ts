import { generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ProofKeysResponse, SignedProof } from '../contract/index.js';
import { verifyProof } from '../contract/proof-signature.js';
import { buildPlatformServer } from './server.js';

const { privateKey } = generateKeyPairSync('ed25519');
const today = new Date('2026-11-23T02:00:00Z');
// Signatures are tested in signatures.test.ts; these tests are about the proofs themselves.
const app = buildPlatformServer({
  signingKey: privateKey,
  kid: 'test-1',
  now: () => today,
  requireSignatures: false,
});
afterAll(() => app.close());

async function lookup(body: object) {
  const response = await app.inject({ method: 'POST', url: '/v1/proofs/lookup', payload: body });
  return { status: response.statusCode, body: response.json() as unknown };
}

describe('reference platform: proofs', () => {
  it('publishes the public key every proof verifies with', async () => {
    const keys = ProofKeysResponse.parse((await app.inject('/v1/proof-keys')).json()).keys;
    for (const type of ['noHousing', 'taxPaid', 'socialInsurance'] as const) {
      const answer = await lookup({ type, idNumber: '11010519491231002X', name: '张三' });
      expect(answer.status).toBe(200);
      const signed = SignedProof.parse(answer.body);
      expect(verifyProof(signed, keys, { now: () => today })).toMatchObject({ ok: true });
      expect(signed.content.issuedOn).toBe('2026-11-23');
    }
  });

  it('issues the same proof id when asked twice on one day', async () => {
    const body = { type: 'taxPaid', idNumber: '440604199203150027', name: '陈嘉欣' };
    const first = SignedProof.parse((await lookup(body)).body);
    const second = SignedProof.parse((await lookup(body)).body);
    expect(second.content.proofId).toBe(first.content.proofId);
    expect(first.content.proofId).toMatch(/^TX-20261123-[0-9A-F]{8}$/);
  });

  it('answers nothing about people whose name does not match the ID number', async () => {
    const answer = await lookup({
      type: 'noHousing',
      idNumber: '11010519491231002X',
      name: '李四',
    });
    expect(answer).toEqual({ status: 404, body: { error: 'noRecord' } });
  });

  it('refuses a no-housing proof to a home owner', async () => {
    const answer = await lookup({
      type: 'noHousing',
      idNumber: '440605198507041235',
      name: '梁志豪',
    });
    expect(answer).toEqual({ status: 404, body: { error: 'notEligible' } });
  });

  it('rejects malformed lookups with 400', async () => {
    expect((await lookup({ type: 'mortgage', idNumber: 'x', name: '' })).status).toBe(400);
    const raw = await app.inject({
      method: 'POST',
      url: '/v1/proofs/lookup',
      headers: { 'content-type': 'application/json' },
      payload: '{"type":',
    });
    expect(raw.statusCode).toBe(400);
  });
});
