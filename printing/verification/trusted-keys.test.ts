import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testSigner } from './fixtures.js';
import { loadTrustedKeys, parseTrustedKeys } from './trusted-keys.js';

const [record] = testSigner('k1').keys;
const other = testSigner('k2').keys[0]!;

describe('trusted keys', () => {
  it('accepts an array, { keys: [...] } and a single record', () => {
    for (const json of [[record, other], { keys: [record, other] }])
      expect(parseTrustedKeys(json, 'test')).toMatchObject({ ok: true, keys: [record, other] });
    expect(parseTrustedKeys(record, 'test')).toMatchObject({ ok: true, keys: [record] });
  });

  it('rejects empty lists, bad fields, duplicate ids and keys that are not Ed25519 points', () => {
    const cases: [unknown, RegExp][] = [
      [[], /empty/],
      ['keys', /expected a JSON array/],
      [[{ ...record, alg: 'RS256' }], /key 1 has a missing or invalid "alg"/],
      [[{ ...record, extra: 1 }], /key 1 has a missing or invalid/],
      [[record, record], /"k1" appears twice/],
    ];
    for (const [json, message] of cases) {
      const result = parseTrustedKeys(json, 'test');
      expect(result).toMatchObject({ ok: false, code: 'badKeys', action: 'configuration' });
      if (!result.ok) expect(result.message).toMatch(message);
    }
  });

  it('prefers --keys over --platform over the environment, which may be JSON or a path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trusted-keys-'));
    try {
      const file = join(dir, 'keys.json');
      await writeFile(file, JSON.stringify([record]));
      const unusedFetch = (() => Promise.reject(new Error('no network'))) as typeof fetch;
      expect(
        await loadTrustedKeys({ keysFile: file, platformUrl: 'http://x', env: '[]' }, unusedFetch),
      ).toMatchObject({ ok: true, source: '--keys' });
      expect(await loadTrustedKeys({ env: file })).toMatchObject({ ok: true, keys: [record] });
      expect(await loadTrustedKeys({ env: JSON.stringify({ keys: [other] }) })).toMatchObject({
        ok: true,
        keys: [other],
      });
      expect(await loadTrustedKeys({ keysFile: join(dir, 'missing.json') })).toMatchObject({
        code: 'badKeys',
      });
      expect(await loadTrustedKeys({ env: '  ' })).toMatchObject({ ok: false, code: 'noKeys' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('validates the platform answer', async () => {
    const answer = (status: number, body: unknown) =>
      (() => Promise.resolve(new Response(JSON.stringify(body), { status }))) as typeof fetch;
    expect(
      await loadTrustedKeys({ platformUrl: 'http://p/base' }, answer(200, { keys: [record] })),
    ).toMatchObject({ ok: true, source: 'http://p/base/v1/proof-keys' });
    expect(await loadTrustedKeys({ platformUrl: 'http://p' }, answer(200, [record]))).toMatchObject(
      { code: 'badKeys' },
    );
    expect(await loadTrustedKeys({ platformUrl: 'http://p' }, answer(500, {}))).toMatchObject({
      code: 'platformUnreachable',
      message: 'http://p/v1/proof-keys: HTTP 500',
    });
    expect(await loadTrustedKeys({ platformUrl: 'not a url' })).toMatchObject({ code: 'badKeys' });
  });
});
