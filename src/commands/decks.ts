import type { Context } from '../cli/context.js';
import { deckFacts, summarise, type DeckFacts, type DeckSummary } from '../core/deck/summary.js';
import { nextDayStart } from '../core/srs/day.js';
import { listDeckSlugs, readDeck } from '../store/deck-files.js';
import { SettingsFile } from '../store/settings.js';
import { SummaryCache } from '../store/summary-cache.js';

export interface DecksOptions {
  json?: boolean;
}

/** Each deck's facts: from the cache when its files are unchanged, else read through the store. */
async function factsOf(ctx: Context, slugs: string[]): Promise<DeckFacts[]> {
  const cache = new SummaryCache(ctx.paths);
  const looked = slugs.map((slug) => ({ slug, found: cache.lookup(slug) }));
  const misses = looked.flatMap(({ slug, found }) => ('stamps' in found ? [{ slug, stamps: found.stamps }] : []));
  const computed = new Map<string, DeckFacts>();
  if (misses.length) {
    const store = await ctx.store();
    const decks = misses.map(({ slug }) => readDeck(ctx.paths, slug));
    store.loadDecks(misses.map((m) => m.slug));
    for (const warning of store.takeWarnings()) ctx.io.err(`parley: ${warning}`);
    decks.forEach((deck, i) => {
      const facts = deckFacts(deck, store.states(deck.slug));
      computed.set(deck.slug, facts);
      cache.set(deck.slug, misses[i]!.stamps, facts);
    });
    cache.save(slugs);
  }
  return looked.map(({ slug, found }) => ('facts' in found ? found.facts : computed.get(slug)!));
}

export async function run(options: DecksOptions, _args: string[], ctx: Context): Promise<void> {
  const slugs = ctx.homeExists() ? listDeckSlugs(ctx.paths) : [];
  let summaries: DeckSummary[] = [];
  if (slugs.length) {
    const facts = await factsOf(ctx, slugs);
    const now = ctx.now();
    // Settings straight from their file: with every deck cached, the store need not load at all.
    const dayEnd = nextDayStart(now, new SettingsFile(ctx.paths.root, ctx.paths.settings).all().dayStartsAt);
    summaries = facts.map((f) => summarise(f, now, dayEnd));
  }
  if (options.json) {
    ctx.io.out(JSON.stringify(summaries, null, 2));
    return;
  }
  if (summaries.length === 0) {
    ctx.io.out([
      `No decks yet in ${ctx.paths.root}.`,
      `  parley review                 start with the bundled sample deck`,
      `  parley import article.txt     make a deck from a bilingual article`,
    ].join('\n'));
    return;
  }
  // The table code measures CJK display width, which costs start-up time JSON output need not pay.
  const [{ renderTable }, { makeTheme }, { visible }] = await Promise.all([import('../ui/table.js'), import('../ui/theme.js'), import('../ui/escape.js')]);
  const theme = makeTheme(ctx.io.color);
  const rows = summaries.map((s) => [
    visible(s.name), String(s.notes), String(s.cards), theme.accent(String(s.new)), theme.warn(String(s.learning)),
    String(s.review), s.dueToday ? theme.good(String(s.dueToday)) : '0', s.suspended ? theme.dim(String(s.suspended)) : '0',
  ]);
  ctx.io.out(renderTable(
    ['Deck', 'Notes', 'Cards', 'New', 'Learning', 'Review', 'Due today', 'Suspended'].map((h) => theme.heading(h)),
    rows,
    { align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'], maxWidth: ctx.io.columns },
  ));
}
