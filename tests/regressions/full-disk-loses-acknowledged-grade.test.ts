// Attack (issue 10, item 2): a review on a nearly full disk. `appendJournal` ignored a short
// writeSync: the kernel wrote 156 of a line's bytes, parley fsynced and acknowledged the grade (the
// next card showed), and the journal ended in a torn fragment that the next load dropped as "never
// acknowledged". The same ignored short write sat in writeFileAtomic, and a full disk while taking
// the lock ended the review session with an error.
// Fix: writes loop until every byte is down; on ENOSPC/EDQUOT/EIO the journal is cut back to its
// last whole line and fsynced, nothing is acknowledged, and a one-line "disk full — free space and
// press the key again" is shown on the review screen with the card kept, so the same key works
// once there is room. writeFileAtomic never leaves its temp file behind.
// The disk is simulated here (node:fs mocked: short counts, then ENOSPC); `npm run reliability`
// fills a real tmpfs ("disk full").
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { CardState, JournalEntry } from '../../src/core/srs/card-state.js';
import { writeFileAtomic } from '../../src/store/atomic.js';
import { readJournal } from '../../src/store/journal.js';
import { Store } from '../../src/store/store.js';
import { createTestIO, type TestIO } from '../helpers/test-io.js';
import { tempHome } from '../helpers/cli.js';
import { makeHome } from '../helpers/home-fixture.js';
import { parleyIn } from '../helpers/in-process.js';
import { journalOf, ownJournal } from '../helpers/journal.js';

