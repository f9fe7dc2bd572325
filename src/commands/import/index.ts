import { createHash } from 'node:crypto';
import type { Context } from '../../cli/context.js';
import { analyseArticle, type Analysis, type Lexicon } from '../../core/article/index.js';
import { DECK_FORMAT, type Deck, type Note } from '../../core/deck/note.js';
import { notesFromAnalysis } from '../../core/deck/from-analysis.js';
import { mergeNotes, type MergeResult } from '../../core/deck/merge.js';
import { deckSlug } from '../../core/deck/slug.js';
import { UserError } from '../../core/errors.js';
import { decodeArticle } from '../../core/text/decode.js';
import { htmlToText, looksLikeHtml } from '../../core/text/html.js';
import { findDeck, listDeckSlugs, writeDeck } from '../../store/deck-files.js';
import { lazyPinyin, loadLexicon } from '../artifacts.js';
import { isWebAddress, readSource, type Source } from './read-source.js';
import { guessEncoding } from './guess-encoding.js';
import { printDryRun, printSummary, progressBar } from './report.js';
import { DEFAULT_SETTINGS, suggestionCount } from '../../core/settings.js';
import { knownWords } from '../../store/known.js';
import { withSuggestions } from './suggest.js';
import { loadWordIndexes, type WordIndexes } from './word-indexes.js';

export interface ImportOptions {
  deck?: string;
  dryRun?: boolean;
  json?: boolean;
  encoding?: string;
  /** `--suggest N`: up to N vocabulary notes chosen from each article for this learner. */
  suggest?: number;
}

export interface ReadArticle {
  source: Source;
  analysis: Analysis;
  title?: string;
  sha256: string;
}

export interface DeckPlan {
  name: string;
  slug: string;
  articles: ReadArticle[];
  notes: Note[];
  merge: MergeResult;
  existed: boolean;
  /** The deck that holds the slug the name first gave, when this deck had to take another. */
  displaced?: { name: string; slug: string };
}

/**
 * The article's text. A page's declared charset comes first; a page that misstates it is read as
 * a file would be, by detection. --encoding overrides both.
 */
