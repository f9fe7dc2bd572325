import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDeck } from '../../core/deck/file.js';
import type { Deck } from '../../core/deck/note.js';

/** The sample deck shipped in the package's decks/ folder (beside dist/), for a newcomer's first session. */
export function sampleDeck(dist: URL): Deck {
  const file = fileURLToPath(new URL('../decks/morning-market.json', dist));
  return parseDeck(readFileSync(file, 'utf8'), file);
}
