// Issue 11, item 5. A page written one paragraph a line lost the Chinese of two English lines, and
// a Chinese-only closing line followed them: the closing line took the English after it, whose
// Chinese was also missing, because its place between matching pairs vouched for it although it
// shares none of eight dictionary words. Lines after a one-line paragraph of the other language
// are now paragraphs of their own, and a place between matches no longer outweighs strong silence.
// The article is original; the dictionary is the one the build makes (npm test builds first).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseArticle, parseLexicon } from '../../src/core/article/index.js';

const lexicon = parseLexicon(readFileSync(new URL('../../dist/lexicon.utf16le', import.meta.url)).toString('utf16le'));

const article = [
  '小编说：今天我们来读一篇关于城市骑行的短文，文中有不少实用的表达。',
  'More and more people in our city now ride bicycles to work. It is cheap, quiet and good for health.',
  '我们城市里越来越多的人现在骑自行车上班。这样既便宜、安静，又有益健康。',
  'New bike lanes were opened along the river last spring.',
  '去年春天，沿河开通了新的自行车道。',
  'Some drivers still complain that the lanes make the roads narrower. But most residents welcome them.',
  'A survey found that seven in ten residents support building more lanes.',
  '好了，今天的分享就到这里，我们下期再见！',
  'The city plans to add forty kilometres of lanes by next year.',
  '该市计划到明年再增加四十公里的车道。',
].join('\n');

describe('a line whose translation the page lacks', () => {
  it('stays unpaired, and an untranslated closing line never takes the English after it', () => {
    const analysis = analyseArticle(article, { lexicon });
    expect(analysis.pairs.map((p) => p.zh)).not.toContain('好了，今天的分享就到这里，我们下期再见！');
    expect(analysis.pairs.map((p) => [p.zh, p.en])).toContainEqual(['该市计划到明年再增加四十公里的车道。', 'The city plans to add forty kilometres of lanes by next year.']);
  });
});
