import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { fail, ok, type PrintingResult } from './font-result.js';

/**
 * Where the proof fonts are: a configured path per role wins; otherwise fontconfig is asked
 * (`fc-match`), and its answer is accepted only when it is the family that was asked for —
 * fc-match always answers something, usually DejaVu, which has no CJK glyphs.
 */

/** The faces a proof uses. SC serves zh-CN and en (Latin comes from the CJK font), TC zh-TW. */
export const FONT_ROLES = ['scRegular', 'scBold', 'tcRegular', 'tcBold', 'fallback'] as const;
/** One face a proof uses. */
export type FontRole = (typeof FONT_ROLES)[number];

/** A font file and the face in it (a .ttc holds several). */
export interface FontSource {
  /** Absolute path of the .otf/.ttf/.ttc file. */
  readonly file: string;
  /** PostScript name of the face, e.g. "NotoSansCJKsc-Regular". */
  readonly postscriptName: string;
}

/** Configured font files per role; roles left out are found through fontconfig. */
export type ProofFontPaths = Partial<Record<FontRole, FontSource>>;

/** The located face per role; a missing optional role has been replaced as described below. */
export type LocatedFonts = Record<FontRole, FontSource | undefined> & {
  readonly scRegular: FontSource;
  readonly scBold: FontSource;
  readonly tcRegular: FontSource;
  readonly tcBold: FontSource;
};

interface FontconfigQuery {
  readonly pattern: string;
  readonly family: string;
}

const QUERIES: Record<FontRole, FontconfigQuery> = {
  scRegular: { pattern: 'Noto Sans CJK SC:style=Regular', family: 'Noto Sans CJK SC' },
  scBold: { pattern: 'Noto Sans CJK SC:style=Bold', family: 'Noto Sans CJK SC' },
  tcRegular: { pattern: 'Noto Sans CJK TC:style=Regular', family: 'Noto Sans CJK TC' },
  tcBold: { pattern: 'Noto Sans CJK TC:style=Bold', family: 'Noto Sans CJK TC' },
  fallback: { pattern: 'WenQuanYi Zen Hei', family: 'WenQuanYi Zen Hei' },
};

/** Asks fontconfig for one family; undefined when fontconfig is missing or has another family. */
export function matchFontconfig(query: FontconfigQuery): Promise<FontSource | undefined> {
  return new Promise((resolve) => {
    execFile(
      'fc-match',
      ['-f', '%{file}|%{postscriptname}|%{family}', query.pattern],
      { timeout: 5000 },
      (error, stdout) => {
        if (error) return resolve(undefined);
        const [file, postscriptName, families] = stdout.split('|');
        const wanted = query.family.toLowerCase();
        const matches = (families ?? '').split(',').some((f) => f.trim().toLowerCase() === wanted);
        resolve(file && postscriptName && matches ? { file, postscriptName } : undefined);
      },
    );
  });
}

async function readable(source: FontSource): Promise<boolean> {
  try {
    await access(source.file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds every face. A configured path must exist. The SC regular face is required; a missing bold
 * face falls back to the regular one of its script, a missing TC face to the SC one (it has the
 * traditional characters too, in mainland shapes), and a missing fallback face means rare
 * characters fail as missingGlyphs at render time.
 */
export async function locateProofFonts(
  paths: ProofFontPaths = {},
  match: (query: FontconfigQuery) => Promise<FontSource | undefined> = matchFontconfig,
): Promise<PrintingResult<LocatedFonts, 'fontNotFound'>> {
  const found: Partial<Record<FontRole, FontSource>> = {};
  for (const role of FONT_ROLES) {
    const configured = paths[role];
    if (configured) {
      if (!(await readable(configured))) {
        return fail(
          'fontNotFound',
          'configuration',
          `configured ${role} font file ${configured.file} cannot be read`,
        );
      }
      found[role] = configured;
    }
  }
  const missing = FONT_ROLES.filter((role) => !found[role]);
  const matched = await Promise.all(missing.map((role) => match(QUERIES[role])));
  missing.forEach((role, i) => {
    const source = matched[i];
    if (source) found[role] = source;
  });

  const scRegular = found.scRegular;
  if (!scRegular) {
    return fail(
      'fontNotFound',
      'configuration',
      `no ${QUERIES.scRegular.family} font: install fonts-noto-cjk or configure fontPaths.scRegular`,
    );
  }
  const tcRegular = found.tcRegular ?? scRegular;
  return ok({
    scRegular,
    scBold: found.scBold ?? scRegular,
    tcRegular,
    tcBold: found.tcBold ?? (found.tcRegular ? tcRegular : (found.scBold ?? scRegular)),
    fallback: found.fallback,
  });
}
