import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeckFacts } from '../core/deck/summary.js';
import { writeFileAtomic } from './atomic.js';
import { deckPath } from './deck-files.js';
import { makeDirectory, type HomeLayout } from './home.js';
import { sameStamp as same, stamp, type Stamp } from './stamp.js';

/**
 * What `parley decks` counts per deck, kept between runs: reading every deck file and schedule of
 * a 20,000-card home costs several times a bare node start, a cached deck only a stat. An entry
 * holds only while the deck file, its snapshot and the journal are exactly as they were when it
 * was made (size and mtime); anything else recomputes it. Derived data only: a damaged cache is
 * ignored and rewritten, never reported.
 */
interface Stamps {
  deck: Stamp | null;
  snapshot: Stamp | null;
  journal: Stamp | null;
}

interface Entry extends Stamps {
  deck: Stamp;
  facts: DeckFacts;
}

type Cache = Record<string, Entry>;

// An underscore cannot appear in a slug, so no deck's snapshot can have this name.
const FILE = '_summaries.json';

export class SummaryCache {
  readonly #paths: HomeLayout;
  readonly #cache: Cache;
  #changed = false;

  constructor(paths: HomeLayout) {
    this.#paths = paths;
    this.#cache = SummaryCache.#read(join(paths.state, FILE));
  }

  static #read(file: string): Cache {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Cache) : {};
    } catch {
      return {};
    }
  }

  #stamps(slug: string): Stamps {
    return {
      deck: stamp(deckPath(this.#paths, slug)),
      snapshot: stamp(join(this.#paths.state, `${slug}.json`)),
      journal: stamp(this.#paths.journal),
    };
  }

  /**
   * The cached facts of a deck if nothing they came from has changed; otherwise the files' stamps,
   * taken before the caller reads them, so a change made meanwhile shows up next time as a
   * mismatch rather than as stale counts.
   */
  lookup(slug: string): { facts: DeckFacts } | { stamps: Stamps } {
    const entry = this.#cache[slug];
    const now = this.#stamps(slug);
    const valid = entry && typeof entry === 'object' && Array.isArray(entry.facts?.facts);
    if (valid && same(entry.deck, now.deck) && same(entry.snapshot, now.snapshot) && same(entry.journal, now.journal)) {
      return { facts: entry.facts };
    }
    return { stamps: now };
  }

  set(slug: string, stamps: Stamps, facts: DeckFacts): void {
    if (!stamps.deck) return;
    this.#cache[slug] = { ...stamps, deck: stamps.deck, facts };
    this.#changed = true;
  }

  /** Writes the cache back; a home that cannot be written just goes without. */
  save(known: readonly string[]): void {
    if (!this.#changed) return;
    const kept = Object.fromEntries(known.filter((s) => this.#cache[s]).map((s) => [s, this.#cache[s]]));
    try {
      makeDirectory(this.#paths.state);
      writeFileAtomic(join(this.#paths.state, FILE), JSON.stringify(kept));
    } catch {
      // A cache only saves time.
    }
  }
}
