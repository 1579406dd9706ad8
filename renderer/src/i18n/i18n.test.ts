import { describe, expect, it } from 'vitest';
import { LANGUAGES, messages, translator } from './index.js';

/** Every leaf of a messages tree as [dotted key, value]. */
function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (text: unknown) =>
  String(text)
    .match(/{{\w+}}|<\/?\w+>/g)
    ?.sort() ?? [];

const reference = new Map(leaves(messages['zh-CN']));

describe.each(LANGUAGES)('messages of %s', (language) => {
  const own = new Map(leaves(messages[language]));

  it('have exactly the keys of zh-CN', () => {
    expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it('are non-empty strings with the same placeholders as zh-CN', () => {
    for (const [key, value] of own) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
      expect(placeholders(value), key).toEqual(placeholders(reference.get(key)));
    }
  });
});

describe('translations', () => {
  it('are real translations, not copies', () => {
    const title = (l: (typeof LANGUAGES)[number]) => translator(l)('app.title');
    expect(title('zh-CN')).toBe('市民之窗 自助服务');
    expect(title('zh-TW')).toBe('市民之窗 自助服務');
    expect(title('en')).not.toMatch(/[\u4e00-\u9fff]/);
    const zhTW = new Map(leaves(messages['zh-TW']));
    const same = [...reference].filter(
      ([k, v]) => zhTW.get(k) === v && /[\u4e00-\u9fff]/.test(String(v)),
    );
    // Only a few phrases are written the same in both scripts.
    expect(same.length).toBeLessThan(reference.size / 5);
  });
});
