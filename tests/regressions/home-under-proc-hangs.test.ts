// Found by `npm run reliability` (bad input): `--home /proc/x/y` hung forever — Node's recursive
// mkdir loops when a parent exists but refuses new entries with ENOENT. The home is now created one
// level at a time, so this is one line and exit 1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, ROOT } from '../helpers/cli.js';

describe.skipIf(!existsSync('/proc/self'))('a home that cannot be created under /proc', () => {
  it('is refused in one line instead of hanging', () => {
    const result = parley(['--home', '/proc/parley-regression/home', 'import', join(ROOT, 'decks', 'morning-market.txt')]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot create parley home \/proc\/parley-regression\/home/);
  }, 20_000);
});
