import * as fontkit from 'fontkit';
import { readFile } from 'node:fs/promises';
import { fail, ok, type PrintingResult } from './font-result.js';
import type { FontSource } from './font-locator.js';
import { PdfFont } from './pdf-font.js';

/**
 * Parsed fonts, once per process (per worker thread). Parsing a 20 MB Noto CJK collection takes
 * tens of milliseconds and its glyph and layout caches live on the parsed object, so every
 * document of the process shares one PdfFont per face. Files are read once even when several
 * faces come from the same .ttc.
 */

const files = new Map<string, Promise<Uint8Array>>();
const faces = new Map<string, Promise<PrintingResult<PdfFont, FontLoadFailure>>>();

/** Why a face could not be loaded. */
export type FontLoadFailure = 'fontNotFound' | 'fontUnreadable';

/** The parsed face, from the process cache (a failure is not cached: the file may be fixed). */
export function loadFont(source: FontSource): Promise<PrintingResult<PdfFont, FontLoadFailure>> {
  const key = `${source.file}#${source.postscriptName}`;
  let face = faces.get(key);
  if (!face) {
    face = parseFace(source);
    faces.set(key, face);
    void face.then((result) => {
      if (!result.ok) faces.delete(key);
    });
  }
  return face;
}

async function parseFace(source: FontSource): Promise<PrintingResult<PdfFont, FontLoadFailure>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFontFile(source.file);
  } catch {
    return fail('fontNotFound', 'configuration', `font file ${source.file} cannot be read`);
  }
  try {
    const parsed = fontkit.create(bytes, source.postscriptName);
    if (!parsed || !('layout' in parsed)) {
      return fail(
        'fontNotFound',
        'configuration',
        `font file ${source.file} has no face named ${source.postscriptName}`,
      );
    }
    return ok(new PdfFont(parsed));
  } catch {
    return fail('fontUnreadable', 'configuration', `font file ${source.file} is not a usable font`);
  }
}

function readFontFile(file: string): Promise<Uint8Array> {
  let bytes = files.get(file);
  if (!bytes) {
    bytes = readFile(file);
    files.set(file, bytes);
    bytes.catch(() => files.delete(file));
  }
  return bytes;
}
