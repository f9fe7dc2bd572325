import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { masteredTerms, normalizeWord } from '../core/vocab/known-words.js';
import { writeFileAtomic } from './atomic.js';
import { findDeck, listDeckSlugs } from './deck-files.js';
import { isDevice } from './device.js';
import { knownPath, makeDirectory, type HomeLayout } from './home.js';
import type { Store } from './store.js';

/**
 * The words the learner said they know, from every device's list (`known/<device>.txt`: each
 * device writes only its own, so lists arrive by git or any synced folder without a conflict),
 * each once, in the order they were said on each device. A line that is no word (a hand edit) is passed over.
 */
export function saidKnown(paths: HomeLayout): string[] {
  let names: string[];
  try {
    names = readdirSync(paths.known).sort();
  } catch {
    return [];
  }
  const words = new Set<string>();
  for (const name of names) {
    if (!name.endsWith('.txt') || !isDevice(name.slice(0, -4))) continue;
    for (const line of readFileSync(join(paths.known, name), 'utf8').split('\n')) {
      const word = normalizeWord(line);
      if (word !== undefined) words.add(word);
    }
  }
  return [...words];
}

/** The terms of vocabulary cards the learner knows by now (see masteredTerms), over every deck. */
export function learntKnown(store: Store): string[] {
  const terms = new Set<string>();
  for (const slug of listDeckSlugs(store.paths)) {
    const deck = findDeck(store.paths, slug);
    if (deck) for (const term of masteredTerms(deck.notes, store.states(slug))) terms.add(term);
  }
  return [...terms];
}

/** Every word parley must not suggest: said or learnt. */
export function knownWords(store: Store): Set<string> {
  return new Set([...saidKnown(store.paths), ...learntKnown(store)]);
}

/**
 * Adds words to this device's list, written whole and atomically under the home lock (a list is
 * small; a kill leaves the old list or the new one). Returns the words that were not known yet.
 */
export function addKnown(store: Store, words: readonly string[]): string[] {
  return store.locked(() => {
    const known = new Set(saidKnown(store.paths));
    const fresh = [...new Set(words)].filter((w) => !known.has(w));
    if (fresh.length === 0) return [];
    const path = knownPath(store.paths, store.device);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    makeDirectory(store.paths.known, 'known-words directory');
    writeFileAtomic(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${fresh.join('\n')}\n`);
    return fresh;
  });
}