/** What the simulated disk does to the next writes to files (descriptors above 2). */
const disk = vi.hoisted(() => ({ plan: [] as Array<number | 'ENOSPC'>, full: false, calls: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const enospc = (syscall: string) => Object.assign(new Error(`ENOSPC: no space left on device, ${syscall}`), { code: 'ENOSPC', syscall });
  const writeSync = (fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number => {
    if (fd <= 2 || (!disk.full && disk.plan.length === 0)) return (fs.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    disk.calls++;
    if (disk.full) throw enospc('write');
    const step = disk.plan.shift()!;
    if (step === 'ENOSPC') throw enospc('write');
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const offset = typeof data === 'string' ? 0 : ((rest[0] as number | undefined) ?? 0);
    const length = typeof data === 'string' ? bytes.length : ((rest[1] as number | undefined) ?? bytes.length - offset);
    const position = typeof data === 'string' ? undefined : (rest[2] as number | null | undefined);
    return fs.writeSync(fd, bytes, offset, Math.min(step, length), position);
  };
  const writeFileSync = (path: unknown, ...rest: unknown[]) => {
    if (disk.full) throw enospc('open');
    return (fs.writeFileSync as (...a: unknown[]) => void)(path, ...rest);
  };
  return { ...fs, default: { ...fs, writeSync, writeFileSync }, writeSync, writeFileSync };
});

const NOW = '2026-11-29T10:00:00.000Z';

afterEach(() => {
  disk.plan = [];
  disk.full = false;
  disk.calls = 0;
});

function state(reps: number): CardState {
  return { due: NOW, stability: reps, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps, lapses: 0, state: 2, last_review: NOW };
}

function grade(id: string, before: CardState | null, after: CardState): JournalEntry {
  return { type: 'review', id, at: NOW, deck: 'd', cardId: 'n1:zh-en', rating: 3, durationMs: 1200, before, after };
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => /\.tmp|\.lock/.test(n));

describe('a full disk never loses an acknowledged grade', () => {
  it('writes the whole line when the disk takes it a few bytes at a time', () => {
    const home = tempHome();
    const store = new Store(home);
    disk.plan = [7, 1, 50];
    expect(store.commit([grade('a', null, state(1))])).toEqual({ ok: true });
    const read = readJournal(journalOf(home));
    expect(read.entries.map((e) => e.entry.id)).toEqual(['a']);
    expect(read.tornBytes).toBe(0);
    expect(readFileSync(journalOf(home), 'utf8').endsWith('\n')).toBe(true);
    expect(disk.calls).toBe(3);
  });

  it('refuses a grade the disk cut short, leaves the journal as it was, and takes it once there is room', () => {
    const home = tempHome();
    const store = new Store(home);
    expect(store.commit([grade('a', null, state(1))])).toEqual({ ok: true });
    const journal = journalOf(home);
    const before = readFileSync(journal);
    disk.plan = [100, 'ENOSPC'];
    let thrown: unknown;
    try {
      store.commit([grade('b', state(1), state(2))]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect(`${(thrown as UserError).message} — ${(thrown as UserError).todo}`).toMatch(/^disk full\b.* — free space and /);
    expect(readFileSync(journal).equals(before)).toBe(true);
    expect(leftovers(home)).toEqual([]);

    // Space freed: the same grade goes through, and every load agrees.
    expect(store.commit([grade('b', state(1), state(2))])).toEqual({ ok: true });
    const fresh = new Store(home);
    expect(fresh.journal().map((e) => e.id)).toEqual(['a', 'b']);
    expect(fresh.takeWarnings()).toEqual([]);
  });

  it('says "disk full" when even the lock cannot be written, and leaves nothing behind', () => {
    const home = tempHome();
    const store = new Store(home);
    expect(store.commit([grade('a', null, state(1))])).toEqual({ ok: true });
    const journal = journalOf(home);
    const before = readFileSync(journal);
    disk.full = true;
    expect(() => store.commit([grade('b', state(1), state(2))])).toThrow(/^disk full/);
    disk.full = false;
    expect(readFileSync(journal).equals(before)).toBe(true);
    expect(leftovers(home)).toEqual([]);
  });

  it('writeFileAtomic writes every byte of a short-written file and never leaves its temp file', () => {
    const dir = tempHome();
    const file = join(dir, 'deck.json');
    const text = `${JSON.stringify({ zh: '夜市的灯一盏一盏亮了起来。', en: 'The night market lamps lit up one by one.' })}\n`.repeat(20);
    disk.plan = [10, 3, 200];
    writeFileAtomic(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);

    writeFileSync(file, 'old\n');
    disk.plan = [64, 'ENOSPC'];
    expect(() => writeFileAtomic(file, text)).toThrow(/^disk full/);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(leftovers(dir)).toEqual([]);
  });
});

/** A terminal for an in-process review: keys go in, frames come out. */
function fakeTerminal(): { io: TestIO; type(keys: string): void; screen(): string; until(text: string | RegExp): Promise<string> } {
  const io = createTestIO({ isTTY: true });
  const plain = () => io.stdoutText().replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\r/g, '');
  let seen = 0;
  return {
    io,
    type: (keys) => io.type(keys),
    screen: plain,
    async until(text) {
      for (let i = 0; i < 400; i++) {
        const now = plain().slice(seen);
        if (typeof text === 'string' ? now.includes(text) : text.test(now)) {
          seen = plain().length;
          return now;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`timed out waiting for ${String(text)}; screen:\n${plain().slice(-1500)}`);
    },
  };
}

describe('a review session on a full disk', () => {
  it('shows "disk full" in one line, keeps the card, and takes the same key once there is room', async () => {
    const home = tempHome();
    await makeHome(home, { decks: 1, notesPerDeck: 4, reviewed: 0, now: new Date(NOW) });
    // The device is made before the disk fills: the line the disk cuts is the grade's.
    const journal = ownJournal(home);
    const terminal = fakeTerminal();
    const session = parleyIn(['review', '--direction', 'zh-en', '--new', '2'], { home, env: { PARLEY_NOW: NOW }, io: terminal.io });

    await terminal.until('new 2');
    terminal.type(' ');
    const revealed = await terminal.until('3 Good');
    const prompt = revealed.match(/第0组第\d+句/)?.[0];
    expect(prompt).toBeDefined();

    // The journal takes 100 bytes of the line, then no more; then not even the lock file fits.
    for (const fill of [() => (disk.plan = [100, 'ENOSPC']), () => (disk.full = true)]) {
      fill();
      terminal.type('3');
      const refused = await terminal.until('disk full');
      // One message (wrapped to the screen's width): what happened, then what to do.
      expect(refused.replace(/\s+/g, '')).toMatch(/diskfull\(ENOSPCwriting\S+\)—freespaceandpressthekeyagain/);
      // The card stays, answer shown, ready for the same key.
      expect(refused).toContain(prompt);
      expect(refused).toContain('3 Good');
      expect(existsSync(journal) ? readFileSync(journal, 'utf8') : '').toBe('');
    }

    disk.full = false;
    terminal.type('3');
    await terminal.until('new 1');
    expect(readJournal(journal).entries).toHaveLength(1);
    terminal.type('q');
    expect((await session).code).toBe(0);
    expect(terminal.screen()).toMatch(/cards done\s+1/);
    expect(readJournal(journal).entries.map((e) => e.entry.type)).toEqual(['review']);
    expect(leftovers(home)).toEqual([]);
  });
});
