import type { KeyObject } from 'node:crypto';
import {
  generateProofKeyPair,
  publicKeyRecord,
  signProof,
} from '../../contract/proof-signature.js';
import { SAMPLE_CONTENTS, SAMPLE_ISSUERS } from '../../contract/proof-signature.test-samples.js';
import type { ProofContent, ProofPublicKey, SignedProof } from '../../contract/proofs.js';

/*
 * Test fixtures of the verification tests: a platform signing key and its trusted record, and the
 * sample contents of contract/proof-signature.test-samples.ts (one per proof type).
 */

export {
  noHousingSample,
  socialInsuranceSample,
  taxPaidSample,
  SAMPLE_CONTENTS,
} from '../../contract/proof-signature.test-samples.js';

/** A signing key the tests play the platform with. */
export interface TestSigner {
  /** Key id. */
  kid: string;
  /** Private key. */
  privateKey: KeyObject;
  /** The trusted key list that accepts this signer for its issuers. */
  keys: ProofPublicKey[];
  /** Signs a content. */
  sign(content: ProofContent): SignedProof;
}

/** A fresh signer with key id `kid`, trusted for `issuers` (default: the samples' issuers). */
export function testSigner(kid = 'platform-2025', issuers = SAMPLE_ISSUERS): TestSigner {
  const { privateKey, publicKey } = generateProofKeyPair();
  return {
    kid,
    privateKey,
    keys: [publicKeyRecord(kid, publicKey, issuers)],
    sign: (content) => signProof(content, privateKey, kid),
  };
}

/** Every sample, for round trips. */
export const ALL_SAMPLES: readonly ProofContent[] = SAMPLE_CONTENTS;
