// `parley sync` as a user's shell runs it: the built CLI, two homes and a bare repository made by
// `git init --bare` on local disk. Journal lines here come from `suspend`, which needs no terminal.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, parley, tempHome } from '../helpers/cli.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', TZ: 'UTC', PARLEY_NOW: '2026-11-30T09:00:00.000Z' };

const ORCHARD = [
  '果园里的秋天', '',
  '九月的果园里到处都是苹果的香味。', '', 'In September the orchard smells of apples everywhere.', '',
  '孩子们帮爷爷把梨装进竹篮。', '', 'The children help their grandfather put pears into bamboo baskets.', '',
].join('\n');

function bare(): string {
  const path = join(tempHome(), 'orchard.git');
  execFileSync('git', ['init', '-q', '--bare', path], { env: { ...process.env, ...GIT_ENV } });
  return path;
}

const run = (home: string, args: string[], env: Record<string, string> = {}) => parley(args, { home, env: { ...GIT_ENV, ...env } });

/** The sentence notes: two cards each, where a suggested word with a cloze card has three. */
function noteIds(home: string): string[] {
  return JSON.parse(run(home, ['show', 'orchard', '--json']).stdout).notes
    .filter((n: { kind: string }) => n.kind === 'sentence').map((n: { id: string }) => n.id);
}

/** Two machines that synced once through a new bare repository: a imported the orchard article, b took it. */
function syncedPair(): { remote: string; a: string; b: string } {
  const remote = bare();
  const [a, b] = [tempHome(), tempHome()];
  const article = join(tempHome(), 'orchard.txt');
  writeFileSync(article, ORCHARD);
  run(a, ['import', article]);
  run(a, ['sync', remote]);
  run(b, ['sync', remote]);
  return { remote, a, b };
}

