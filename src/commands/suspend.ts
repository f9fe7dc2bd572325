import type { Context } from '../cli/context.js';
import { UserError } from '../core/errors.js';
import { cardId, cardKinds, splitCardId, type Deck, type Note } from '../core/deck/note.js';
import type { CardEntry, CardState } from '../core/srs/card-state.js';
import { newCardState } from '../core/srs/scheduler.js';
import { listDeckSlugs, readDeck } from '../store/deck-files.js';
import { entryId } from '../store/entry-id.js';
import { visible } from '../ui/escape.js';

interface Found {
  deck: Deck;
  note: Note;
  cardIds: string[];
}

/**
 * The note a user named: its full id, a unique prefix of it (ids are long to type), or one card
 * `<noteId>:<direction>` or `<noteId>:cloze`, which then limits the change to that card.
 */
function findNote(decks: readonly Deck[], wanted: string): Found {
  const card = splitCardId(wanted);
  const prefix = card ? card.noteId : wanted;
  const matches = decks.flatMap((deck) => deck.notes.filter((n) => n.id.startsWith(prefix)).map((note) => ({ deck, note })));
  const exact = matches.filter((m) => m.note.id === prefix);
  const chosen = exact.length ? exact : matches;
  if (chosen.length === 0 || prefix.length < 4) {
    throw new UserError(`no note with id "${wanted}"`, 'run `parley show <deck>` to see note ids');
  }
  if (new Set(chosen.map((m) => m.note.id)).size > 1) {
    throw new UserError(`"${wanted}" matches ${chosen.length} notes`, 'give more of the id');
  }
  const { deck, note } = chosen[0]!;
  const kinds = cardKinds(note);
  if (card && !kinds.includes(card.direction)) {
    throw new UserError(`note ${visible(note.id)} has no ${card.direction} card`, `its cards are ${kinds.map((k) => visible(cardId(note.id, k))).join(', ')}`);
  }
  return { deck, note, cardIds: card ? [cardId(note.id, card.direction)] : kinds.map((k) => cardId(note.id, k)) };
}

async function setSuspended(suspended: boolean, args: string[], ctx: Context): Promise<void> {
  const decks = ctx.homeExists() ? listDeckSlugs(ctx.paths).map((slug) => readDeck(ctx.paths, slug)) : [];
  const { deck, note, cardIds } = findNote(decks, args[0]!);
  const store = await ctx.store();
  const states = store.states(deck.slug);
  const now = ctx.now();
  const entries: CardEntry[] = [];
  for (const id of cardIds) {
    const before = states.get(id) ?? null;
    if (Boolean(before?.suspended) === suspended) continue;
    let after: CardState;
    if (suspended) after = { ...(before ?? newCardState(now)), suspended: true };
    else {
      const { suspended: _, ...rest } = before!;
      after = rest;
    }
    entries.push({ id: entryId(), at: now.toISOString(), deck: deck.slug, cardId: id, type: suspended ? 'suspend' : 'unsuspend', before, after });
  }
  const verb = suspended ? 'suspended' : 'unsuspended';
  if (entries.length === 0) {
    ctx.io.out(visible(`Note ${note.id} in "${deck.name}" is already ${suspended ? 'suspended' : 'not suspended'}; nothing changed.`));
    return;
  }
  const result = store.commit(entries);
  if (!result.ok) throw new UserError(`another parley session changed note ${note.id} meanwhile`, 'run the command again');
  // Names and ids come from a deck file: shown, never obeyed, even with colour on.
  ctx.io.out(visible(`${verb[0]!.toUpperCase()}${verb.slice(1)} ${entries.length === 1 ? entries[0]!.cardId : `${entries.length === 2 ? 'both' : `all ${entries.length}`} cards of ${note.id}`} in "${deck.name}".`));
}

/** `parley suspend <noteId>`: keeps a note's cards out of reviews until unsuspended. */
export async function run(_options: Record<string, unknown>, args: string[], ctx: Context): Promise<void> {
  await setSuspended(true, args, ctx);
}

export async function unsuspend(_options: Record<string, unknown>, args: string[], ctx: Context): Promise<void> {
  await setSuspended(false, args, ctx);
}
