// Found by `npm run reliability` (corruption) after the single state file came in (issue 12):
// `import` wrote the deck file first and only then opened the home's card state to outline it. With
// a state file it must refuse (damaged with no journal to rebuild it from, or a journal shorter than
// the place it records), the import failed with exit 1 and one line naming the file, yet left a new
// deck file behind: a refusal that changed the home. Now the state is opened before anything is
// written, so the refusal writes nothing.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, parley, tempHome } from '../helpers/cli.js';
import { makeHome } from '../helpers/home-fixture.js';
import { journalOf } from '../helpers/journal.js';

const NOW = '2026-11-29T10:00:00Z';
const ARTICLE = join(ROOT, 'tests', 'fixtures', 'articles', 'dumplings-zh-en-annotated', 'article.txt');

describe('an import the card state refuses writes no deck file', () => {
  for (const [what, damage, named, file] of [
    ['the state file is damaged and there is no journal', (home: string) => {
      rmSync(journalOf(home));
      writeFileSync(join(home, 'state.json'), '{"format":');
    }, 'state.json', (home: string) => join(home, 'state.json')],
    ['the journal is shorter than the state file says', (home: string) => writeFileSync(journalOf(home), ''), 'the journal', journalOf],
  ] as const) {
    it(`${what}: refused in one line naming ${named}, decks/ unchanged`, async () => {
      const home = tempHome();
      await makeHome(home, { decks: 1, notesPerDeck: 20, reviewed: 10, now: new Date(NOW) });
      const name = file(home);
      damage(home);
      const decks = readdirSync(join(home, 'decks')).sort();
      const state = readFileSync(join(home, 'state.json'));

      const result = parley(['import', ARTICLE, '--deck', 'Dumplings'], { home, env: { PARLEY_NOW: NOW } });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(name);
      expect(readdirSync(join(home, 'decks')).sort()).toEqual(decks);
      expect(readFileSync(join(home, 'state.json')).equals(state)).toBe(true);
    });
  }
});