describe('parley sync (built CLI)', () => {
  it('makes a second machine show what the first has, and back', () => {
    const remote = bare();
    const a = tempHome();
    const b = join(tempHome(), 'second-machine');
    const article = join(tempHome(), 'orchard.txt');
    writeFileSync(article, ORCHARD);
    expect(run(a, ['import', article]).status).toBe(0);
    const [first, second] = noteIds(a);
    expect(run(a, ['suspend', first!]).status).toBe(0);

    expect(run(a, ['sync', remote])).toEqual({ status: 0, stdout: `synced with ${remote}: received nothing; sent 2 history entries, 1 new deck\n`, stderr: '' });
    expect(run(b, ['sync', remote])).toEqual({ status: 0, stdout: `synced with ${remote}: received 2 history entries, 1 new deck; sent nothing\n`, stderr: '' });
    for (const command of [['decks', '--json'], ['stats', '--json']]) expect(run(b, command).stdout).toBe(run(a, command).stdout);
    expect(JSON.parse(run(b, ['decks', '--json']).stdout)[0]).toMatchObject({ slug: 'orchard', suspended: 2 });

    expect(run(b, ['suspend', second!]).status).toBe(0);
    expect(run(b, ['sync']).status).toBe(0);
    expect(run(a, ['sync']).stdout).toBe(`synced with ${remote}: received 2 history entries; sent nothing\n`);
    for (const command of [['decks', '--json'], ['stats', '--json']]) expect(run(a, command).stdout).toBe(run(b, command).stdout);
    expect(JSON.parse(run(a, ['decks', '--json']).stdout)[0]).toMatchObject({ suspended: 4 });
    expect(readFileSync(join(b, '.gitignore'), 'utf8')).toContain('/local.json\n');
  });

  it('fetches and merges again when another machine pushed between its fetch and its push', () => {
    const { remote, a, b } = syncedPair();
    const [first, second] = noteIds(a);
    run(a, ['suspend', first!]);
    run(b, ['suspend', second!]);
    // git runs this hook in a's push, after a's fetch: b syncs right then, once.
    const marker = join(tempHome(), 'b-synced');
    const hook = join(a, '.git', 'hooks', 'pre-push');
    writeFileSync(hook, `#!/bin/sh\n[ -e '${marker}' ] && exit 0\ntouch '${marker}'\nPARLEY_HOME='${b}' '${process.execPath}' '${CLI}' sync >/dev/null 2>&1\nexit 0\n`);
    chmodSync(hook, 0o755);
    const racing = run(a, ['sync']);
    expect(existsSync(marker)).toBe(true);
    expect(racing).toEqual({
      status: 0,
      stdout: `another machine synced meanwhile: fetched and merged again (2 rounds)\nsynced with ${remote}: received 2 history entries; sent 2 history entries\n`,
      stderr: '',
    });
    run(b, ['sync']);
    for (const command of [['decks', '--json'], ['stats', '--json']]) expect(run(b, command).stdout).toBe(run(a, command).stdout);
    expect(JSON.parse(run(a, ['decks', '--json']).stdout)[0]).toMatchObject({ suspended: 4 });
  });

  it('says in one line that git is missing', () => {
    const empty = join(tempHome(), 'bin');
    mkdirSync(empty);
    const home = join(tempHome(), 'home');
    expect(run(home, ['sync', bare()], { PATH: empty })).toEqual({
      status: 1,
      stdout: '',
      stderr: 'parley: git is not installed or not on PATH — install git, or sync the home folder with a folder-sync tool (README "Two machines")\n',
    });
    expect(existsSync(home)).toBe(false);
  });

  it('says in one line that the remote cannot be reached', () => {
    const home = tempHome();
    const gone = join(tempHome(), 'gone.git');
    const result = run(home, ['sync', gone]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`parley: cannot reach ${gone}: '${gone}' does not appear to be a git repository — check the address and the network, then run \`parley sync\` again\n`);
    // The repository the first sync made is taken back with it.
    expect(existsSync(join(home, '.git'))).toBe(false);
    expect(existsSync(join(home, '.gitignore'))).toBe(false);
  });

  it('--status fetches and changes no file', () => {
    const { remote, a, b } = syncedPair();
    run(a, ['suspend', noteIds(a)[0]!]);
    run(a, ['sync']);
    const deck = readFileSync(join(b, 'decks', 'orchard.json'));
    expect(run(b, ['sync', '--status'])).toEqual({ status: 0, stdout: `${remote}: a sync would receive 2 history entries and send nothing\n`, stderr: '' });
    expect(readFileSync(join(b, 'decks', 'orchard.json'))).toEqual(deck);
    expect(JSON.parse(run(b, ['decks', '--json']).stdout)[0]).toMatchObject({ suspended: 0 });
  });
  it('runs no git when neither side has anything new, and still sends a review made since', () => {
    const { remote, a, b } = syncedPair();
    // A git on PATH before the real one that notes each run.
    const bin = join(tempHome(), 'bin');
    const runs = join(tempHome(), 'git-runs');
    mkdirSync(bin);
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${runs}'\nexec '${real}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const counted = (home: string, args: string[]) => run(home, args, { PATH: `${bin}:${process.env.PATH}` });
    const gitRuns = () => (existsSync(runs) ? readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);

    expect(counted(a, ['sync']).stdout).toBe(`synced with ${remote}: nothing new either way\n`);
    const afterFirst = gitRuns();
    expect(counted(a, ['sync']).stdout).toBe(`synced with ${remote}: nothing new either way\n`);
    expect(gitRuns()).toBe(afterFirst);

    // A journal line written since, and another machine's push, each send the next sync to git.
    const [first, second] = noteIds(a);
    run(a, ['suspend', first!]);
    expect(counted(a, ['sync']).stdout).toBe(`synced with ${remote}: received nothing; sent 2 history entries\n`);
    expect(gitRuns()).toBeGreaterThan(afterFirst);
    run(b, ['suspend', second!]);
    run(b, ['sync']);
    expect(counted(a, ['sync']).stdout).toBe(`synced with ${remote}: received 2 history entries; sent nothing\n`);
    expect(JSON.parse(run(a, ['decks', '--json']).stdout)[0]).toMatchObject({ suspended: 4 });
    // Words said known on one machine are known on the other.
    run(b, ['known', 'add', '果园', 'basket']);
    expect(run(b, ['sync']).stdout).toBe(`synced with ${remote}: received nothing; sent 2 known words\n`);
    expect(run(a, ['sync']).stdout).toBe(`synced with ${remote}: received 2 known words; sent nothing\n`);
    expect(run(a, ['known', 'list']).stdout).toBe('果园\nbasket\n');
  });
});
