import { describe, expect, it } from 'vitest';
import { charWidth, textWidth, wrapText } from './text-width.js';

describe('column widths in Chinese mode', () => {
  it('counts ASCII as one column and everything else as two', () => {
    expect(textWidth('FS-0042')).toBe(7);
    expect(textWidth('受理编号：')).toBe(10);
    expect(textWidth('證件號碼 1101**********002X')).toBe(8 + 1 + 18);
    expect(charWidth('é')).toBe(2); // GB18030 prints it from the two-byte font
    expect(charWidth('𠮷')).toBe(2);
  });
});

describe('wrapText', () => {
  it('breaks English at spaces and keeps words whole', () => {
    expect(wrapText('Keep this receipt. Use the tracking number to check progress.', 20)).toEqual([
      'Keep this receipt.',
      'Use the tracking',
      'number to check',
      'progress.',
    ]);
  });

  it('breaks Chinese between any two characters, never before closing punctuation', () => {
    // 11 characters fit 22 columns; "，" would start line 2, so "执" goes down with it.
    expect(wrapText('请妥善保管本回执回执回执，凭受理编号', 22)).toEqual([
      '请妥善保管本回执回执回',
      '执，凭受理编号',
    ]);
  });

  it('never ends a line with an opening bracket', () => {
    expect(wrapText('扫描材料三份（共5页）', 14)).toEqual(['扫描材料三份', '（共5页）']);
  });

  it('splits a word longer than the line', () => {
    expect(wrapText('https://example.gov.cn/track?no=1', 12)).toEqual([
      'https://exam',
      'ple.gov.cn/t',
      'rack?no=1',
    ]);
  });

  it('indents continued lines and keeps them within the width', () => {
    expect(wrapText('Service: Hong Kong and Macao travel permit', 24, { indent: 9 })).toEqual([
      'Service: Hong Kong and',
      '         Macao travel',
      '         permit',
    ]);
  });

  it('keeps forced breaks and empty lines; drops what the printer would print as "?"', () => {
    expect(wrapText('a\n\nb', 10)).toEqual(['a', '', 'b']);
    expect(wrapText('', 10)).toEqual(['']);
    expect(wrapText('a\u0007b\u001bc\u0085d\ud800e\tf', 10)).toEqual(['abcde f']);
  });
});