function decode(source: Source, options: ImportOptions): string {
  if (options.encoding === undefined && source.charset !== undefined) {
    try {
      return decodeArticle(source.bytes, source.charset, source.label, guessEncoding).text;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  return decodeArticle(source.bytes, options.encoding, source.label, guessEncoding).text;
}

/** Where the user gave no --deck: the file's name, else the article's title. */
function defaultDeckName(article: ReadArticle): string {
  return article.source.stem ?? article.title ?? 'article';
}

/** The dictionary and pinyin index the build writes to dist/. */
export interface Artifacts {
  lexicon: Lexicon | undefined;
  pinyin: (zh: string) => string | undefined;
}

/** One article, read as `parley import` reads it; the golden test (tests/core/article/golden.test.ts) runs this too. */
export async function analyse(
  source: Source,
  options: ImportOptions,
  artifacts: Artifacts,
  onProgress?: (done: number, total: number) => void,
): Promise<ReadArticle> {
  let text = decode(source, options);
  let title: string | undefined;
  if (source.url !== undefined) {
    // A fetched page is mostly not article: Readability and linkedom find the article, and load only here.
    const main = (await import('./main-content.js')).mainContent(text);
    ({ text, title } = htmlToText(main.html, (await import('./html-tokenizer.js')).tokenizeHtml));
    title = main.title ?? title;
  } else if (source.html || looksLikeHtml(text)) {
    // The HTML tokenizer is a chunk of its own, loaded only for a page.
    ({ text, title } = htmlToText(text, (await import('./html-tokenizer.js')).tokenizeHtml));
  }
  try {
    const analysis = analyseArticle(text, { lexicon: artifacts.lexicon, onProgress, pinyin: artifacts.pinyin });
    return { source, analysis, title: title ?? analysis.title, sha256: createHash('sha256').update(source.bytes).digest('hex') };
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${source.label}: ${error.message}`, error.todo, error.exitCode);
    throw error;
  }
}

/** A deck's `source`: where its (first) article came from. */
function sourceOf(article: ReadArticle): Deck['source'] {
  return { title: article.title, file: article.source.file, url: article.source.url, sha256: article.sha256 };
}

/** What tells one article from another when the user named no deck: its file name or address, else title, else content. */
function identity(source: Deck['source']): string {
  return source.file ?? source.url ?? source.title ?? source.sha256;
}

interface Group {
  name: string;
  /** Whether the user named the deck: then every article with that name belongs to it. */
  named: boolean;
  articles: ReadArticle[];
}

function groups(options: ImportOptions, articles: ReadArticle[], toPinyin: Artifacts['pinyin']): Map<string, Group> {
  const found = new Map<string, Group>();
  for (const article of articles) {
    const name = options.deck ?? defaultDeckName(article);
    const slug = deckSlug(name, toPinyin);
    const group = found.get(slug) ?? { name, named: options.deck !== undefined, articles: [] };
    group.articles.push(article);
    found.set(slug, group);
  }
  return found;
}

/**
 * The deck a group goes into. A deck already under its slug is the same deck when it has the name
 * the user gave, or (with no name given) came from the same article; otherwise the group takes the
 * next free slug (`an-quan-2`), so two decks never silently become one.
 */
function settle(ctx: Context, base: string, group: Group, lexicon: Lexicon | undefined): DeckPlan {
  const isWord = (text: string) => lexicon?.glosses(text) !== undefined;
  const incoming = group.articles.flatMap((a) => notesFromAnalysis(a.analysis, isWord));
  const mine = identity(sourceOf(group.articles[0]!));
  const same = (deck: Deck) => (group.named ? deck.name === group.name : identity(deck.source) === mine);
  let displaced: DeckPlan['displaced'];
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base.slice(0, 57).replace(/-+$/, '')}-${n}`;
    let existing = ctx.homeExists() ? findDeck(ctx.paths, slug) : undefined;
    if (existing && !same(existing)) {
      displaced ??= { name: existing.name, slug };
      continue;
    }
    existing ??= movedDeck(ctx, group.name, same);
    const merge = mergeNotes(existing?.notes ?? [], incoming);
    return { name: existing?.name ?? group.name, slug: existing?.slug ?? slug, articles: group.articles, notes: incoming, merge, existed: existing !== undefined, displaced };
  }
}

/**
 * The deck of a Chinese name whose file is under another slug than its name's pinyin gives now:
 * a better reading (了 le, once liǎo) must not split a deck in two, its history left with the old one.
 */
function movedDeck(ctx: Context, name: string, same: (deck: Deck) => boolean): Deck | undefined {
  if (!ctx.homeExists() || !/\p{Script=Han}/u.test(name)) return undefined;
  for (const slug of listDeckSlugs(ctx.paths)) {
    const deck = findDeck(ctx.paths, slug);
    if (deck && same(deck)) return deck;
  }
  return undefined;
}

function plan(ctx: Context, options: ImportOptions, articles: ReadArticle[], artifacts: Artifacts): DeckPlan[] {
  return [...groups(options, articles, artifacts.pinyin)].map(([slug, group]) => settle(ctx, slug, group, artifacts.lexicon));
}

export async function run(options: ImportOptions, args: string[], ctx: Context): Promise<void> {
  const toPinyin = lazyPinyin(ctx.dist);
  if (options.deck !== undefined) deckSlug(options.deck, toPinyin);
  // Everything is read and checked before anything is written: a bad second file writes nothing.
  const sources: Source[] = [];
  for (const arg of args) sources.push(isWebAddress(arg) ? await (await import('./fetch-page.js')).fetchPage(arg) : readSource(arg, ctx.io));
  const artifacts: Artifacts = { lexicon: loadLexicon(ctx.dist), pinyin: toPinyin };
  const bar = !options.json && ctx.io.interactive ? progressBar(ctx.io.stderr) : undefined;
  const analysed: ReadArticle[] = [];
  for (const s of sources) analysed.push(await analyse(s, options, artifacts, s.bytes.length > 200_000 ? bar?.update : undefined));
  bar?.done();
  const settings = ctx.homeExists() ? (await ctx.store()).settings.all() : DEFAULT_SETTINGS;
  const count = (marked: number) => suggestionCount(settings.suggestPerArticle, marked, options.suggest);
  const suggesting = analysed.some((a) => count(a.analysis.vocab.length) > 0);
  let indexes: WordIndexes | undefined;
  const articles = withSuggestions(
    analysed,
    { count, known: suggesting && ctx.homeExists() ? knownWords(await ctx.store()) : new Set(), learning: settings.learning },
    () => (indexes ??= loadWordIndexes(ctx.dist)),
  );
  if (options.dryRun) {
    await printDryRun(ctx, plan(ctx, options, articles, artifacts), options.json === true);
    return;
  }
  const store = await ctx.store();
  // Read, merge and write under the lock: a second import of the same deck meanwhile would
  // otherwise write over this one's notes.
  const written = store.locked(() => {
    const plans = plan(ctx, options, articles, artifacts);
    // The card state is read before any deck file is written: a state parley must refuse (damaged
    // with no journal, or ahead of the journal) then refuses the import with nothing written.
    store.read();
    return plans.map((p) => {
      const deck: Deck = {
        format: DECK_FORMAT,
        name: p.name,
        slug: p.slug,
        source: sourceOf(p.articles[0]!),
        notes: p.merge.notes,
      };
      const file = writeDeck(ctx.paths, deck);
      // Its outline (the queue's view, sibling pairs and all) is worked out now, once, not at every start.
      store.wrote(deck);
      return { plan: p, file };
    });
  });
  await printSummary(ctx, written, options.json === true);
}
