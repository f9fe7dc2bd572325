import type { Context } from '../cli/context.js';
import { summarise, type DeckSummary } from '../core/deck/summary.js';
import { nextDayStart } from '../core/srs/day.js';
import { listDeckSlugs } from '../store/deck-files.js';

export interface DecksOptions {
  json?: boolean;
}

export async function run(options: DecksOptions, _args: string[], ctx: Context): Promise<void> {
  const slugs = ctx.homeExists() ? listDeckSlugs(ctx.paths) : [];
  let summaries: DeckSummary[] = [];
  if (slugs.length) {
    const store = await ctx.store();
    const now = ctx.now();
    const dayEnd = nextDayStart(now, store.settings.all().dayStartsAt);
    summaries = slugs.flatMap((slug) => {
      const notes = store.deckNotes(slug);
      return notes ? [summarise(notes, now, dayEnd)] : [];
    });
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
