import type { Deck } from '../core/deck/note.js';
import { isSlug, slugify } from '../core/deck/slug.js';
import { UserError } from '../core/errors.js';
import { HAN } from '../core/text/script.js';
import { findDeck, listDeckSlugs } from '../store/deck-files.js';
import type { HomeLayout } from '../store/home.js';

/**
 * The deck a user named: by its slug (as `parley decks` lists it), else by its display name —
 * exactly, then ignoring case, then (for a name with no Chinese) by the slug the name gives.
 * Never by the pinyin slug of a Chinese name: 安全 and 鞍泉 both give an-quan, and the second
 * deck made is an-quan-2. A name two decks share is refused rather than guessed.
 */
export function resolveDeck(paths: HomeLayout, name: string): Deck {
  if (isSlug(name)) {
    const bySlug = findDeck(paths, name);
    if (bySlug) return bySlug;
  }
  const slugs = listDeckSlugs(paths);
  const decks = slugs.map((slug) => findDeck(paths, slug)!);
  const latin = HAN.test(name) ? undefined : slugify(name, () => undefined);
  const matchers = [
    (d: Deck) => d.name === name,
    (d: Deck) => d.name.toLowerCase() === name.toLowerCase(),
    (d: Deck) => latin !== undefined && d.slug === latin,
  ];
  for (const matches of matchers) {
    const found = decks.filter(matches);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      throw new UserError(`${found.length} decks are named "${name}"`, `name one by its file name: ${found.map((d) => d.slug).join(', ')}`);
    }
  }
  throw new UserError(`no deck named "${name}"`, slugs.length ? `pick one of: ${slugs.join(', ')}` : 'make one with `parley import article.txt`');
}
