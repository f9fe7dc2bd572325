import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Context } from '../../cli/context.js';
import { analyseArticle, type Analysis, type Lexicon } from '../../core/article/index.js';
import { DECK_FORMAT, type Deck, type Note } from '../../core/deck/note.js';
import { notesFromAnalysis } from '../../core/deck/from-analysis.js';
import { mergeNotes, type MergeResult } from '../../core/deck/merge.js';
import { deckSlug } from '../../core/deck/slug.js';
import { UserError } from '../../core/errors.js';
import { decodeArticle, type EncodingGuesser } from '../../core/text/decode.js';
import { htmlToText, looksLikeHtml } from '../../core/text/html.js';
import { findDeck, writeDeck } from '../../store/deck-files.js';
import { lazyPinyin, loadLexicon } from '../artifacts.js';
import { readSource, type Source } from './read-source.js';
import { printDryRun, printSummary, progressBar } from './report.js';

export interface ImportOptions {
  deck?: string;
  dryRun?: boolean;
  json?: boolean;
  encoding?: string;
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
}

const toPinyin = lazyPinyin();

/**
 * jschardet takes ~40 ms to load and is needed only for files that are not UTF-8 or UTF-16, so it
 * is required at the moment decoding asks for a guess (a runtime require the bundler leaves alone).
 */
const guessEncoding: EncodingGuesser = (bytes) => {
  const load = createRequire(import.meta.url);
  return (load('jschardet') as typeof import('jschardet')).detectAll(Buffer.from(bytes));
};

/** Where the user gave no --deck: the file's name, else the article's title. */
function defaultDeckName(article: ReadArticle): string {
  return article.source.stem ?? article.title ?? 'article';
}

function analyse(source: Source, options: ImportOptions, lexicon: Lexicon | undefined, onProgress?: (done: number, total: number) => void): ReadArticle {
  let { text } = decodeArticle(source.bytes, options.encoding, source.label, guessEncoding);
  let title: string | undefined;
  if (source.html || looksLikeHtml(text)) ({ text, title } = htmlToText(text));
  try {
    const analysis = analyseArticle(text, { lexicon, onProgress, pinyin: toPinyin });
    return { source, analysis, title: title ?? analysis.title, sha256: createHash('sha256').update(source.bytes).digest('hex') };
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${source.label}: ${error.message}`, error.todo, error.exitCode);
    throw error;
  }
}

function plan(ctx: Context, options: ImportOptions, articles: ReadArticle[]): DeckPlan[] {
  const groups = new Map<string, { name: string; articles: ReadArticle[] }>();
  for (const article of articles) {
    const name = options.deck ?? defaultDeckName(article);
    const slug = deckSlug(name, toPinyin);
    const group = groups.get(slug) ?? { name, articles: [] };
    group.articles.push(article);
    groups.set(slug, group);
  }
  return [...groups].map(([slug, { name, articles: group }]) => {
    const existing = ctx.homeExists() ? findDeck(ctx.paths, slug) : undefined;
    const incoming = group.flatMap((a) => notesFromAnalysis(a.analysis));
    const merge = mergeNotes(existing?.notes ?? [], incoming);
    return { name: existing?.name ?? name, slug, articles: group, notes: incoming, merge, existed: existing !== undefined };
  });
}

export async function run(options: ImportOptions, args: string[], ctx: Context): Promise<void> {
  if (options.deck !== undefined) deckSlug(options.deck, toPinyin);
  // Everything is read and checked before anything is written: a bad second file writes nothing.
  const sources = args.map(readSource);
  const lexicon = loadLexicon();
  const bar = !options.json && ctx.io.interactive ? progressBar(ctx.io.stderr) : undefined;
  const articles = sources.map((s) => analyse(s, options, lexicon, s.bytes.length > 200_000 ? bar?.update : undefined));
  bar?.done();
  const plans = plan(ctx, options, articles);
  if (options.dryRun) {
    await printDryRun(ctx, plans, options.json === true);
    return;
  }
  await ctx.store();
  const written = plans.map((p) => {
    const first = p.articles[0]!;
    const deck: Deck = {
      format: DECK_FORMAT,
      name: p.name,
      slug: p.slug,
      source: { title: first.title, file: first.source.file, sha256: first.sha256 },
      notes: p.merge.notes,
    };
    return { plan: p, file: writeDeck(ctx.paths, deck) };
  });
  await printSummary(ctx, written, options.json === true);
}
