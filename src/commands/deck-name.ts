import type { Deck } from '../core/deck/note.js';
import { deckSlug } from '../core/deck/slug.js';
import { UserError } from '../core/errors.js';
import { findDeck, listDeckSlugs } from '../store/deck-files.js';
import type { HomeLayout } from '../store/home.js';
import { lazyPinyin } from './artifacts.js';

const toPinyin = lazyPinyin();

/** The deck a user named, by slug or by its display name (`"AI 安全"` finds `ai-an-quan`). */
export function resolveDeck(paths: HomeLayout, name: string): Deck {
  const bySlug = findDeck(paths, deckSlug(name, toPinyin));
  if (bySlug) return bySlug;
  const slugs = listDeckSlugs(paths);
  for (const slug of slugs) {
    const deck = findDeck(paths, slug);
    if (deck?.name === name) return deck;
  }
  throw new UserError(`no deck named "${name}"`, slugs.length ? `pick one of: ${slugs.join(', ')}` : 'make one with `parley import article.txt`');
}

/** The slug a deck name gives, whether or not a deck has it. */
export function slugOf(name: string): string {
  return deckSlug(name, toPinyin);
}
