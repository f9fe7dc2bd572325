// Issue 10, item 19. The attack: a settings.json edited by hand with `fsrsWeights` of the wrong
// length made ts-fsrs print "[FSRS]Invalid parameters length, using default parameters" and quietly
// schedule with its defaults (and `stats` computed recall from the short list: NaN); values out of
// ts-fsrs's ranges were quietly clipped. Now settings.json is checked when it is read: only the
// lengths ts-fsrs 5 takes (17, 19 or 21), finite, within its ranges — otherwise one line naming
// settings.json and what to do. Also: the settings migration kept `__proto__` and `constructor`
// keys (`k in properties` finds them on Object.prototype); they are dropped like any unknown key.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { default_w, migrateParameters } from 'ts-fsrs';
import { describe, expect, it, vi } from 'vitest';
import { makeScheduler } from '../../src/core/srs/scheduler.js';
import { schedulerWeights, weightsProblem } from '../../src/core/srs/weights.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const NOW = { PARLEY_NOW: '2026-11-29T10:00:00Z' };

async function homeWithWeights(weights: unknown): Promise<string> {
  const home = tempHome();
  expect((await parleyIn(['import', SAMPLE], { home })).code).toBe(0);
  writeFileSync(join(home, 'settings.json'), `{\n  "newPerDay": 7,\n  "fsrsWeights": ${JSON.stringify(weights)}\n}\n`);
  return home;
}

describe('fsrsWeights in a hand-edited settings.json', () => {
  const wrong: [string, string][] = [
    ['18 numbers', JSON.stringify(default_w.slice(0, 18))],
    ['no numbers', '[]'],
    ['22 numbers', JSON.stringify([...default_w, 0.5])],
    ['an infinite number', `[${default_w.slice(0, 20).join(', ')}, 1e999]`],
    ['a value out of ts-fsrs\'s range', JSON.stringify([500, ...default_w.slice(1)])],
    ['a negative value', JSON.stringify([...default_w.slice(0, 7), -1, ...default_w.slice(8)])],
    ['not a list', '"fast"'],
  ];
  for (const [what, weights] of wrong) {
    it(`${what}: refused in one line naming settings.json, by every command that reads it`, async () => {
      const home = await homeWithWeights(JSON.parse(weights.replace('1e999', '1e308')));
      if (weights.includes('1e999')) writeFileSync(join(home, 'settings.json'), `{"fsrsWeights": ${weights}}`);
      const before = readFileSync(join(home, 'settings.json'), 'utf8');
      for (const args of [['stats', '--json'], ['config', 'get', 'fsrsWeights'], ['config', 'set', 'newPerDay', '5'], ['show', 'morning-market'], ['decks']]) {
        const result = await parleyIn(args, { home, env: NOW });
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(1);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(/^parley: .*settings\.json.*fsrsWeights.* — .+/);
        expect(result.stdout + result.stderr).not.toContain('[FSRS]');
      }
      expect(readFileSync(join(home, 'settings.json'), 'utf8')).toBe(before);
    });
  }

  for (const length of [17, 19, 21]) {
    const weights = length === 21 ? [...default_w] : length === 19 ? default_w.slice(0, 19) : [0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61];
    it(`${length} numbers in range: accepted, and ts-fsrs says nothing`, async () => {
      const home = await homeWithWeights(weights);
      const result = await parleyIn(['stats', '--json'], { home, env: NOW });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout + result.stderr).not.toContain('[FSRS]');
      expect(result.stdout).not.toContain('NaN');
    });

    it(`${length} numbers: converted to FSRS-6 as ts-fsrs converts them, and the scheduler prints nothing`, () => {
      const quiet = vi.spyOn(console, 'debug').mockImplementation(() => {});
      const expected = migrateParameters(weights, 1, true);
      quiet.mockRestore();
      expect(schedulerWeights(weights)).toEqual(expected);
      const spies = (['log', 'debug', 'warn', 'info'] as const).map((m) => vi.spyOn(console, m));
      makeScheduler(DEFAULT_SETTINGS, { weights: schedulerWeights(weights) }).preview(null, new Date(NOW.PARLEY_NOW));
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      for (const spy of spies) spy.mockRestore();
    });
  }

  it('the check is exactly ts-fsrs\'s: its defaults pass, its ranges bound each value', () => {
    expect(weightsProblem([...default_w])).toBeUndefined();
    expect(weightsProblem(default_w.slice(0, 19))).toBeUndefined();
    expect(weightsProblem(default_w.slice(0, 20))).toMatch(/20/);
    expect(weightsProblem([...default_w.slice(0, 4), 10.5, ...default_w.slice(5)])).toMatch(/fsrsWeights\[4\]/);
    expect(weightsProblem([...default_w.slice(0, 20), Number.NaN])).toBeDefined();
  });
});

describe('the settings migration', () => {
  it('drops __proto__ and constructor like any unknown key', async () => {
    const home = tempHome();
    // JSON.parse makes "__proto__" an own key, as a hand-edited file would have it.
    writeFileSync(join(home, 'settings.json'), '{"__proto__": {"x": 1}, "constructor": 1, "toString": 2, "newPerDay": 7}\n');
    expect((await parleyIn(['config', 'set', 'dayStartsAt', '5'], { home })).code).toBe(0);
    const stored = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
    expect(Object.keys(stored).sort()).toEqual(['__internal__', 'dayStartsAt', 'newPerDay']);
    const listed = JSON.parse((await parleyIn(['config', 'list', '--json'], { home })).stdout);
    expect(Object.keys(listed)).not.toContain('constructor');
    expect(listed.newPerDay).toBe(7);
  });

  it('a file that still has them is read without them', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'settings.json'), '{"__proto__": {"newPerDay": 99}, "constructor": 1, "newPerDay": 7}\n');
    const listed = JSON.parse((await parleyIn(['config', 'list', '--json'], { home })).stdout);
    expect(Object.keys(listed)).not.toContain('constructor');
    expect(Object.keys(listed)).not.toContain('__proto__');
    expect(listed.newPerDay).toBe(7);
  });
});
