import { describe, expect, it } from 'vitest';
import { parsePinyinIndex } from '../../../src/core/text/pinyin.js';
// @ts-expect-error -- a plain ESM build script without types
import { toneMarked } from '../../../scripts/build-pinyin.mjs';

const index = parsePinyinIndex([
  '# index sorted as the build sorts it',
  ...['二\tèr', '行\txíng', '行动\txíng dòng', '对\tduì', '对话\tduì huà', '轨\tguǐ', '话\thuà', '银\tyín', '银行\tyín háng'].sort(),
].join('\n'));

describe('pinyin from the index', () => {
  it('reads words before characters', () => {
    expect(index('二轨对话')).toBe('èr guǐ duì huà');
    expect(index('银行')).toBe('yín háng');
    expect(index('行动')).toBe('xíng dòng');
    expect(index('行')).toBe('xíng');
  });

  it('keeps Latin parts and gives up on unknown characters', () => {
    expect(index('AI对话')).toBe('AI duì huà');
    expect(index('对话龘')).toBeUndefined();
  });

  it('marks tones where pinyin puts them', () => {
    expect(['hao3', 'lu:4', 'gou3', 'gui4', 'liu2', 'de5', 'r5', 'xue2'].map(toneMarked)).toEqual(['hǎo', 'lǜ', 'gǒu', 'guì', 'liú', 'de', 'r', 'xué']);
  });
});
