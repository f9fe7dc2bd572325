// Attack (issue 10, item 20, the files part): kill -9 parley mid-write and it leaves
// `settings.json.tmp-*` and `state.json.tmp-*` (conf's atomic writes), `.lock.<pid>` (the
// lock's pid file) and `.<name>.<pid>.tmp` (writeFileAtomic) behind, for ever.
// Fix: the first time a process takes the home's lock (a write path, so `--version` and `decks`
// pay nothing), it removes parley's own leftovers in the home and its decks/: pid-named
// files whose process is gone, and conf temp files older than a minute (no write takes that
// long). Files of a live process, fresh conf temp files and anything not named like parley's own
// are left alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, tempHome } from '../helpers/cli.js';
import { makeHome } from '../helpers/home-fixture.js';

const NOW = '2026-11-29T10:00:00.000Z';

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function files(home: string): string[] {
  return ['', 'decks', 'journal', 'known', '.git'].flatMap((dir) => readdirSync(join(home, dir)).map((n) => (dir ? `${dir}/${n}` : n))).sort();
}

describe('leftovers of a killed parley are cleaned up on the next write', () => {
  it('removes its own dead files and nothing else, and only on a write path', async () => {
    const home = tempHome();
    await makeHome(home, { decks: 1, notesPerDeck: 20, reviewed: 10, now: new Date(NOW) });
    const dead = deadPid();
    const alive = process.pid;
    const old = new Date(Date.now() - 10 * 60_000);
    mkdirSync(join(home, '.git'));
    mkdirSync(join(home, 'known'));
    const put = (name: string, age?: Date) => {
      writeFileSync(join(home, name), `${dead}\n`);
      if (age) utimesSync(join(home, name), age, age);
    };
    const stale = [
      `.lock.${dead}`,
      `settings.json.tmp-4409123456a1b2c3`,
      `state.json.tmp-4409123456d4e5f6`,
      `.journal.jsonl.${dead}.tmp`,
      `decks/.deck-0.json.${dead}.tmp`,
      // A sync writes other devices' journals whole.
      `journal/.laptop-1a2b.jsonl.${dead}.tmp`,
      // A sync marks, in the repository, that it left nothing to send.
      `.git/.parley-synced.json.${dead}.tmp`,
      `known/.laptop-1a2b.txt.${dead}.tmp`,
    ];
    const kept = [
      `.lock.${alive}`,
      `decks/.deck-0.json.${alive}.tmp`,
      `journal/.laptop-1a2b.jsonl.${alive}.tmp`,
      `settings.json.tmp-4409999999abcdef`,
      `notes.tmp`,
      `decks/我的笔记.txt`,
      `decks/.lock.${dead}.bak`,
    ];
    for (const name of stale) put(name, old);
    for (const name of kept) put(name, name.startsWith('settings') ? undefined : old);
    const everything = files(home);

    // Reading commands never look.
    for (const args of [['--version'], ['decks', '--json'], ['show', 'deck-0']]) {
      expect(parley(args, { home, env: { PARLEY_NOW: NOW } }).status).toBe(0);
    }
    expect(files(home)).toEqual(everything);

    const noteId = JSON.parse(readFileSync(join(home, 'decks', 'deck-0.json'), 'utf8')).notes[15].id as string;
    const result = parley(['suspend', noteId], { home, env: { PARLEY_NOW: NOW } });
    expect(result.status, result.stderr).toBe(0);
    for (const name of stale) expect(existsSync(join(home, name)), name).toBe(false);
    for (const name of kept) expect(existsSync(join(home, name)), name).toBe(true);
  });
});
