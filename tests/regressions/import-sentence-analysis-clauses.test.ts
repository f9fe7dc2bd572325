// A reading post that breaks each sentence into its clauses under 句子结构分析 gave a card per clause
// (`主句：*the town council has approved a plan …*` with `（市议会已经批准了……）`), each repeating part
// of a sentence already on a card, in a second, looser translation: five wrong cards of ten on a real
// page kept outside the repository. Fix: setAsideQuotedParts (src/core/article/quoted-parts.ts) —
// a pair neither side of which is a whole sentence, and one side of which repeats part of another
// pair's side word for word, is a note and goes to `skipped`.
import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/core/article/index.js';
import { loadLexicon } from '../../src/commands/artifacts.js';

// The CLI's own dictionary (npm test builds it): with it the clauses share words enough to pair.
const lexicon = loadLexicon(new URL('../../dist/', import.meta.url))!;

const ARTICLE = [
  'After months of debate over the cost, the town council has approved a plan to build a new library near the river, officials said.',
  '',
  '官员表示，经过几个月关于费用的争论，市议会已经批准了在河边建一座新图书馆的计划。',
  '',
  '**句子结构分析**',
  '',
  '* **状语**（说明时间）：*After months of debate over the cost,*',
  '  （经过数月有关费用的讨论）',
  '',
  '* **主句**：*the town council has approved a plan to build a new library near the river*',
  '  （市议会批准了一项在河边修建新图书馆的计划）',
  '',
  'The library will open in the spring of next year.',
  '',
  '图书馆将在明年春天开放。',
].join('\n');

describe('clauses quoted in a sentence analysis', () => {
  it('are notes, not cards', () => {
    const analysis = analyseArticle(ARTICLE, { lexicon });
    expect(analysis.pairs.map((p) => p.en)).toEqual([
      'After months of debate over the cost, the town council has approved a plan to build a new library near the river, officials said.',
      'The library will open in the spring of next year.',
    ]);
    expect(analysis.skipped.filter((s) => s.reason.startsWith('quotes part of the sentence on line 3'))).toHaveLength(2);
  });
});
