// A block of one sentence a line (a chapter laid out Chinese block, then English block) has a
// sentence that goes on in the next line: `But two old friends of the family—` / `the baker and the
// postman—came to help.` The first line is short, has no sentence end and follows a finished
// sentence, and the next line is twice as long, so it was taken for a heading: the English block
// split in two, the aligner matched paragraphs first and a literary chapter lost a third of its
// pairs (93.1 -> 70.2 merge F1 on a local chapter). Before a line of its own language a heading
// now needs a line of the other language before it, as pages written one paragraph a line have.
import { describe, expect, it } from 'vitest';
import { groupBlocks } from '../../src/core/article/block.js';
import { classifyLines } from '../../src/core/article/classify.js';
import { readLines } from '../../src/core/article/source-line.js';

const blocksOf = (lines: string[]) => groupBlocks(classifyLines(readLines(lines.join('\n'))));

describe('a sentence that goes on in the next line of a one-sentence-a-line block', () => {
  it('is no heading', () => {
    const blocks = blocksOf([
      '那年冬天雪下得很大。',
      '但家里的两位老朋友——面包师和邮递员——都来帮忙了。',
      '',
      'The snow was heavy that winter.',
      'But two old friends of the family—',
      'the baker and the postman, who lived at the end of our street—came to help.',
    ]);
    expect(blocks.map((b) => [b.lang, b.lines.length])).toEqual([
      ['zh', 2],
      ['en', 3],
    ]);
  });

  it('still is one between paragraphs written one a line, Chinese first', () => {
    const blocks = blocksOf([
      '那年冬天雪下得很大，路上几乎没有人。',
      'The snow was heavy that winter, and there was almost nobody on the road.',
      '02 邻居们',
      '面包师和邮递员都来帮忙了，他们带来了热汤和木柴。',
      'The baker and the postman came to help, bringing hot soup and firewood.',
    ]);
    expect(blocks.map((b) => [b.lang, b.heading])).toEqual([
      ['zh', false],
      ['en', false],
      ['zh', true],
      ['zh', false],
      ['en', false],
    ]);
  });
});
