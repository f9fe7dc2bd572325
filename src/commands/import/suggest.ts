import type { VocabItem } from '../../core/article/index.js';
import type { Learning } from '../../core/settings.js';
import { suggestVocab } from '../../core/vocab/suggest.js';
import type { ReadArticle } from './index.js';
import type { WordIndexes } from './word-indexes.js';

export interface SuggestOptions {
  /** Up to how many words to suggest for an article that marks this many vocabulary notes; 0 suggests nothing. */
  count: (marked: number) => number;
  /** Words the learner knows: never suggested. */
  known: ReadonlySet<string>;
  learning: Learning;
}

/**
 * The articles with their own vocabulary marked `source: "article"` and up to `count` suggested words
 * each after it (`source: "suggested"`). A word the article marks, or an earlier article of the
 * same import suggested, is not suggested again. The indexes load only when there is something to suggest.
 */
export function withSuggestions(articles: readonly ReadArticle[], options: SuggestOptions, indexes: () => WordIndexes): ReadArticle[] {
  const marked = articles.flatMap((a) => a.analysis.vocab.map((v) => ({ term: v.term, lang: v.lang })));
  return articles.map((article) => {
    const own: VocabItem[] = article.analysis.vocab.map((v) => ({ ...v, source: 'article' }));
    const n = options.count(own.length);
    if (n <= 0 || article.analysis.pairs.length === 0) return { ...article, analysis: { ...article.analysis, vocab: own } };
    const suggested: VocabItem[] = suggestVocab(
      { pairs: article.analysis.pairs, marked, known: options.known, n, learning: options.learning },
      indexes(),
    ).map((s) => ({ ...s, source: 'suggested' }));
    marked.push(...suggested.map((s) => ({ term: s.term, lang: s.lang })));
    return { ...article, analysis: { ...article.analysis, vocab: [...own, ...suggested] } };
  });
}
