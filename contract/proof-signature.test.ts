import { describe, expect, it } from 'vitest';
import {
  CanonicalJsonError,
  canonicalProofJson,
  exportProofPrivateKeyPem,
  exportProofPublicKey,
  generateProofKeyPair,
  importProofPrivateKeyPem,
  importProofPublicKey,
  parseProofQr,
  proofDigest,
  publicKeyRecord,
  signProof,
  verifyProof,
  verifyProofQr,
} from './proof-signature.js';
import type { ProofVerification } from './proof-signature.js';
import type { ProofContent, ProofPublicKey, SignedProof } from './proofs.js';
import {
  SAMPLE_CONTENTS,
  SAMPLE_ISSUERS,
  noHousingSample,
} from './proof-signature.test-samples.js';

const platform = generateProofKeyPair();
const other = generateProofKeyPair();
const KEYS: ProofPublicKey[] = [
  publicKeyRecord('platform-2025', platform.publicKey, SAMPLE_ISSUERS),
];
const at = (day: string) => () => new Date(`${day}T12:00:00`);
const NOW = at('2025-06-01');

const headerOf = (qr: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(qr.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
/** A QR whose header is `header` re-signed (or not) with `key`. */
function qrWith(header: Record<string, unknown>, signature: Buffer): string {
  return `KP1.${Buffer.from(JSON.stringify(header)).toString('base64url')}.${signature.toString('base64url')}`;
}
const signatureOf = (qr: string): Buffer => Buffer.from(qr.split('.')[2] ?? '', 'base64url');
const codeOf = (r: ProofVerification): string => (r.ok ? 'ok' : r.code);

describe('signProof / verifyProof', () => {
  it.each(SAMPLE_CONTENTS.map((c) => [c.type, c] as const))(
    'round-trips a %s proof with a QR under 400 characters',
    (_type, content) => {
      const signed = signProof(content, platform.privateKey, 'platform-2025');
      expect(signed.qr.length).toBeLessThan(400);
      const result = verifyProof(signed, KEYS, { now: NOW });
      expect(result).toMatchObject({ ok: true, expired: false, today: '2025-06-01' });
      if (!result.ok) return;
      expect(result.header).toMatchObject({
        v: 1,
        id: content.proofId,
        t: content.type,
        iss: content.issuer.id,
        n: content.subject.name,
        idm: '4406**********1234',
        on: content.issuedOn,
        to: content.validUntil,
      });
      expect(signed.qr).not.toContain(content.subject.idNumber);
      expect(JSON.stringify(headerOf(signed.qr))).not.toContain(content.subject.idNumber);
      expect(verifyProofQr(signed.qr, KEYS, { now: NOW }).ok).toBe(true);
    },
  );

  it('flags an expired proof as a warning, not a failure', () => {
    const signed = signProof(noHousingSample, platform.privateKey, 'platform-2025');
    const onLastDay = verifyProof(signed, KEYS, { now: at('2025-09-30') });
    expect(onLastDay).toMatchObject({ ok: true, expired: false });
    const dayAfter = verifyProof(signed, KEYS, { now: at('2025-10-01') });
    expect(dayAfter).toMatchObject({ ok: true, expired: true, today: '2025-10-01' });
  });

  it('refuses to sign content that fails the schema', () => {
    const bad = { ...noHousingSample, issuedOn: '2025-13-01' } as ProofContent;
    expect(() => signProof(bad, platform.privateKey, 'k')).toThrow();
  });
});

describe('QR tamper matrix', () => {
  const signed = signProof(noHousingSample, platform.privateKey, 'platform-2025');
  const header = headerOf(signed.qr);
  const signature = signatureOf(signed.qr);

  const changes: Record<string, unknown> = {
    id: 'FS-NH-2025-000999',
    t: 'taxPaid',
    iss: 'foshan-tax',
    n: '李四',
    idm: '4406**********9999',
    on: '2025-05-02',
    to: '2026-09-30',
    d: Buffer.alloc(32, 7).toString('base64url'),
  };
  it.each(Object.entries(changes))('a changed "%s" fails with badSignature', (field, value) => {
    const result = verifyProofQr(qrWith({ ...header, [field]: value }, signature), KEYS);
    expect(result).toMatchObject({ ok: false, code: 'badSignature' });
    if (!result.ok) expect(result.message).toMatch(/altered or signed by another key/);
  });

  it('a changed version fails with unsupportedVersion, a changed prefix too', () => {
    expect(codeOf(verifyProofQr(qrWith({ ...header, v: 2 }, signature), KEYS))).toBe(
      'unsupportedVersion',
    );
    expect(codeOf(verifyProofQr(signed.qr.replace(/^KP1/, 'KP2'), KEYS))).toBe(
      'unsupportedVersion',
    );
  });

  it('a changed kid is an unknown key; the kid of another trusted key is a bad signature', () => {
    const renamed = qrWith({ ...header, kid: 'nobody' }, signature);
    expect(verifyProofQr(renamed, KEYS)).toMatchObject({ code: 'unknownKey' });
    const twoKeys = [...KEYS, publicKeyRecord('second', other.publicKey, SAMPLE_ISSUERS)];
    expect(verifyProofQr(qrWith({ ...header, kid: 'second' }, signature), twoKeys)).toMatchObject({
      code: 'badSignature',
    });
  });

  it('every single flipped signature bit fails with badSignature', () => {
    for (let bit = 0; bit < 512; bit++) {
      const flipped = Buffer.from(signature);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      expect(codeOf(verifyProofQr(qrWith(header, flipped), KEYS))).toBe('badSignature');
    }
  });

  it.each([1, 20])('a signature truncated by %i bytes says so', (cut) => {
    const result = verifyProofQr(qrWith(header, signature.subarray(0, 64 - cut)), KEYS);
    expect(result).toMatchObject({
      code: 'truncatedSignature',
      message: `the signature is truncated (${64 - cut} of 64 bytes)`,
    });
  });

  it('a QR text cut short inside the signature says the signature is truncated', () => {
    expect(verifyProofQr(signed.qr.slice(0, -3), KEYS)).toMatchObject({
      code: 'truncatedSignature',
      message: 'the signature is truncated (62 of 64 bytes)',
    });
  });

  it('a proof signed by another key, or for an issuer the key may not sign for, fails', () => {
    const forged = signProof(noHousingSample, other.privateKey, 'platform-2025');
    expect(verifyProofQr(forged.qr, KEYS)).toMatchObject({ code: 'badSignature' });
    const unknown = signProof(noHousingSample, other.privateKey, 'rogue');
    expect(verifyProofQr(unknown.qr, KEYS)).toMatchObject({
      code: 'unknownKey',
      claimed: { id: noHousingSample.proofId },
    });
    const narrow = [publicKeyRecord('platform-2025', platform.publicKey, ['foshan-tax'])];
    expect(verifyProofQr(signed.qr, narrow)).toMatchObject({
      code: 'issuerNotAllowed',
      message: `key "platform-2025" may not sign proofs of issuer "${noHousingSample.issuer.id}"`,
    });
  });

  it('garbage, empty, over-long and non-string input fails with malformedQr', () => {
    for (const input of ['', 'hello', 'KP1..', 'KP1.e30.', 'KP1.!!!.abc', 'x'.repeat(5000)])
      expect(codeOf(verifyProofQr(input, KEYS))).toBe('malformedQr');
    for (const input of [undefined, null, 42, {}])
      expect(codeOf(verifyProofQr(input, KEYS))).toBe('malformedQr');
    expect(codeOf(verifyProofQr(`${signed.qr}.extra`, KEYS))).toBe('malformedQr');
    expect(codeOf(verifyProofQr(`${signed.qr}AAAA`, KEYS))).toBe('malformedQr');
    const noFields = qrWith({ v: 1 }, signature);
    expect(verifyProofQr(noFields, KEYS)).toMatchObject({ code: 'malformedQr', field: 'id' });
  });

  it('parseProofQr exposes header bytes and signature without verifying', () => {
    const parsed = parseProofQr(signed.qr);
    expect(parsed.ok && parsed.signature.length).toBe(64);
  });
});

describe('content tamper', () => {
  const sample = SAMPLE_CONTENTS[1]!; // taxPaid: nested rows, amounts
  const signed = signProof(sample, platform.privateKey, 'platform-2025');

  /** Every leaf path of a value, with a changed value of the same type. */
  function leaves(
    value: unknown,
    path: (string | number)[] = [],
  ): [(string | number)[], unknown][] {
    if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
    if (typeof value === 'object' && value !== null)
      return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
    return [[path, value]];
  }
  function changed(value: unknown): unknown {
    if (typeof value === 'boolean') return !value;
    if (typeof value === 'number') return value + 1;
    const text = String(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text.replace(/\d$/, (d) => String((+d + 1) % 10));
    if (/^\d{4}-\d{2}$/.test(text))
      return text.replace(/-\d{2}$/, (m) => (m === '-01' ? '-02' : '-01'));
    if (/^\d+\.\d{2}$/.test(text)) return text.replace(/\d$/, (d) => String((+d + 1) % 10));
    if (/^[a-z0-9-]+$/.test(text)) return `${text}x`;
    if (/^[A-Z0-9-]+$/.test(text)) return `${text}9`;
    return `${text}改`;
  }
  function setPath(root: unknown, path: (string | number)[], value: unknown): unknown {
    const copy = structuredClone(root) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = value;
    return copy;
  }
  const MIRRORED: Record<string, string> = {
    proofId: 'proofId',
    type: 'type',
    'issuer.id': 'issuer.id',
    'subject.name': 'subject.name',
    'subject.idNumber': 'subject.idNumber',
    issuedOn: 'issuedOn',
    validUntil: 'validUntil',
  };

  it.each(leaves(sample).map(([path, value]) => [path.join('.'), path, value] as const))(
    'a changed %s never verifies',
    (name, path, value) => {
      const tampered = { ...signed, content: setPath(sample, path, changed(value)) } as SignedProof;
      const result = verifyProof(tampered, KEYS);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      if (name === 'type' || name === 'version') expect(result.code).toBe('malformedContent');
      else if (MIRRORED[name]) expect(result).toMatchObject({ code: 'fieldMismatch', field: name });
      else expect(result.code).toBe('contentMismatch');
    },
  );

  it('a changed name is reported with both names masked', () => {
    const content = { ...sample, subject: { ...sample.subject, name: '李四' } };
    const result = verifyProof({ ...signed, content }, KEYS);
    expect(result).toMatchObject({
      code: 'fieldMismatch',
      field: 'subject.name',
      message: 'subject.name: QR says 王*, content says 李*',
    });
  });

  it('a changed ID number never shows the full number', () => {
    const content = { ...sample, subject: { ...sample.subject, idNumber: '110105194912310021' } };
    const result = verifyProof({ ...signed, content }, KEYS);
    expect(result).toMatchObject({ code: 'fieldMismatch', field: 'subject.idNumber' });
    if (!result.ok) {
      expect(result.message).not.toContain('110105194912310021');
      expect(result.message).not.toContain(sample.subject.idNumber);
    }
  });

  it('an ID number changed in its masked middle is caught by the digest', () => {
    const idNumber = sample.subject.idNumber.replace(/^(\d{6})\d/, '$19');
    const content = { ...sample, subject: { ...sample.subject, idNumber } };
    expect(verifyProof({ ...signed, content }, KEYS)).toMatchObject({ code: 'contentMismatch' });
  });

  it('non-objects and missing parts fail without throwing', () => {
    for (const input of [null, {}, { qr: signed.qr }, { content: sample }, 'text'])
      expect(verifyProof(input as unknown as SignedProof, KEYS).ok).toBe(false);
    expect(verifyProof({ qr: signed.qr } as SignedProof, KEYS)).toMatchObject({
      code: 'malformedContent',
    });
  });
});

describe('canonicalProofJson', () => {
  it('sorts keys at every level and leaves no whitespace', () => {
    const json = canonicalProofJson(noHousingSample);
    expect(json).not.toMatch(/\s(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(json.startsWith('{"facts":{"region":"佛山市","registeredHomes":0,')).toBe(true);
    expect(proofDigest(noHousingSample)).toHaveLength(32);
  });
  it('rejects values a proof cannot hold', () => {
    for (const bad of [1.5, null, undefined, Number.NaN, 2 ** 60, new Date(), () => 1])
      expect(() =>
        canonicalProofJson({ ...noHousingSample, facts: { x: bad } } as unknown as ProofContent),
      ).toThrow(CanonicalJsonError);
  });
});

describe('key helpers', () => {
  it('round-trips keys through PEM and raw base64url', () => {
    const pem = exportProofPrivateKeyPem(platform.privateKey);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const imported = importProofPrivateKeyPem(pem);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const signed = signProof(noHousingSample, imported.key, 'platform-2025');
    expect(verifyProof(signed, KEYS).ok).toBe(true);
    const raw = exportProofPublicKey(platform.privateKey);
    expect(raw).toBe(KEYS[0]!.publicKey);
    expect(exportProofPublicKey(importProofPublicKey(raw))).toBe(raw);
  });
  it('rejects bad key material with a typed result or a clear error', () => {
    expect(importProofPrivateKeyPem('not a key')).toMatchObject({ ok: false });
    expect(() => importProofPublicKey('short')).toThrow();
    const broken = [{ ...KEYS[0]!, publicKey: 'A'.repeat(43) }];
    const signed = signProof(noHousingSample, platform.privateKey, 'platform-2025');
    expect(codeOf(verifyProofQr(signed.qr, broken))).toMatch(/invalidKey|badSignature/);
  });
});
