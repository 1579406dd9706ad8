import type { Locale } from '../../contract/index.js';
import { loadFont, type FontLoadFailure } from './font-cache.js';
import { locateProofFonts, type FontSource, type ProofFontPaths } from './font-locator.js';
import { ok, type PrintingResult } from './font-result.js';
import type { PdfFont } from './pdf-font.js';

/** The regular and bold face of one script. */
export interface FontFamily {
  /** Body text. */
  readonly regular: PdfFont;
  /** Titles and labels. */
  readonly bold: PdfFont;
}

/** Every face a proof may need, parsed and ready for pdfkit. */
export interface ProofFonts {
  /** Simplified Chinese faces (zh-CN and en). */
  readonly sc: FontFamily;
  /** Traditional Chinese faces (zh-TW). */
  readonly tc: FontFamily;
  /** Face for characters the primary faces lack (WenQuanYi Zen Hei), if installed. */
  readonly fallback?: PdfFont;
}

/** The family a locale prints in. */
export function familyFor(fonts: ProofFonts, locale: Locale): FontFamily {
  return locale === 'zh-TW' ? fonts.tc : fonts.sc;
}

const loaded = new Map<string, Promise<PrintingResult<ProofFonts, FontLoadFailure>>>();

/** Locates and parses every proof face, once per process and configuration. */
export function loadProofFonts(
  paths: ProofFontPaths = {},
): Promise<PrintingResult<ProofFonts, FontLoadFailure>> {
  const key = JSON.stringify(paths);
  let fonts = loaded.get(key);
  if (!fonts) {
    fonts = locateAndParse(paths);
    loaded.set(key, fonts);
    void fonts.then((result) => {
      if (!result.ok) loaded.delete(key);
    });
  }
  return fonts;
}

async function locateAndParse(
  paths: ProofFontPaths,
): Promise<PrintingResult<ProofFonts, FontLoadFailure>> {
  const located = await locateProofFonts(paths);
  if (!located.ok) return located;
  const { scRegular, scBold, tcRegular, tcBold, fallback } = located.value;
  const sources: FontSource[] = [scRegular, scBold, tcRegular, tcBold];
  if (fallback) sources.push(fallback);
  const faces = await Promise.all(sources.map((source) => loadFont(source)));
  const values: PdfFont[] = [];
  for (const face of faces) {
    if (!face.ok) return face;
    values.push(face.value);
  }
  const [scR, scB, tcR, tcB, fb] = values as [PdfFont, PdfFont, PdfFont, PdfFont, PdfFont?];
  return ok({ sc: { regular: scR, bold: scB }, tc: { regular: tcR, bold: tcB }, fallback: fb });
}
