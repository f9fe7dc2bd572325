// A review session is running on this machine when a sync lands another device's reviews of cards
// still to come. The session must carry on from those reviews at its next card, and keep its own.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CardState } from '../../src/core/srs/card-state.js';
import { ROOT, tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { createTestIO } from '../helpers/test-io.js';

const NOW = '2026-03-01T09:00:00.000Z';
const plain = (text: string) => text.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\r/g, '');

describe('a sync landing during a review session', () => {
  it('takes the other device’s reviews at the next card and keeps every grade of this one', async () => {
    const home = join(tempHome(), 'home');
    const env = { PARLEY_NOW: NOW, TZ: 'UTC' };
    const article = join(ROOT, 'tests', 'fixtures', 'articles', 'dumplings-zh-en-annotated', 'article.txt');
    expect((await parleyIn(['import', article, '--deck', 'dumplings'], { home, env })).code).toBe(0);
    const notes = (JSON.parse(readFileSync(join(home, 'decks', 'dumplings.json'), 'utf8')) as { notes: { id: string; zh: string }[] }).notes;

    const io = createTestIO({ isTTY: true });
    const session = parleyIn(['review', 'dumplings', '--direction', 'zh-en', '--new', '3'], { home, env, io });
    const until = async (text: string) => {
      for (let i = 0; i < 400 && !plain(io.stdoutText()).includes(text); i++) await new Promise((r) => setTimeout(r, 10));
      return plain(io.stdoutText());
    };
    const first = await until('new 3');
    const shown = notes.find((n) => first.includes(n.zh.slice(0, 6)));
    expect(shown).toBeDefined();

    // Meanwhile a sync brings the laptop's journal: it reviewed every other card yesterday, due in a week.
    const reviewed: CardState = {
      due: '2026-03-07T08:00:00.000Z', stability: 6, difficulty: 5, elapsed_days: 0, scheduled_days: 6,
      learning_steps: 0, reps: 1, lapses: 0, state: 2, last_review: '2026-02-28T08:00:00.000Z',
    };
    const others = notes.filter((n) => n !== shown);
    const lines = others.map((n, i) => JSON.stringify({
      type: 'review', id: `laptop-${i}`, at: '2026-02-28T08:00:00.000Z', deck: 'dumplings', cardId: `${n.id}:zh-en`,
      rating: 4, durationMs: 2000, before: null, after: reviewed,
    }));
    mkdirSync(join(home, 'journal'), { recursive: true });
    writeFileSync(join(home, 'journal', 'laptop-1a2b.jsonl'), `${lines.join('\n')}\n`);

    io.type(' ');
    await until('3 Good');
    io.type('3');
    const after = await until('another device');
    io.type('q');
    expect((await session).code).toBe(0);

    // The next cards were the laptop's, not due for a week: the session showed none of them.
    const later = after.slice(after.lastIndexOf('3 Good'));
    for (const n of others) expect(later).not.toContain(n.zh.slice(0, 6));
    const own = readdirSync(join(home, 'journal')).filter((name) => name !== 'laptop-1a2b.jsonl');
    expect(own).toHaveLength(1);
    const entries = readFileSync(join(home, 'journal', own[0]!), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; cardId: string });
    expect(entries.map((e) => [e.type, e.cardId])).toEqual([['review', `${shown!.id}:zh-en`]]);

    const decks = JSON.parse((await parleyIn(['decks', '--json'], { home, env })).stdout) as { learning: number; review: number }[];
    expect(decks[0]!.review).toBe(others.length);
    expect(decks[0]!.learning).toBe(1);
  });
});
