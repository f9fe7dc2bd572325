import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cardId, DECK_FORMAT, type Deck } from '../../src/core/deck/note.js';
import type { CardState, Grade, CardEntry } from '../../src/core/srs/card-state.js';
import { writeDeck } from '../../src/store/deck-files.js';
import { layout } from '../../src/store/home.js';
import { displayWidth } from '../../src/ui/width.js';
import { tempHome } from '../helpers/cli.js';
import { parleyIn } from '../helpers/in-process.js';
import { fakeNote } from '../helpers/home-fixture.js';
import { ownJournal } from '../helpers/journal.js';

const NOW = '2026-03-01T09:00:00Z';
/** UTC, so the learning days (starting 04:00 local) are the same wherever the tests run. */
const ENV = { PARLEY_NOW: NOW, TZ: 'UTC' };

const notes = [0, 1, 2].map((i) => fakeNote(7, i));
const deck: Deck = { format: DECK_FORMAT, name: 'River walk', slug: 'river-walk', source: { sha256: 'r' }, notes };
const card = (i: number, direction: 'zh-en' | 'en-zh' = 'zh-en') => cardId(notes[i]!.id, direction);

function state(state: CardState['state'], due: string, scheduled_days: number, last_review: string): CardState {
  return { due, stability: Math.max(1, scheduled_days), difficulty: 5, elapsed_days: 0, scheduled_days, learning_steps: 0, reps: 1, lapses: 0, state, last_review };
}

let n = 0;
function review(id: string, at: string, rating: Grade, before: CardState | null, after: CardState, durationMs = 5000): CardEntry {
  return { type: 'review', id: `e${n++}`, at, deck: deck.slug, cardId: id, rating, durationMs, before, after };
}

/**
 * A journal with fixed dates: n0 reviewed twice (a pass on a young card), n1 lapsed once and
 * relearnt the same day, n2 introduced today (one grade undone).
 */
function journal(): CardEntry[] {
  const a = state(2, '2026-02-25T10:00:00Z', 5, '2026-02-20T10:00:00Z');
  const b = state(2, '2026-03-22T10:00:00Z', 25, '2026-02-25T10:00:00Z');
  const c = state(2, '2026-02-23T10:00:00Z', 3, '2026-02-20T10:00:00Z');
  const d = state(3, '2026-02-23T10:10:00Z', 0, '2026-02-23T10:00:00Z');
  const e = state(2, '2026-03-02T10:00:00Z', 7, '2026-02-23T10:10:00Z');
  const f = state(1, '2026-03-01T08:10:00Z', 0, '2026-03-01T08:00:00Z');
  const g = state(2, '2026-03-04T08:00:00Z', 3, '2026-03-01T08:05:00Z');
  const h = state(1, '2026-03-01T08:31:00Z', 0, '2026-03-01T08:30:00Z');
  const undone = review(card(2, 'en-zh'), '2026-03-01T08:30:00Z', 1, null, h);
  return [
    review(card(0), '2026-02-20T10:00:00Z', 3, null, a),
    review(card(0), '2026-02-25T10:00:00Z', 3, a, b),
    review(card(1), '2026-02-20T10:00:00Z', 3, null, c),
    review(card(1), '2026-02-23T10:00:00Z', 1, c, d),
    review(card(1), '2026-02-23T10:10:00Z', 3, d, e),
    review(card(2), '2026-03-01T08:00:00Z', 3, null, f),
    review(card(2), '2026-03-01T08:05:00Z', 4, f, g, 6000),
    undone,
    { type: 'undo', id: `e${n++}`, at: '2026-03-01T08:30:05Z', deck: deck.slug, cardId: undone.cardId, target: undone.id, before: h, restored: null },
  ];
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^parley: .+ — .+/);
  return lines[0]!;
}

