import type { FlowItem } from './flow.js';
import type { SentencePart } from './labels/index.js';
import type { TextPainter, TextStyle } from './text-painter.js';

/**
 * Wraps running text. Chinese breaks between any two characters, Latin between words; data
 * values (names, ID numbers, dates) are never split unless wider than a whole line; closing
 * punctuation never starts a line and opening punctuation never ends one.
 */

const CLOSING = new Set('，。、；：？！）」』”’》〉…%),.;:!?]}');
const OPENING = new Set('（「『“‘《〈([{');

function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x2014 ||
    cp === 0x2713
  );
}

interface Token {
  text: string;
  space: boolean;
}

/** Splits sentence parts into unbreakable tokens (break opportunities between tokens). */
export function tokenize(parts: readonly SentencePart[]): Token[] {
  const tokens: Token[] = [];
  let glueNext = false;
  const push = (text: string, space = false) => {
    const last = tokens[tokens.length - 1];
    const first = text[0] ?? '';
    if (last && !space && !last.space && (glueNext || CLOSING.has(first))) {
      last.text += text;
    } else {
      tokens.push({ text, space });
    }
    glueNext = !space && OPENING.has(text[text.length - 1] ?? '');
  };
  for (const part of parts) {
    if (typeof part !== 'string') {
      push(part.text);
      continue;
    }
    let word = '';
    for (const char of part) {
      const cp = char.codePointAt(0) ?? 0;
      if (char === ' ') {
        if (word) push(word);
        word = '';
        push(' ', true);
      } else if (isWide(cp)) {
        if (word) push(word);
        word = '';
        push(char);
      } else {
        word += char;
      }
    }
    if (word) push(word);
  }
  return tokens;
}

/** Lines of at most `width` points (the first line `indent` narrower). */
export function wrap(
  painter: TextPainter,
  parts: readonly SentencePart[],
  size: number,
  width: number,
  indent = 0,
): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let max = width - indent;
  const spaceWidth = painter.width(' ', size);
  const endLine = () => {
    lines.push(line.trimEnd());
    line = '';
    lineWidth = 0;
    max = width;
  };
  for (const token of tokenize(parts)) {
    if (token.space) {
      if (line) {
        line += ' ';
        lineWidth += spaceWidth;
      }
      continue;
    }
    const w = painter.width(token.text, size);
    if (lineWidth + w <= max + 0.01) {
      line += token.text;
      lineWidth += w;
      continue;
    }
    if (line.trim()) endLine();
    else line = '';
    if (w <= max) {
      line = token.text;
      lineWidth = w;
      continue;
    }
    // Wider than a line: break it by character.
    for (const char of token.text) {
      const cw = painter.width(char, size);
      if (lineWidth + cw > max && line) endLine();
      line += char;
      lineWidth += cw;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Layout of a paragraph. */
export interface ParagraphStyle extends TextStyle {
  /** Baseline-to-baseline distance. */
  readonly leading: number;
  /** Column left edge. */
  readonly x: number;
  /** Column width. */
  readonly width: number;
  /** First-line indent. */
  readonly indent?: number;
  /** Space above the paragraph. */
  readonly spaceBefore?: number;
}

/** A wrapped paragraph as one flow item per line (so long paragraphs can break across pages). */
export function paragraphItems(
  painter: TextPainter,
  parts: readonly SentencePart[],
  style: ParagraphStyle,
): FlowItem[] {
  const lines = wrap(painter, parts, style.size, style.width, style.indent ?? 0);
  // Baseline sits where a CJK ideograph (em box −0.12…0.88) is centred in the line box.
  const baseline = style.leading / 2 + style.size * 0.38;
  return lines.map((text, i) => ({
    height: style.leading,
    spaceBefore: i === 0 ? style.spaceBefore : 0,
    draw: (y: number) => {
      painter.draw(text, style.x + (i === 0 ? (style.indent ?? 0) : 0), y + baseline, style);
    },
  }));
}
