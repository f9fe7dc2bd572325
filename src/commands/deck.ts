import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../cli/context.js';
import { UserError } from '../core/errors.js';
import type { Deck } from '../core/deck/note.js';
import { deckSlug } from '../core/deck/slug.js';
import { lazyPinyin } from './artifacts.js';
import type { JournalEntry } from '../core/srs/card-state.js';
import { sameState } from '../core/srs/replay.js';
import { deckPath, findDeck, writeDeck } from '../store/deck-files.js';
import { resolveDeck } from './deck-name.js';
import { entryId } from './entry-id.js';

const toPinyin = lazyPinyin();

/**
 * `parley deck rename OLD NEW`. The journal records reviews under the slug they were made in, and
 * a schedule snapshot is only a cache of the journal, so moving the snapshot file alone would lose
 * the schedule the next time it is rebuilt. Instead the rename is written to the journal: a `move`
 * entry per studied card under the new slug, carrying the card's state. Replaying the journal from
 * scratch gives the new deck the same schedule; stats follow card ids, which do not depend on the slug.
 */
export async function rename(_options: Record<string, unknown>, args: string[], ctx: Context): Promise<void> {
  const [from, to] = args as [string, string];
  const deck = resolveDeck(ctx.paths, from);
  const slug = deckSlug(to, toPinyin);
  if (slug === deck.slug && to === deck.name) throw new UserError(`deck "${deck.name}" already has that name`, 'give a different name');
  if (slug !== deck.slug && findDeck(ctx.paths, slug)) {
    throw new UserError(`a deck "${slug}" already exists`, 'choose another name, or `parley deck delete` that one first');
  }
  const renamed: Deck = { ...deck, name: to, slug };
  if (slug === deck.slug) {
    writeDeck(ctx.paths, renamed);
    ctx.io.out(`Renamed "${deck.name}" to "${to}".`);
    return;
  }

  const store = await ctx.store();
  store.loadDecks([deck.slug, slug]);
  const target = store.states(slug);
  const now = ctx.now().toISOString();
  const entries: JournalEntry[] = [];
  for (const [id, state] of store.states(deck.slug)) {
    const before = target.get(id) ?? null;
    if (sameState(before, state)) continue;
    entries.push({ id: entryId(), at: now, deck: slug, cardId: id, type: 'move', from: deck.slug, before, after: state });
  }

  const file = writeDeck(ctx.paths, renamed);
  const result = store.commit(entries);
  if (!result.ok) {
    rmSync(file, { force: true });
    throw new UserError(`another parley session changed deck "${deck.name}" meanwhile`, 'run the rename again');
  }
  rmSync(deckPath(ctx.paths, deck.slug));
  await store.compact(true);
  // The old snapshot is a cache of journal entries that now also live under the new slug.
  rmSync(join(ctx.paths.state, `${deck.slug}.json`), { force: true });
  ctx.io.out(`Renamed "${deck.name}" to "${to}" (${deck.slug} → ${slug}); ${entries.length} card schedules moved with it.`);
}

/**
 * `parley deck delete NAME`: removes the deck file only. The journal keeps every review and the
 * schedule snapshot stays, so importing the same article again brings the cards back with their
 * history.
 */
export async function remove(options: { yes?: boolean }, args: string[], ctx: Context): Promise<void> {
  const deck = resolveDeck(ctx.paths, args[0]!);
  if (!options.yes) {
    if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
      throw new UserError(`deleting deck "${deck.name}" needs a confirmation and this is not a terminal`, 'add --yes to delete it without asking');
    }
    const [{ confirm }, { visible }] = await Promise.all([import('@inquirer/prompts'), import('../ui/escape.js')]);
    const sure = await confirm(
      // The prompt writes to the terminal itself, past parley's writer: a name from a deck file is shown, never obeyed.
      { message: `Delete deck "${visible(deck.name)}" (${deck.notes.length} notes)? Its review history stays, so a re-import restores it.`, default: false },
      { input: ctx.io.stdin, output: ctx.io.stdout },
    );
    if (!sure) {
      ctx.io.out('Nothing deleted.');
      return;
    }
  }
  rmSync(deckPath(ctx.paths, deck.slug));
  ctx.io.out(`Deleted deck "${deck.name}". Its review history stays in ${ctx.paths.journal}: importing the article again restores it.`);
}
