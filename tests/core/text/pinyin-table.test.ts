import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePinyinIndex } from '../../../src/core/text/pinyin.js';
import { PINYIN_CASES } from './pinyin-cases.js';

const indexFile = new URL('../../../dist/pinyin.utf16le', import.meta.url);

describe.skipIf(!existsSync(indexFile))('pinyin over the hard cases', () => {
  const toPinyin = parsePinyinIndex(readFileSync(indexFile).toString('utf16le'));

  it('reads at least 95 % of them exactly', () => {
    const misses = PINYIN_CASES.map(([zh, want]) => ({ zh, want, got: toPinyin(zh) })).filter((c) => c.got !== c.want);
    const accuracy = 1 - misses.length / PINYIN_CASES.length;
    console.log(`pinyin: ${PINYIN_CASES.length - misses.length}/${PINYIN_CASES.length} exact (${(accuracy * 100).toFixed(1)} %)`);
    for (const m of misses) console.log(`  ${m.zh}\n    want ${m.want}\n    got  ${m.got}`);
    expect(PINYIN_CASES.length).toBeGreaterThanOrEqual(60);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
