import type { Context } from '../cli/context.js';
import { UserError } from '../core/errors.js';
import { deckSlug } from '../core/deck/slug.js';
import { lazyPinyin } from './artifacts.js';
import { deleteDeck, readDeck, writeDeck } from '../store/deck-files.js';
import { visible } from '../ui/escape.js';
import { renameDeck } from '../store/rename.js';
import { resolveDeck } from './deck-name.js';
import { entryId } from '../store/entry-id.js';

/**
 * `parley deck rename OLD NEW`. The journal records reviews under the slug they were made in, so
 * the rename is itself a journal line carrying every card state to the new slug (see
 * store/rename.ts): replaying the journal from scratch gives the new deck the same schedule, and a
 * session still open on the old name records its later grades under the new one.
 */
export async function rename(_options: Record<string, unknown>, args: string[], ctx: Context): Promise<void> {
  const [from, to] = args as [string, string];
  const deck = resolveDeck(ctx.paths, from);
  const slug = deckSlug(to, lazyPinyin(ctx.dist));
  if (slug === deck.slug && to === deck.name) throw new UserError(`deck "${deck.name}" already has that name`, 'give a different name');
  const store = await ctx.store();
  if (slug === deck.slug) {
    store.locked(() => writeDeck(ctx.paths, { ...readDeck(ctx.paths, deck.slug), name: to }));
    ctx.io.out(`Renamed "${visible(deck.name)}" to "${visible(to)}".`);
    return;
  }
  const moved = renameDeck(store, deck.slug, { name: to, slug }, entryId(), ctx.now().toISOString());
  ctx.io.out(`Renamed "${visible(deck.name)}" to "${visible(to)}" (${deck.slug} → ${slug}); ${moved} card schedules moved with it.`);
}

/**
 * `parley deck delete NAME`: removes the deck file only. The journal keeps every review (and the
 * state file every card's state), so importing the same article again brings the cards back with
 * their history.
 */
export async function remove(options: { yes?: boolean }, args: string[], ctx: Context): Promise<void> {
  const deck = resolveDeck(ctx.paths, args[0]!);
  if (!options.yes) {
    if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
      throw new UserError(`deleting deck "${deck.name}" needs a confirmation and this is not a terminal`, 'add --yes to delete it without asking');
    }
    const sure = await ctx.prompter.confirm({
      message: `Delete deck "${deck.name}" (${deck.notes.length} notes)? Its review history stays, so a re-import restores it.`,
      default: false,
    });
    if (!sure) {
      ctx.io.out('Nothing deleted.');
      return;
    }
  }
  deleteDeck(await ctx.store(), deck.slug);
  ctx.io.out(`Deleted deck "${visible(deck.name)}". Its review history stays in ${ctx.paths.journals}: importing the article again restores it.`);
}
