// `parley sync` in-process, between two homes and a bare repository on local disk: everything one
// machine did reaches the other, and the two homes end up showing the same decks and stats.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/file.js';
import {
  BRIDGE, bareRepository, emptyDirectory, entryIds, GIT_ENV, HERON, importText, missingHome, MONDAY, parleyAt, review,
  RIVER, snapshot, sync, TUESDAY, view,
} from './fixtures.js';

const ONE_LINE = /^parley: [^\n]+ — [^\n]+\n$/;

/** git itself, to look at what parley made of a home's repository. */
function git(home: string, ...args: string[]): string {
  return execFileSync('git', ['-C', home, ...args], { env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

describe('parley sync between two homes', () => {
  it('brings decks and reviews to a new machine, and back', async () => {
    const remote = bareRepository();
    const a = missingHome();
    const b = missingHome();
    await importText(a, 'river.txt', RIVER);
    await review(a, MONDAY, 2);
    const first = await sync(a, remote);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`synced with ${remote}: received nothing; sent 2 history entries, 1 new deck\n`);

    const second = await sync(b, remote);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toBe(`synced with ${remote}: received 2 history entries, 1 new deck; sent nothing\n`);
    expect(await view(b)).toEqual(await view(a));
    expect((await view(b)).stats).toMatchObject({ reviews: { total: 2 } });

    await review(b, TUESDAY, 1);
    expect((await sync(b)).stdout).toBe(`synced with ${remote}: received nothing; sent 1 history entry\n`);
    expect((await sync(a)).stdout).toBe(`synced with ${remote}: received 1 history entry; sent nothing\n`);
    expect(await view(a)).toEqual(await view(b));
    expect((await view(a)).stats).toMatchObject({ reviews: { total: 3 } });
    for (const home of [a, b]) {
      const ids = entryIds(home);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
    }
    // The machine-local files stay local: each home has its own device.
    expect(readFileSync(join(a, 'local.json'), 'utf8')).not.toBe(readFileSync(join(b, 'local.json'), 'utf8'));
    expect(git(b, 'ls-files').split('\n').sort()).toEqual(['.gitignore', 'decks/river.json', ...readdirJournal(a)].sort());
    expect((await sync(a)).stdout).toBe(`synced with ${remote}: nothing new either way\n`);
  });

  it('keeps the notes each machine added to the same deck', async () => {
    const remote = bareRepository();
    const [a, b] = [missingHome(), missingHome()];
    await importText(a, 'river.txt', RIVER);
    await sync(a, remote);
    await sync(b, remote);
    await importText(a, 'bridge.txt', BRIDGE);
    await importText(b, 'heron.txt', HERON);
    expect((await sync(a)).code).toBe(0);
    const merging = await sync(b);
    expect(merging).toMatchObject({ code: 0, stderr: '' });
    expect(merging.stdout).toBe(`synced with ${remote}: received 1 changed deck; sent 1 changed deck\n`);
    expect((await sync(a)).code).toBe(0);
    const ens = (home: string) => parseDeck(readFileSync(join(home, 'decks', 'river.json'), 'utf8'), 'river.json').notes.map((n) => n.en);
    expect(ens(a)).toEqual(expect.arrayContaining(['A flock of white ducks lives under the bridge.', 'Sometimes a grey heron stands in the shallow water.']));
    expect(ens(a)).toHaveLength(5);
    expect(ens(b)).toEqual(ens(a));
    expect(await view(a)).toEqual(await view(b));
  });

  it('carries a rename to the other machine, with the reviews it made of the old deck meanwhile', async () => {
    const remote = bareRepository();
    const [a, b] = [missingHome(), missingHome()];
    await importText(a, 'river.txt', RIVER);
    await sync(a, remote);
    await sync(b, remote);
    expect((await parleyAt(a, ['deck', 'rename', 'river', 'creek'], { PARLEY_NOW: MONDAY })).code).toBe(0);
    await review(b, TUESDAY, 2);
    await sync(a);
    const merging = await sync(b);
    expect(merging).toMatchObject({ code: 0, stderr: '' });
    expect(merging.stdout).toBe(`synced with ${remote}: received 1 history entry, 1 new deck, 1 removed deck; sent 3 history entries\n`);
    await sync(a);
    const [viewA, viewB] = [await view(a), await view(b)];
    expect(viewA).toEqual(viewB);
    expect(viewA.decks).toEqual([expect.objectContaining({ slug: 'creek', learning: 2 })]);
    // The old deck file went on the machine that renamed it, and so on the other.
    expect(existsSync(join(b, 'decks', 'river.json'))).toBe(false);
  });

  it('reports a note both machines changed in one line and keeps both versions', async () => {
    const remote = bareRepository();
    const [a, b] = [missingHome(), missingHome()];
    await importText(a, 'river.txt', RIVER);
    await sync(a, remote);
    await sync(b, remote);
    // Each machine corrects the same translation its own way: same note id, different English.
    await importText(a, 'river.txt', RIVER.replace('thin mist', 'light mist'));
    await importText(b, 'river.txt', RIVER.replace('thin mist', 'pale fog'));
    await sync(a);
    const merging = await sync(b);
    expect(merging.code).toBe(0);
    expect(merging.stderr).toMatch(ONE_LINE);
    expect(merging.stderr).toMatch(/^parley: 1 note of deck river changed differently on both machines: kept this machine's — .*decks\/river\.json\.conflict/);
    const kept = readFileSync(join(b, 'decks', 'river.json'), 'utf8');
    const other = readFileSync(join(b, 'decks', 'river.json.conflict'), 'utf8');
    expect(kept).toContain('pale fog');
    expect(kept).not.toContain('<<<<<<<');
    expect(other).toContain('light mist');
    // Both files are whole decks; the deck still lists and the conflict file is no deck of its own.
    parseDeck(kept, 'river.json');
    parseDeck(other, 'river.json.conflict');
    expect((await view(b)).decks).toHaveLength(1);
    // Both versions reach the other machine too.
    expect((await sync(a)).code).toBe(0);
    expect(readFileSync(join(a, 'decks', 'river.json.conflict'), 'utf8')).toBe(other);
    expect(readFileSync(join(a, 'decks', 'river.json'), 'utf8')).toBe(kept);
  });

  it('merges settings key by key, and says which side a key both changed took', async () => {
    const remote = bareRepository();
    const [a, b] = [missingHome(), missingHome()];
    await importText(a, 'river.txt', RIVER);
    await sync(a, remote);
    await sync(b, remote);
    await parleyAt(a, ['config', 'set', 'newPerDay', '7']);
    await parleyAt(a, ['config', 'set', 'showPinyin', 'true']);
    await parleyAt(b, ['config', 'set', 'newPerDay', '9']);
    await parleyAt(b, ['config', 'set', 'direction', 'en-zh']);
    // Commit times decide a key both changed: b's change is committed first, a's later.
    const at = (date: string) => ({ GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date });
    await parleyAt(b, ['sync'], at('2026-12-01T09:00:00Z'));
    const merging = await parleyAt(a, ['sync'], at('2026-12-02T09:00:00Z'));
    expect(merging).toMatchObject({ code: 0, stderr: '' });
    expect(merging.stdout).toContain("newPerDay changed on both machines: took this machine's value (its change is the newer)\n");
    await sync(b);
    for (const home of [a, b]) {
      const settings = JSON.parse((await parleyAt(home, ['config', 'list', '--json'])).stdout);
      expect(settings).toMatchObject({ newPerDay: 7, showPinyin: true, direction: 'en-zh' });
    }
    // The other way round: the fetched change is the newer one.
    await parleyAt(a, ['config', 'set', 'newPerDay', '3']);
    await parleyAt(b, ['config', 'set', 'newPerDay', '4']);
    await parleyAt(a, ['sync'], at('2026-12-05T09:00:00Z'));
    const taking = await parleyAt(b, ['sync'], at('2026-12-04T09:00:00Z'));
    expect(taking.stdout).toContain("newPerDay changed on both machines: took the other machine's value (its change is the newer)\n");
    await sync(a);
    for (const home of [a, b]) expect((await parleyAt(home, ['config', 'get', 'newPerDay'])).stdout).toBe('3\n');
  });
});

function readdirJournal(home: string): string[] {
  return git(home, 'ls-files', 'journal').split('\n');
}

describe('parley sync and what a killed run leaves', () => {
  it('commits a journal up to its last whole line, leaving a torn one for the next write to replace', async () => {
    const remote = bareRepository();
    const home = missingHome();
    await importText(home, 'river.txt', RIVER);
    await review(home, MONDAY, 1);
    const journal = join('journal', readdirSync(join(home, 'journal'))[0]!);
    const whole = readFileSync(join(home, journal), 'utf8');
    appendFileSync(join(home, journal), '{"id":"cut-sh');
    expect((await sync(home, remote)).code).toBe(0);
    expect(`${git(home, 'show', `HEAD:${journal}`)}\n`).toBe(whole);
    expect(git(remote, 'show', `main:${journal}`)).toBe(whole.trimEnd());
  });

  it('takes over the sync lock and the git locks of a sync that was killed', async () => {
    const remote = bareRepository();
    const home = missingHome();
    await importText(home, 'river.txt', RIVER);
    await sync(home, remote);
    await review(home, MONDAY, 1);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(home, '.parley-sync.lock'), `${dead} ${Date.now()}\n`);
    writeFileSync(join(home, '.git', 'index.lock'), '');
    writeFileSync(join(home, '.git', 'refs', 'heads', 'main.lock'), '');
    const result = await sync(home);
    expect(result).toMatchObject({ code: 0, stdout: `synced with ${remote}: received nothing; sent 1 history entry\n` });
    expect(existsSync(join(home, '.parley-sync.lock'))).toBe(false);
    expect(existsSync(join(home, '.git', 'index.lock'))).toBe(false);
  });
});

describe('parley sync REMOTE on a home that remembers another', () => {
  it('syncs with the new one from then on, and says so', async () => {
    const [first, second] = [bareRepository(), bareRepository()];
    const home = missingHome();
    await importText(home, 'river.txt', RIVER);
    await sync(home, first);
    const moved = await sync(home, second);
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    expect(moved.stdout).toBe(`now syncing with ${second} (was ${first})\nsynced with ${second}: received nothing; sent 1 new deck\n`);
    expect((await sync(home)).stdout).toBe(`synced with ${second}: nothing new either way\n`);
    expect(git(home, 'config', 'remote.origin.url')).toBe(second);
  });
});

describe('parley sync refusals', () => {
  it('says in one line that git is missing, and touches nothing', async () => {
    const home = missingHome();
    const result = await parleyAt(home, ['sync', bareRepository()], { PATH: emptyDirectory() });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'parley: git is not installed or not on PATH — install git, or sync the home folder with a folder-sync tool (README "Two machines")\n',
    });
    expect(existsSync(home)).toBe(false);
  });

  it('asks for a remote the first time', async () => {
    const home = missingHome();
    const result = await sync(home);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^parley: no remote to sync with — give one the first time: `parley sync <git URL/);
    expect(existsSync(home)).toBe(false);
  });

  it('refuses a remote git would take for an option', async () => {
    const result = await sync(missingHome(), '--', '--upload-pack=touch /tmp/x');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ONE_LINE);
  });

  it('says in one line why an unreachable remote failed, and changes nothing', async () => {
    const remote = bareRepository();
    const home = missingHome();
    await importText(home, 'river.txt', RIVER);
    await sync(home, remote);
    const before = snapshot(home);
    const head = git(home, 'rev-parse', 'HEAD');
    const gone = join(emptyDirectory(), 'nowhere.git');
    const result = await sync(home, gone);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(ONE_LINE);
    expect(result.stderr).toContain(`parley: cannot reach ${gone}: '${gone}' does not appear to be a git repository — `);
    expect(snapshot(home)).toEqual(before);
    expect(git(home, 'rev-parse', 'HEAD')).toBe(head);
    // The remote that failed is not remembered.
    expect(git(home, 'config', 'remote.origin.url')).toBe(remote);
  });

  it('stops a remote that does not answer, at the time limit', async () => {
    const home = missingHome();
    await importText(home, 'river.txt', RIVER);
    const started = Date.now();
    const result = await parleyAt(home, ['sync', 'ssh://parley.invalid/home.git'], { PARLEY_SYNC_TIMEOUT: '1', GIT_SSH_COMMAND: "sh -c 'sleep 4' --" });
    expect(Date.now() - started).toBeLessThan(3500);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('parley: cannot reach ssh://parley.invalid/home.git: no answer within 1 s — check the address and the network, then run `parley sync` again\n');
  });
});

describe('parley sync --status', () => {
  it('says what would move both ways and changes nothing', async () => {
    const remote = bareRepository();
    const [a, b] = [missingHome(), missingHome()];
    await importText(a, 'river.txt', RIVER);
    await sync(a, remote);
    await sync(b, remote);
    await review(b, MONDAY, 2);
    await sync(b);
    await review(a, TUESDAY, 1);
    await importText(a, 'heron.txt', HERON, 'heron');
    const before = snapshot(a);
    const head = git(a, 'rev-parse', 'HEAD');
    const index = readFileSync(join(a, '.git', 'index'));
    const status = await parleyAt(a, ['sync', '--status']);
    expect(status).toEqual({ code: 0, stdout: `${remote}: a sync would receive 2 history entries and send 1 history entry, 1 new deck\n`, stderr: '' });
    expect(snapshot(a)).toEqual(before);
    expect(git(a, 'rev-parse', 'HEAD')).toBe(head);
    expect(readFileSync(join(a, '.git', 'index'))).toEqual(index);
    expect(existsSync(join(a, '.git', 'parley-status.index'))).toBe(false);
    // And a sync then moves just that.
    expect((await sync(a)).stdout).toBe(`synced with ${remote}: received 2 history entries; sent 1 history entry, 1 new deck\n`);
    expect((await parleyAt(a, ['sync', '--status'])).stdout).toBe(`${remote}: in step, a sync would move nothing\n`);
  });
});
