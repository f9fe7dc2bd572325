import { existsSync } from 'node:fs';
import type { Deck } from '../core/deck/note.js';
import { isSlug, slugify } from '../core/deck/slug.js';
import { UserError } from '../core/errors.js';
import { HAN } from '../core/text/script.js';
import { deckPath, findDeck, listDeckSlugs, readDeck } from '../store/deck-files.js';
import type { HomeLayout } from '../store/home.js';

/**
 * The deck a user named: by its slug (as `parley decks` lists it), else by its display name —
 * exactly, then ignoring case, then (for a name with no Chinese) by the slug the name gives.
 * Never by the pinyin slug of a Chinese name: 安全 and 鞍泉 both give an-quan, and the second
 * deck made is an-quan-2. A name two decks share is refused rather than guessed.
 */
export function resolveDeck(paths: HomeLayout, name: string): Deck {
  // Each deck file read once, whether to compare its name or to return it.
  const read = new Map<string, Deck | undefined>();
  const deckOf = (slug: string) => {
    if (!read.has(slug)) read.set(slug, findDeck(paths, slug));
    return read.get(slug);
  };
  const slug = resolveDeckSlug(paths, name, (s) => deckOf(s)?.name);
  return deckOf(slug) ?? readDeck(paths, slug);
}

/** The slug of the deck a user named (see resolveDeck), with each deck's display name from `nameOf`. */
export function resolveDeckSlug(paths: HomeLayout, name: string, nameOf: (slug: string) => string | undefined): string {
  if (isSlug(name) && existsSync(deckPath(paths, name))) return name;
  const slugs = listDeckSlugs(paths);
  const decks = slugs.map((slug) => ({ slug, name: nameOf(slug) ?? '' }));
  const latin = HAN.test(name) ? undefined : slugify(name, () => undefined);
  const matchers = [
    (d: { name: string }) => d.name === name,
    (d: { name: string }) => d.name.toLowerCase() === name.toLowerCase(),
    (d: { slug: string }) => latin !== undefined && d.slug === latin,
  ];
  for (const matches of matchers) {
    const found = decks.filter(matches);
    if (found.length === 1) return found[0]!.slug;
    if (found.length > 1) {
      throw new UserError(`${found.length} decks are named "${name}"`, `name one by its file name: ${found.map((d) => d.slug).join(', ')}`);
    }
  }
  throw new UserError(`no deck named "${name}"`, slugs.length ? `pick one of: ${slugs.join(', ')}` : 'make one with `parley import article.txt`');
}