const json = async (args: string[], home: string) => {
  const result = await parleyIn([...args, '--json'], { home, env: ENV });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

let home: string;
beforeEach(() => {
  home = tempHome();
  writeDeck(layout(home), deck);
  writeFileSync(ownJournal(home), journal().map((e) => `${JSON.stringify(e)}\n`).join(''));
});

describe('parley stats', () => {
  it('pins today, retention, cards by state, forecast and heatmap', async () => {
    const stats = await json(['stats'], home);
    // Left: n2 was studied today, so its other card waits; n0 and n1 each give one new card.
    expect(stats.today).toEqual({ reviews: 2, left: 2, timeMs: 11_000, streak: 1 });
    expect(stats.reviews).toEqual({ today: 2, last30Days: 7, total: 7 });
    expect(stats.retention.young).toEqual({ passed: 1, failed: 1, rate: 0.5 });
    expect(stats.retention.mature).toEqual({ passed: 0, failed: 0, rate: null });
    expect(stats.byState.total).toEqual({ new: 3, learning: 0, review: 3, suspended: 0 });
    expect(stats.forecast).toHaveLength(30);
    expect(stats.forecast.filter((d: { due: number }) => d.due > 0)).toEqual([
      { date: '2026-03-02', due: 1 }, { date: '2026-03-04', due: 1 }, { date: '2026-03-22', due: 1 },
    ]);
    expect(stats.heatmap.at(-1)).toEqual({ date: '2026-03-01', reviews: 2 });
    expect(stats.heatmap.filter((d: { reviews: number }) => d.reviews > 0).map((d: { date: string }) => d.date))
      .toEqual(['2026-02-20', '2026-02-23', '2026-02-25', '2026-03-01']);
    expect(stats.byState.decks[0].recall.cards).toBe(3);
  });

  it('fits 80 columns, in colour and as plain numbers', async () => {
    const plain = await parleyIn(['stats'], { home, env: ENV });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('2 reviewed in 11s');
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const colour = await parleyIn(['stats'], { home, env: { ...ENV, FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(colour.stdout).toMatch(/\u001b\[/);
    for (const out of [plain.stdout, colour.stdout]) {
      for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    }
  });

  it('says so in one line for an unknown deck', async () => {
    const result = await parleyIn(['stats', 'nope'], { home, env: ENV });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain('no deck named "nope"');
  });
});

describe('parley show', () => {
  it('lists notes in article order with each card\'s state, filtered by state', async () => {
    const all = await json(['show', 'river-walk'], home);
    expect(all.notes.map((x: { id: string }) => x.id)).toEqual(notes.map((x) => x.id));
    expect(all.notes[0].cards[0]).toEqual({ id: card(0), direction: 'zh-en', state: 'review', due: '2026-03-22T10:00:00Z', stability: 25 });
    const review = await json(['show', 'River walk', '--state', 'review'], home);
    expect(review.notes.flatMap((x: { cards: { id: string }[] }) => x.cards.map((c) => c.id))).toEqual([card(0), card(1), card(2)]);
    const bad = await parleyIn(['show', 'river-walk', '--state', 'lost'], { home, env: ENV });
    expect(bad.code).toBe(2);
    expect(oneLine(bad.stderr)).toContain("argument 'lost' is invalid");
  });
});

describe('a relearning card', () => {
  it('counts as learning in decks, stats and show alike', async () => {
    const lapsed = review(card(0, 'en-zh'), '2026-03-01T08:40:00Z', 1,
      state(2, '2026-03-01T08:00:00Z', 9, '2026-02-20T10:00:00Z'), state(3, '2026-03-01T08:50:00Z', 0, '2026-03-01T08:40:00Z'));
    writeFileSync(ownJournal(home), [...journal(), lapsed].map((e) => `${JSON.stringify(e)}\n`).join(''));
    expect((await json(['decks'], home))[0].learning).toBe(1);
    expect((await json(['stats'], home)).byState.total.learning).toBe(1);
    const learning = await json(['show', 'river-walk', '--state', 'learning'], home);
    expect(learning.notes.flatMap((x: { cards: { state: string }[] }) => x.cards.map((c) => c.state))).toEqual(['relearning']);
  });
});

describe('parley export', () => {
  it('writes an Anki file atomically to -o', async () => {
    const out = join(home, 'river.txt');
    const result = await parleyIn(['export', 'river-walk', '--format', 'anki', '-o', out], { home, env: ENV });
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab', '#html:false', '#notetype:parley', '#deck:River walk',
      '#columns:id\tzh\ten\tpinyin\tpos\tnote\tcontext_zh\tcontext_en\tcloze\tcloze_hint\tcloze_term\ttags', '#tags column:12',
    ]);
    expect(lines[6]!.split('\t')[0]).toBe(notes[0]!.id);
    expect(readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an unknown format or an unwritable -o in one line and writes nothing', async () => {
    const format = await parleyIn(['export', 'river-walk', '--format', 'xlsx', '-o', join(home, 'x.xlsx')], { home, env: ENV });
    expect(format.code).toBe(2);
    expect(oneLine(format.stderr)).toContain("argument 'xlsx' is invalid");
    expect(existsSync(join(home, 'x.xlsx'))).toBe(false);
    const missing = join(home, 'no', 'such', 'dir', 'x.txt');
    const path = await parleyIn(['export', 'river-walk', '--format', 'csv', '-o', missing], { home, env: ENV });
    expect(path.code).toBe(1);
    expect(oneLine(path.stderr)).toContain('cannot write');
    expect(existsSync(join(home, 'no'))).toBe(false);
    const dir = await parleyIn(['export', 'river-walk', '--format', 'md', '-o', home], { home, env: ENV });
    expect(dir.code).toBe(1);
    expect(readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exports the review history as the FSRS optimizer\'s CSV, undone grades left out', async () => {
    const out = join(home, 'reviews.csv');
    expect((await parleyIn(['export', '--reviews', '-o', out], { home, env: ENV })).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe(`${card(0)},${Date.parse('2026-02-20T10:00:00Z')},3,0,5000`);
    expect(lines[3]).toBe(`${card(1)},${Date.parse('2026-02-23T10:00:00Z')},1,2,5000`);
  });
});

describe('parley optimize', () => {
  it('changes nothing with too little history', async () => {
    const result = await parleyIn(['optimize', '--apply'], { home, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Only 7 reviews');
    expect(existsSync(join(home, 'settings.json'))).toBe(false);
  });

  it('says in one line that there is nothing to fit without history', async () => {
    const empty = tempHome();
    const result = await parleyIn(['optimize'], { home: empty, env: ENV });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toContain('no review history');
  });
});

describe('deck management', () => {
  it('suspends and unsuspends a note by an id prefix', async () => {
    expect((await parleyIn(['suspend', notes[1]!.id.slice(0, 8)], { home, env: ENV })).code).toBe(0);
    expect((await json(['stats'], home)).byState.total.suspended).toBe(2);
    expect((await parleyIn(['unsuspend', notes[1]!.id], { home, env: ENV })).code).toBe(0);
    expect((await json(['stats'], home)).byState.total).toEqual({ new: 3, learning: 0, review: 3, suspended: 0 });
    expect((await parleyIn(['suspend', 'zzzz'], { home, env: ENV })).code).toBe(1);
  });

  it('renames a deck with its schedule, which survives losing the state file', async () => {
    const result = await parleyIn(['deck', 'rename', 'river-walk', 'Egret days'], { home, env: ENV });
    expect(result.code).toBe(0);
    expect(existsSync(join(home, 'decks', 'river-walk.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(home, 'decks', 'egret-days.json'), 'utf8')).name).toBe('Egret days');
    const after = await json(['stats', 'egret-days'], home);
    expect(after.byState.total.review).toBe(3);
    expect(after.reviews.total).toBe(7);
    rmSync(join(home, 'state.json'), { force: true });
    expect((await json(['stats', 'egret-days'], home)).byState.total.review).toBe(3);
  });

  it('deletes a deck only when confirmed, keeping its history for a re-import', async () => {
    const refused = await parleyIn(['deck', 'delete', 'river-walk'], { home, env: ENV });
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toContain('--yes');
    expect(existsSync(join(home, 'decks', 'river-walk.json'))).toBe(true);
    expect((await parleyIn(['deck', 'delete', 'river-walk', '--yes'], { home, env: ENV })).code).toBe(0);
    expect(existsSync(join(home, 'decks', 'river-walk.json'))).toBe(false);
    mkdirSync(join(home, 'decks'), { recursive: true });
    writeDeck(layout(home), deck);
    expect((await json(['stats'], home)).byState.total.review).toBe(3);
  });

  it('on a terminal, asks before deleting, showing the deck\'s name rather than obeying it', async () => {
    writeDeck(layout(home), { ...deck, name: 'River\x1b[2J walk' });
    const terminal = { isTTY: true };
    const asked = (answer: boolean) => [{ message: /^Delete deck "River\\u001b\[2J walk" \(3 notes\)\?/, answer }];
    const kept = await parleyIn(['deck', 'delete', 'river-walk'], { home, env: ENV, terminal, answers: asked(false) });
    expect(kept).toEqual({ code: 0, stdout: 'Nothing deleted.\n', stderr: '' });
    expect(existsSync(join(home, 'decks', 'river-walk.json'))).toBe(true);
    const deleted = await parleyIn(['deck', 'delete', 'river-walk'], { home, env: ENV, terminal, answers: asked(true) });
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(/^Deleted deck "River\\u001b\[2J walk"/);
    expect(existsSync(join(home, 'decks', 'river-walk.json'))).toBe(false);
  });
});
