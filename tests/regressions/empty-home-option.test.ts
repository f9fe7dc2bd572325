// Issue 10, item 17 (the home part). The attack: `parley --home '' decks` silently used the default
// home — a script whose variable was empty read or wrote the user's real decks. An empty option
// value is wrong usage: now one line and exit 2, and nothing is read or written. PARLEY_HOME=''
// stays what an empty environment variable conventionally is, unset (the README says so).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT, tempHome } from '../helpers/cli.js';

describe("--home ''", () => {
  for (const args of [['decks'], ['config', 'set', 'newPerDay', '5'], ['import', join(ROOT, 'decks', 'morning-market.txt')]]) {
    it(`${args.join(' ')}: one line, exit 2, the default home untouched`, () => {
      // HOME points at an empty directory, so the default home is <HOME>/.config/parley.
      const home = tempHome();
      const result = parley(['--home', '', ...args], { env: { HOME: home } });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^parley: .*--home.* — .+/);
      expect(existsSync(join(home, '.config'))).toBe(false);
    });
  }

  it('--home= (the same, spelt with =) is refused too', () => {
    const result = parley(['--home=', 'decks'], { env: { HOME: tempHome() } });
    expect(result.status).toBe(2);
  });

  it("PARLEY_HOME='' is treated as unset: the default home", () => {
    const home = tempHome();
    const result = parley(['config', 'set', 'newPerDay', '5'], { env: { HOME: home, PARLEY_HOME: '' } });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(home, '.config', 'parley', 'settings.json'))).toBe(true);
  });
});
