import type { PathCommand } from 'fontkit';

/**
 * Encodes a glyph outline as a Type 2 charstring without subroutines or hints (CFF spec, Adobe
 * TN 5177). Embedding outlines this way is what keeps a Noto CJK subset small: the font's own
 * charstrings call into ~45,000 shared subroutines, and a subset that keeps their index (as
 * fontkit's does) costs ~100 KB and ~35 ms per document.
 */

const OP_RLINETO = 5;
const OP_RRCURVETO = 8;
const OP_ENDCHAR = 14;
const OP_RMOVETO = 21;
// The Type 2 argument stack holds 48 operands; stay well inside it.
const MAX_ARGS = 48;

/** Appends one Type 2 charstring number (integers; outlines are rounded to font units). */
function pushNumber(out: number[], value: number): void {
  const v = Math.round(value);
  if (v >= -107 && v <= 107) {
    out.push(v + 139);
  } else if (v >= 108 && v <= 1131) {
    const w = v - 108;
    out.push((w >> 8) + 247, w & 0xff);
  } else if (v >= -1131 && v <= -108) {
    const w = -v - 108;
    out.push((w >> 8) + 251, w & 0xff);
  } else {
    // shortint: 28, then a big-endian int16 (glyph coordinates fit easily).
    const w = Math.max(-32768, Math.min(32767, v)) & 0xffff;
    out.push(28, w >> 8, w & 0xff);
  }
}

/** Converts an outline (font units, y up) into a Type 2 charstring, scaled by `scale`. */
export function encodeType2Charstring(commands: readonly PathCommand[], scale = 1): Uint8Array {
  const out: number[] = [];
  // Current point, already rounded, so relative moves never accumulate rounding drift.
  let cx = 0;
  let cy = 0;
  let pendingOp = -1;
  let pendingArgs: number[] = [];

  const flush = () => {
    if (pendingOp < 0) return;
    for (const arg of pendingArgs) pushNumber(out, arg);
    out.push(pendingOp);
    pendingOp = -1;
    pendingArgs = [];
  };
  // Relative deltas to absolute point (x, y) from the current point, rounded.
  const delta = (x: number, y: number): [number, number] => {
    const rx = Math.round(x * scale);
    const ry = Math.round(y * scale);
    const d: [number, number] = [rx - cx, ry - cy];
    cx = rx;
    cy = ry;
    return d;
  };
  const emit = (op: number, args: number[]) => {
    if (pendingOp !== op || pendingArgs.length + args.length > MAX_ARGS) flush();
    pendingOp = op;
    pendingArgs.push(...args);
  };

  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo': {
        flush();
        pushNumbers(out, delta(args[0] ?? 0, args[1] ?? 0));
        out.push(OP_RMOVETO);
        break;
      }
      case 'lineTo':
        emit(OP_RLINETO, delta(args[0] ?? 0, args[1] ?? 0));
        break;
      case 'bezierCurveTo':
        emit(OP_RRCURVETO, [
          ...delta(args[0] ?? 0, args[1] ?? 0),
          ...delta(args[2] ?? 0, args[3] ?? 0),
          ...delta(args[4] ?? 0, args[5] ?? 0),
        ]);
        break;
      case 'quadraticCurveTo': {
        // Exact cubic form of a quadratic Bézier.
        const x0 = cx / scale;
        const y0 = cy / scale;
        const [qx, qy, x, y] = [args[0] ?? 0, args[1] ?? 0, args[2] ?? 0, args[3] ?? 0];
        emit(OP_RRCURVETO, [
          ...delta(x0 + ((qx - x0) * 2) / 3, y0 + ((qy - y0) * 2) / 3),
          ...delta(x + ((qx - x) * 2) / 3, y + ((qy - y) * 2) / 3),
          ...delta(x, y),
        ]);
        break;
      }
      case 'closePath':
        // Type 2 closes every subpath implicitly at the next moveto or endchar.
        break;
    }
  }
  flush();
  out.push(OP_ENDCHAR);
  return Uint8Array.from(out);
}

function pushNumbers(out: number[], values: readonly number[]): void {
  for (const value of values) pushNumber(out, value);
}
