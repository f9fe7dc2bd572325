// Import's vocabulary pinyin and the review screen's pinyin line come from one reader: the term a
// vocabulary note was given reads the same on the screen, inside its sentence.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lazyPinyin } from '../../src/commands/artifacts.js';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

const ARTICLE = `小孩儿在公园里玩儿。他慢慢地走回家了。

The child is playing in the park. He walked home slowly.

*小孩儿(child,年纪小的孩子)
*慢慢地走(to walk slowly)
`;

it('gives a vocabulary term the reading the review screen shows for it in its sentence', async () => {
  const home = join(tempHome(), 'home');
  const file = join(home, '..', 'playing.txt');
  writeFileSync(file, ARTICLE);
  const imported = await parleyIn(['import', file, '--dry-run', '--json'], { home });
  expect(imported.code).toBe(0);
  const terms = JSON.parse(imported.stdout).vocab.map((v: { term: string; pinyin: string }) => [v.term, v.pinyin]);
  // The readings the two paths used to disagree on (xiǎo hái ér, dì).
  expect(terms).toEqual([['小孩儿', 'xiǎo háir'], ['慢慢地走', 'màn màn de zǒu']]);
  const reader = lazyPinyin(new URL('../../dist/', import.meta.url));
  for (const [term, pinyin] of terms) expect(reader(term)).toBe(pinyin);

  expect((await parleyIn(['import', file], { home })).code).toBe(0);
  // Pinyin on (p), then every card revealed and passed; zh-en so each Chinese prompt gets its line.
  const input = `p${' 3'.repeat(6)}q`;
  const review = await parleyIn(['review', '--direction', 'zh-en', '--new', '10'], { home, env: { PARLEY_NOW: '2026-11-30T09:00:00.000Z' }, terminal: { isTTY: true, input } });
  expect(review.code).toBe(0);
  expect(review.stdout).toContain('xiǎo háir zài gōng yuán lǐ wánr.');
  expect(review.stdout).toContain('tā màn màn de zǒu huí jiā le.');
});
