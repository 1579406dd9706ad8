import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineSplitter, pageNumberFromName, parseProgressLine } from './scan-progress.js';

describe('batch progress (captured stderr of a 10-page ADF batch)', () => {
  const text = readFileSync(
    new URL('./fixtures/test-backend-batch-stderr.txt', import.meta.url),
    'utf8',
  );

  it('splits on \\r and \\n and finds pages, progress and the end', () => {
    const splitter = new LineSplitter();
    // Feed in small chunks, as a pipe delivers it.
    const lines = [
      ...text.match(/[\s\S]{1,7}/g)!.flatMap((c) => splitter.push(c)),
      ...splitter.end(),
    ];
    const events = lines.map(parseProgressLine).filter((e) => e !== undefined);
    expect(events.filter((e) => e.kind === 'pageStarted').map((e) => e.page)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(events.filter((e) => e.kind === 'pageEnded')).toHaveLength(10);
    expect(events.find((e) => e.kind === 'progress')).toEqual({ kind: 'progress', percent: 100 });
    expect(events.at(-1)).toEqual({ kind: 'batchEnded', pages: 10 });
  });

  it('parses single lines', () => {
    expect(parseProgressLine('Scanned page 4. (scanner status = 6)')).toEqual({
      kind: 'pageEnded',
      page: 4,
      saneStatus: 6,
    });
    expect(parseProgressLine('Batch terminated, 1 page scanned')).toEqual({
      kind: 'batchEnded',
      pages: 1,
    });
    expect(parseProgressLine('Progress: 47.1%')).toEqual({ kind: 'progress', percent: 47.1 });
    expect(parseProgressLine('scanimage: sane_read: Document feeder jammed')).toBeUndefined();
  });

  it('reads page numbers from batch file names', () => {
    expect(pageNumberFromName('page-7.png', 'page-', '.png')).toBe(7);
    expect(pageNumberFromName('page-7.png.part', 'page-', '.png')).toBeNaN();
    expect(pageNumberFromName('other.png', 'page-', '.png')).toBeNaN();
  });
});
