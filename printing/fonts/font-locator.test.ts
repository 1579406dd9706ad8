import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFont } from './font-cache.js';
import { locateProofFonts, matchFontconfig, type FontSource } from './font-locator.js';
import { loadProofFonts } from './proof-fonts.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fonts-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('locating the proof fonts', () => {
  it('finds Noto Sans CJK SC/TC (regular and bold) and WenQuanYi Zen Hei through fontconfig', async () => {
    const located = await locateProofFonts();
    expect(located.ok).toBe(true);
    if (!located.ok) return;
    expect(located.value.scRegular.postscriptName).toBe('NotoSansCJKsc-Regular');
    expect(located.value.scBold.postscriptName).toBe('NotoSansCJKsc-Bold');
    expect(located.value.tcRegular.postscriptName).toBe('NotoSansCJKtc-Regular');
    expect(located.value.tcBold.postscriptName).toBe('NotoSansCJKtc-Bold');
    expect(located.value.fallback?.postscriptName).toBe('WenQuanYiZenHei');
  });

  it('does not take fontconfig’s substitute for a family that is not installed', async () => {
    expect(
      await matchFontconfig({ pattern: 'No Such Font Family', family: 'No Such Font Family' }),
    ).toBeUndefined();
  });

  it('reports a missing required font as fontNotFound for configuration', async () => {
    const located = await locateProofFonts({}, async () => undefined);
    expect(located).toMatchObject({
      ok: false,
      error: { code: 'fontNotFound', action: 'configuration' },
    });
  });

  it('reports a configured file that does not exist, naming the role and file', async () => {
    const file = join(dir, 'missing.otf');
    const located = await locateProofFonts({ scRegular: { file, postscriptName: 'X' } });
    expect(located).toMatchObject({
      ok: false,
      error: {
        code: 'fontNotFound',
        action: 'configuration',
        message: expect.stringContaining(file),
      },
    });
  });

  it('falls back: bold → regular, TC → SC, no fallback face → none', async () => {
    const sc: FontSource = { file: '/fonts/sc.otf', postscriptName: 'SC-Regular' };
    const located = await locateProofFonts({}, async (query) =>
      query.pattern === 'Noto Sans CJK SC:style=Regular' ? sc : undefined,
    );
    expect(located).toEqual({
      ok: true,
      value: { scRegular: sc, scBold: sc, tcRegular: sc, tcBold: sc, fallback: undefined },
    });
  });
});

describe('loading fonts', () => {
  it('reports a face that is not in the file as fontNotFound, and a non-font as fontUnreadable', async () => {
    const noto = await locateProofFonts();
    if (!noto.ok) throw new Error(noto.error.message);
    const wrongFace = await loadFont({
      file: noto.value.scRegular.file,
      postscriptName: 'NotoSansCJKxx-Regular',
    });
    expect(wrongFace).toMatchObject({
      ok: false,
      error: { code: 'fontNotFound', action: 'configuration' },
    });

    const junk = join(dir, 'junk.ttf');
    await writeFile(junk, 'this is not a font');
    const unreadable = await loadFont({ file: junk, postscriptName: 'Junk' });
    expect(unreadable).toMatchObject({
      ok: false,
      error: { code: 'fontUnreadable', action: 'configuration' },
    });
  });

  it('parses each face once per process', async () => {
    const first = await loadProofFonts();
    const second = await loadProofFonts();
    if (!first.ok || !second.ok) throw new Error('fonts missing');
    expect(second.value).toBe(first.value);
    expect(second.value.sc.regular).toBe(first.value.sc.regular);
    expect(first.value.tc.regular).not.toBe(first.value.sc.regular);
  });
});
