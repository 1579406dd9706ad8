import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type ProofContent } from '../../contract/index.js';
import {
  familyFor,
  formatCodePoint,
  loadProofFonts,
  missingCodePoints,
  type ProofFonts,
} from '../fonts/index.js';
import { printedStrings } from './printed-strings.js';
import { SAMPLE_PROOFS, SAMPLE_RARE_NAME } from './sample-proofs.js';

/*
 * pdfkit prints a character its font lacks as a blank. These tests catch a label or sample value
 * the installed faces cannot draw before a citizen gets a proof with a hole in it.
 */

let fonts: ProofFonts;
beforeAll(async () => {
  const loaded = await loadProofFonts();
  if (!loaded.ok) throw new Error(loaded.error.message);
  fonts = loaded.value;
});

const missingIn = (strings: readonly string[], face: Parameters<typeof missingCodePoints>[1]) =>
  [...new Set(strings.flatMap((s) => missingCodePoints(s, face)))].map(formatCodePoint);

describe('glyph coverage of every locale × template', () => {
  for (const locale of LOCALES) {
    for (const [type, proof] of Object.entries(SAMPLE_PROOFS)) {
      it(`${locale} ${type}: every label and sample value has a glyph in the regular and bold face`, () => {
        const family = familyFor(fonts, locale);
        const strings = printedStrings(proof.content, locale);
        expect(strings.labels.length).toBeGreaterThan(15);
        for (const face of [family.regular, family.bold]) {
          expect(missingIn(strings.labels, face)).toEqual([]);
          expect(missingIn(strings.data, face)).toEqual([]);
        }
        expect(missingIn(strings.seal, fonts.sc.bold)).toEqual([]);
      });
    }
  }

  it('the rare-name sample needs the fallback face, which has the character', () => {
    const content: ProofContent = SAMPLE_RARE_NAME.content;
    for (const locale of LOCALES) {
      const family = familyFor(fonts, locale);
      expect(missingIn([content.subject.name], family.regular)).toEqual(['U+2F8E2']);
    }
    expect(fonts.fallback).toBeDefined();
    if (fonts.fallback) expect(missingIn([content.subject.name], fonts.fallback)).toEqual([]);
  });
});
