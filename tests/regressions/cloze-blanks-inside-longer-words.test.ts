// A cloze card blanked its Chinese term wherever the characters stood, inside other words too:
// 小时 in 小时候 ("____候我每天走一个____。"), 会 in 会议. Found by a review of issue 15.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

// Written for this test.
const ARTICLE = [
  '| 中文 | english |', '|---|---|',
  '| 小时候我每天走一个小时去上学。 | As a child I walked an hour to school every day. |',
  '| 他明天会来。 | He will come tomorrow. |',
  '', '*会(will)', '*小时(hour)', '',
].join('\n');

describe('a cloze card blanks its term only where it is a word', () => {
  it('gives no cloze where the term is also part of a longer word, and blanks a word of its own', async () => {
    const file = join(tempHome(), 'walk.txt');
    writeFileSync(file, ARTICLE);
    const result = await parleyIn(['import', file, '--suggest', '0', '--dry-run', '--json'], { home: tempHome() });
    expect(result.code, result.stderr).toBe(0);
    const vocab = JSON.parse(result.stdout).vocab as { term: string; cloze?: { term: string; text: string } }[];
    expect(Object.fromEntries(vocab.map((v) => [v.term, v.cloze]))).toEqual({
      会: { term: '会', text: '他明天____来。' },
      小时: undefined,
    });
  });
});
