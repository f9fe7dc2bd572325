import { describe, expect, it } from 'vitest';
import { parsePinyinIndex } from '../../../src/core/text/pinyin.js';
// @ts-expect-error -- a plain ESM build script without types
import { commonReading, toneMarked } from '../../../scripts/build-pinyin.mjs';

/** A small index in the build's shape: words as CC-CEDICT reads them, characters alone. */
const index = parsePinyinIndex([
  '# index sorted as the build sorts it',
  ...[
    '二\tèr', '行\txíng', '行动\txíng dòng', '对\tduì', '对话\tduì huà', '轨\tguǐ', '话\thuà', '银\tyín', '银行\tyín háng',
    '他\ttā', '不\tbù', '了\tle', '解\tjiě', '了解\tliǎo jiě', '不了\tbù liǎo', '慢\tmàn', '慢慢\tmàn màn', '地\tdì', '走\tzǒu',
    '这\tzhè', '块\tkuài', '我\twǒ', '得\tdé', '跑\tpǎo', '快\tkuài', '小\txiǎo', '孩\thái', '儿\tér', '小孩\txiǎo hái',
    '玩\twán', '玩儿\twán r', '女\tnǚ', '女儿\tnǚ ér', '在\tzài', '说\tshuō', '来\tlái', '还\thái', '书\tshū', '选\txuǎn', '为\twèi',
  ].sort(),
].join('\n'));

describe('pinyin from the index', () => {
  it('reads words before characters', () => {
    expect(index('二轨对话')).toBe('èr guǐ duì huà');
    expect(index('银行')).toBe('yín háng');
    expect(index('行动')).toBe('xíng dòng');
    expect(index('行')).toBe('xíng');
  });

  it('takes the backward reading when forward leaves a word cut in two', () => {
    // Forward: 他/不了/解; backward: 他/不/了解.
    expect(index('他不了解')).toBe('tā bù liǎo jiě');
  });

  it('reads the particles by the words around them', () => {
    expect(index('他慢慢地走')).toBe('tā màn màn de zǒu');
    expect(index('这块地')).toBe('zhè kuài dì');
    expect(index('我得走')).toBe('wǒ děi zǒu');
    expect(index('他跑得快')).toBe('tā pǎo de kuài');
    expect(index('他还了书')).toBe('tā huán le shū');
    expect(index('他还在')).toBe('tā hái zài');
    expect(index('他选为')).toBe('tā xuǎn wéi');
  });

  it('attaches 儿化 to the syllable before, and leaves 儿 alone where it is a word of its own', () => {
    expect(index('玩儿')).toBe('wánr');
    expect(index('小孩儿在玩儿')).toBe('xiǎo háir zài wánr');
    expect(index('女儿')).toBe('nǚ ér');
    expect(index('儿')).toBe('ér');
  });

  it('writes punctuation as ASCII, spaced as English is', () => {
    expect(index('他来了，我走了。')).toBe('tā lái le, wǒ zǒu le.');
    expect(index('「对话」、《银行》')).toBe('"duì huà", "yín háng"');
    expect(index('他说：“走！”')).toBe('tā shuō: "zǒu!"');
    expect(index('（银行）对话……对话？')).toBe('(yín háng) duì huà... duì huà?');
    expect(index('他——我——来')).toBe('tā - wǒ - lái');
    expect(index('他说"走"了')).toBe('tā shuō "zǒu" le');
  });

  it('keeps Latin words and numbers as written, and gives up on unknown characters', () => {
    expect(index('AI对话')).toBe('AI duì huà');
    expect(index('对话3.5, U.S.银行')).toBe('duì huà 3.5, U.S. yín háng');
    expect(index('对话１２３ＡＢ')).toBe('duì huà 123AB');
    expect(index('对话龘')).toBeUndefined();
  });

  it('marks tones where pinyin puts them', () => {
    expect(['hao3', 'lu:4', 'gou3', 'gui4', 'liu2', 'de5', 'r5', 'xue2'].map(toneMarked)).toEqual(['hǎo', 'lǜ', 'gǒu', 'guì', 'liú', 'de', 'r', 'xué']);
  });
});

describe('the reading the build keeps for a word CC-CEDICT reads two ways', () => {
  it('keeps the one pinyin-pro agrees with, then the one with more senses, then the neutral one', () => {
    expect(commonReading('便宜', [{ reading: 'bian4 yi2', senses: 1 }, { reading: 'pian2 yi5', senses: 3 }])).toBe('pian2 yi5');
    expect(commonReading('土地', [{ reading: 'tu3 di4', senses: 3 }, { reading: 'tu3 di5', senses: 2 }])).toBe('tu3 di4');
    expect(commonReading('故事', [{ reading: 'gu4 shi4', senses: 1 }, { reading: 'gu4 shi5', senses: 1 }])).toBe('gu4 shi5');
    expect(commonReading('不了', [{ reading: 'bu4 le5', senses: 1 }, { reading: 'bu4 liao3', senses: 1 }])).toBe('bu4 liao3');
  });
});
