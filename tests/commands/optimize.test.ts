import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/core/deck/note.js';
import type { CardState, Grade, JournalEntry } from '../../src/core/srs/card-state.js';
import { makeScheduler } from '../../src/core/srs/scheduler.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { Store } from '../../src/store/store.js';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { makeHome } from '../helpers/home-fixture.js';

const binding = join(ROOT, 'node_modules', '@open-spaced-repetition', 'binding-linux-x64-gnu');

/** A learner who remembers a little better than the defaults predict, reviewing every due card for 150 days. */
async function simulatedHome(): Promise<string> {
  const home = tempHome();
  const start = new Date('2026-01-01T09:00:00Z');
  const store = await makeHome(home, { decks: 1, notesPerDeck: 60, reviewed: 0, now: start });
  const { readDeck } = await import('../../src/store/deck-files.js');
  const deck = readDeck(store.paths, 'deck-0');
  const scheduler = makeScheduler(DEFAULT_SETTINGS);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const states = new Map<string, CardState | null>(deck.notes.map((n) => [cardId(n.id, 'zh-en'), null]));
  const entries: JournalEntry[] = [];
  for (let day = 0; day < 150; day++) {
    const now = new Date(start.getTime() + day * 86_400_000);
    for (const [id, state] of states) {
      if (state && Date.parse(state.due) > now.getTime() + 86_400_000 / 2) continue;
      if (!state && entries.length > day * 8 + 8) continue;
      const grade: Grade = random() < 0.88 ? 3 : 1;
      const after = scheduler.preview(state, now)[grade].state;
      entries.push({ type: 'review', id: `sim-${entries.length}`, at: now.toISOString(), deck: 'deck-0', cardId: id, rating: grade, durationMs: 3000, before: state, after });
      states.set(id, after);
    }
  }
  new Store(home).commit(entries);
  return home;
}

describe.skipIf(!existsSync(binding))('parley optimize with enough history', () => {
  it('fits parameters, compares them with the defaults and stores them with --apply', async () => {
    const home = await simulatedHome();
    const result = await parleyIn(['optimize', '--apply', '--json'], { home, env: { PARLEY_NOW: '2026-06-01T09:00:00Z' } });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.reviews).toBeGreaterThanOrEqual(400);
    expect(report.fitted.weights).toHaveLength(report.current.weights.length);
    expect(report.fitted.weights).not.toEqual(report.current.weights);
    expect(report.fitted.logLoss).toBeLessThanOrEqual(report.current.logLoss + 1e-9);
    const settings = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8'));
    expect(settings.fsrsWeights).toEqual(report.fitted.weights);
    expect(JSON.parse((await parleyIn(['config', 'get', 'fsrsWeights', '--json'], { home })).stdout)).toEqual(report.fitted.weights);
  }, 60_000);
});
