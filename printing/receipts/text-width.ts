/**
 * Column arithmetic of a receipt printer in Chinese (GB18030) mode: an ASCII character takes one
 * column of font A, every other character (hanzi, full-width punctuation, even "é") is printed
 * from the two-byte font and takes two. Pure.
 */

/** Columns one character takes. */
export function charWidth(char: string): number {
  return (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

/** Columns a single-line text takes. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

// Never at the start of a line (closing punctuation), never at the end (opening brackets).
const NO_LINE_START = new Set(Array.from('，。、；：！？）」』》〉】,.;:!?)]}%'));
const NO_LINE_END = new Set(Array.from('（「『《〈【([{'));

/** ASCII words stay whole (unless longer than a line); every other character is its own token. */
function tokens(paragraph: string): string[] {
  return paragraph.match(/[!-~]+| +|[^ -~]/gu) ?? [];
}

/** Whether the printer prints a character as text (not a control, not half a surrogate pair). */
function isPrintable(cp: number): boolean {
  return cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f) && !(cp >= 0xd800 && cp <= 0xdfff);
}

/** The text without what the printer would print as '?': tabs become spaces, "\n" stays. */
function printable(text: string): string {
  return Array.from(text.replace(/\t/g, ' '))
    .filter((ch) => ch === '\n' || isPrintable(ch.codePointAt(0) ?? 0))
    .join('');
}

/** Options of wrapText. */
export interface WrapOptions {
  /** Spaces before every line but the first (a hanging indent); default 0. */
  readonly indent?: number;
}

/**
 * Breaks text into lines of at most `columns` columns: at spaces between ASCII words, between any
 * two other characters, never before closing or after opening punctuation when it can be
 * avoided, and inside a word only when the word is longer than a line. "\n" forces a break;
 * spaces at the ends of lines and control characters are dropped.
 */
export function wrapText(text: string, columns: number, options: WrapOptions = {}): string[] {
  const indent = Math.max(0, Math.min(options.indent ?? 0, columns - 2));
  return printable(text)
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, columns, indent));
}

function wrapParagraph(paragraph: string, columns: number, indent: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  const room = (): number => (lines.length === 0 ? columns : columns - indent);
  const add = (token: string): void => {
    line.push(token);
    width += textWidth(token);
  };
  const flush = (): void => {
    while (line[line.length - 1]?.startsWith(' ') === true) line.pop();
    lines.push((lines.length === 0 ? '' : ' '.repeat(indent)) + line.join(''));
    line = [];
    width = 0;
  };
  for (const token of tokens(paragraph)) {
    const w = textWidth(token);
    if (token.startsWith(' ')) {
      if (line.length > 0) add(token);
    } else if (width + w <= room()) add(token);
    else {
      const carried = carryOver(line, token);
      if (textWidth(carried.join('')) + w > columns - indent) line.push(...carried.splice(0));
      if (line.length > 0) flush();
      carried.forEach(add);
      if (width + w <= room()) add(token);
      else
        for (const char of token) {
          if (width + charWidth(char) > room()) flush();
          add(char);
        }
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/**
 * Tokens taken from the end of a full line to start the next one, so that `next` does not start
 * a line (closing punctuation) and the line does not end with an opening bracket.
 */
function carryOver(line: string[], next: string): string[] {
  const carried: string[] = [];
  const last = (): string => line[line.length - 1] ?? '';
  while (line.length > 1 && NO_LINE_END.has(last())) carried.unshift(line.pop() ?? '');
  const startsClosed = NO_LINE_START.has(Array.from(next)[0] ?? '');
  if (carried.length === 0 && startsClosed && line.length > 1 && !last().startsWith(' '))
    carried.unshift(line.pop() ?? '');
  return carried;
}
