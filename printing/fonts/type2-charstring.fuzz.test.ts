import fc from 'fast-check';
import type { PathCommand } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { encodeType2Charstring } from './type2-charstring.js';

// 100,000 cases per property (the device-layer bar); FUZZ_RUNS overrides for soak runs.
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);

/**
 * A minimal Type 2 interpreter for the operators the encoder emits (rmoveto, rlineto, rrcurveto,
 * endchar), independent of it: the absolute points it visits.
 */
function interpret(bytes: Uint8Array): { ops: string[]; points: [number, number][] } {
  const stack: number[] = [];
  const ops: string[] = [];
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  let i = 0;
  const visit = (dx: number, dy: number) => {
    x += dx;
    y += dy;
    points.push([x, y]);
  };
  while (i < bytes.length) {
    const b0 = bytes[i++] ?? 0;
    if (b0 >= 32 && b0 <= 246) stack.push(b0 - 139);
    else if (b0 >= 247 && b0 <= 250) stack.push((b0 - 247) * 256 + (bytes[i++] ?? 0) + 108);
    else if (b0 >= 251 && b0 <= 254) stack.push(-(b0 - 251) * 256 - (bytes[i++] ?? 0) - 108);
    else if (b0 === 28) {
      const v = ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
      i += 2;
      stack.push(v >= 0x8000 ? v - 0x10000 : v);
    } else {
      if (stack.length > 48) throw new Error('argument stack overflow');
      if (b0 === 21) {
        if (stack.length !== 2) throw new Error('rmoveto takes 2 arguments');
        ops.push('moveTo');
        visit(stack[0] ?? 0, stack[1] ?? 0);
      } else if (b0 === 5) {
        if (stack.length % 2 !== 0) throw new Error('rlineto takes pairs');
        for (let k = 0; k < stack.length; k += 2) {
          ops.push('lineTo');
          visit(stack[k] ?? 0, stack[k + 1] ?? 0);
        }
      } else if (b0 === 8) {
        if (stack.length % 6 !== 0) throw new Error('rrcurveto takes sextets');
        for (let k = 0; k < stack.length; k += 2) {
          if (k % 6 === 0) ops.push('bezierCurveTo');
          visit(stack[k] ?? 0, stack[k + 1] ?? 0);
        }
      } else if (b0 === 14) {
        if (i !== bytes.length) throw new Error('bytes after endchar');
        ops.push('endchar');
      } else {
        throw new Error(`unexpected operator ${b0}`);
      }
      stack.length = 0;
    }
  }
  return { ops, points };
}

const coordinate = fc.double({ min: -3000, max: 3000, noNaN: true });
const point = fc.tuple(coordinate, coordinate);
const command: fc.Arbitrary<PathCommand> = fc.oneof(
  point.map(([x, y]) => ({ command: 'moveTo' as const, args: [x, y] })),
  point.map(([x, y]) => ({ command: 'lineTo' as const, args: [x, y] })),
  fc.tuple(point, point, point).map((p) => ({ command: 'bezierCurveTo' as const, args: p.flat() })),
  fc.constant({ command: 'closePath' as const, args: [] }),
);
/** Outlines start with a moveTo, as every glyph outline does. */
const outline = fc
  .tuple(point, fc.array(command, { maxLength: 40 }))
  .map(([[x, y], rest]) => [{ command: 'moveTo' as const, args: [x, y] }, ...rest]);

describe('Type 2 charstring encoder', () => {
  it('visits exactly the outline points, rounded to font units, with no drift', () => {
    fc.assert(
      fc.property(outline, fc.constantFrom(1, 1000 / 2048), (commands, scale) => {
        const { ops, points } = interpret(encodeType2Charstring(commands, scale));
        const drawn = commands.filter((c) => c.command !== 'closePath');
        // Plain comparisons: expect() per case would dominate 100,000 runs.
        const sameOps = ops.join() === [...drawn.map((c) => c.command), 'endchar'].join();
        const expected = drawn.flatMap((c) => {
          const pairs: [number, number][] = [];
          for (let k = 0; k < c.args.length; k += 2) {
            pairs.push([
              Math.round((c.args[k] ?? 0) * scale) || 0,
              Math.round((c.args[k + 1] ?? 0) * scale) || 0,
            ]);
          }
          return pairs;
        });
        return (
          sameOps &&
          points.length === expected.length &&
          points.every(([x, y], i) => x === expected[i]?.[0] && y === expected[i]?.[1])
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('encodes an empty outline (a space) as endchar alone', () => {
    expect([...encodeType2Charstring([])]).toEqual([14]);
  });
});
