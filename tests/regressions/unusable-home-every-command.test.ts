// Issue 10, item 7. The attack: `--home /proc` made `parley import` spin at 100 % CPU forever
// (Node's recursive mkdir of /proc/decks loops on ENOENT) and `config set … --home /proc` died with
// a stack trace (exit 70: ENOENT creating settings.json's temp file). Only /proc/x/y had been
// fixed. The fix: every directory parley makes goes through one helper that creates one level at a
// time and refuses in one line, and a file system that will not take a new file is one line too.
// Here every command runs against homes that cannot be written: each ends within its timeout with
// exit 0 (a read of what is, in effect, an empty home) or exit 1 and one line; a write is always
// refused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';

const SAMPLE = join(ROOT, 'decks', 'morning-market.txt');
const OUT = join(mkdtempSync(join(tmpdir(), 'parley-out-')), 'reviews.csv');

/** Commands that must write to the home to succeed, and so must be refused. */
const WRITES: string[][] = [
  ['import', SAMPLE],
  ['config', 'set', 'newPerDay', '5'],
  ['known', 'add', '邻居'],
];
/** Every other command; on a home parley cannot write, reading finds nothing, or it is refused. */
const OTHERS: string[][] = [
  ['import', SAMPLE, '--dry-run'],
  ['review'],
  ['decks'],
  ['decks', '--json'],
  ['stats', '--json'],
  ['show', 'morning-market'],
  ['export', 'morning-market', '--format', 'csv'],
  ['export', '--reviews', '-o', OUT],
  ['optimize'],
  ['config', 'list'],
  ['known', 'list'],
  ['config', 'get', 'newPerDay'],
  ['deck', 'rename', 'morning-market', 'market'],
  ['deck', 'delete', 'morning-market', '--yes'],
  ['suspend', 'abc123'],
  ['unsuspend', 'abc123'],
];

function run(home: string, args: string[]) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' };
  // A hang is the bug: a short timeout turns it into a failure instead of a stuck suite.
  return spawnSync(process.execPath, [CLI, '--home', home, ...args], { env, input: '', encoding: 'utf8', timeout: 15_000 });
}

function expectRefused(result: ReturnType<typeof run>, what: string): void {
  expect(result.signal, `${what} hung`).toBeNull();
  expect(result.status, `${what}: ${result.stderr}`).toBe(1);
  expect(result.stderr.trim().split('\n'), what).toHaveLength(1);
  expect(result.stderr, what).toMatch(/^parley: .+ — .+/);
}

function expectCalm(result: ReturnType<typeof run>, what: string): void {
  expect(result.signal, `${what} hung`).toBeNull();
  expect([0, 1], `${what}: ${result.stderr}`).toContain(result.status);
  if (result.status === 1) expectRefused(result, what);
  expect(result.stderr, what).not.toMatch(/unexpected error|\n\s+at /);
}

function everyCommand(home: string): void {
  for (const args of WRITES) expectRefused(run(home, args), `--home ${home} ${args.join(' ')}`);
  for (const args of OTHERS) expectCalm(run(home, args), `--home ${home} ${args.join(' ')}`);
}

describe.skipIf(!existsSync('/proc/self'))('homes in kernel file systems', () => {
  for (const home of ['/proc', '/proc/self', '/proc/parley-regression/home', '/sys/kernel', '/dev/null']) {
    it(`--home ${home}: every command ends, a write is one line and exit 1`, () => everyCommand(home), 240_000);
  }
});

// chmod cannot stop root, so a read-only file system needs a tmpfs remounted read-only.
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});
function readOnlyMount(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'parley-ro-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]).status !== 0) return undefined;
  mounts.push(dir);
  mkdirSync(join(dir, 'home'));
  return spawnSync('mount', ['-o', 'remount,ro', dir]).status === 0 ? dir : undefined;
}
const readOnly = readOnlyMount();

describe.skipIf(!readOnly)('a home on a read-only file system', () => {
  it('an empty home there: every command ends, a write is one line and exit 1', () => everyCommand(join(readOnly!, 'home')), 240_000);
  it('a home to be created there: the same', () => everyCommand(join(readOnly!, 'new', 'home')), 240_000);
});
