import type { Deck } from '../core/deck/note.js';
import { deckSlug } from '../core/deck/slug.js';
import { UserError } from '../core/errors.js';
import { existsSync } from 'node:fs';
import { deckPath, findDeck, listDeckSlugs } from '../store/deck-files.js';
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

/** The slug a name gives when a deck file has it, without reading the deck; else undefined. */
export function existingSlug(paths: HomeLayout, name: string): string | undefined {
  const slug = deckSlug(name, toPinyin);
  return existsSync(deckPath(paths, slug)) ? slug : undefined;
}
