import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sharedKind } from '../core/sync/merge.js';
import { UserError } from '../core/errors.js';
import { syncDirectory, writeFileAtomic } from './atomic.js';
import type { Git } from './git.js';
import { layout, makeDirectory } from './home.js';
import { isAlive } from './pid.js';

/** What a sync commits: the files every machine shares. The rest of a home belongs to its machine. */
export const SHARED = ['journal', 'decks', 'known', 'settings.json', '.gitignore'];

/** The machine-local files of a home (see home.ts), kept out of the repository; and temporary files anywhere in it. */
function ignored(root: string): string[] {
  const { local, stateFile, legacyState, lock, pendingRename, syncLock } = layout(root);
  const own = [local, stateFile, `${legacyState}/`, lock, `${lock}.*`, pendingRename, syncLock].map((path) => `/${relative(root, path)}${path.endsWith('/') ? '/' : ''}`);
  return [...own, '/.parley-git.*', '.*.tmp', '*.tmp-*'];
}
const IGNORE_HEADER = '# parley: files that belong to this machine alone, never synced';

export const isRepository = (root: string): boolean => existsSync(layout(root).repository);

/**
 * Makes the home a git repository. The repository is made beside the home's files and moved in
 * with one rename, so a kill leaves either no repository or a whole one, never a half-made .git
 * that git would refuse.
 */
export function makeRepository(git: Git, root: string): void {
  for (const name of readdirSync(root)) {
    const pid = /^\.parley-git\.(\d+)$/.exec(name)?.[1];
    if (pid && (Number(pid) === process.pid || !isAlive(Number(pid)))) rmSync(join(root, name), { recursive: true, force: true });
  }
  const scratch = join(root, `.parley-git.${process.pid}`);
  makeDirectory(scratch);
  git.run(['init', '-q'], { at: scratch });
  // Every home parley makes a repository of syncs the same branch, whatever git's default is here.
  writeFileSync(join(scratch, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  renameSync(join(scratch, '.git'), join(root, '.git'));
  syncDirectory(root);
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Takes back a repository this sync made, when its first fetch failed: a sync that could not
 * reach its remote leaves the home as it was. `ignore` is what .gitignore held before.
 */
export function unmakeRepository(root: string, ignore: string | undefined): void {
  rmSync(join(root, '.git'), { recursive: true, force: true });
  if (ignore === undefined) rmSync(join(root, '.gitignore'), { force: true });
  else writeFileAtomic(join(root, '.gitignore'), ignore);
}

export function readIgnore(root: string): string | undefined {
  try {
    return readFileSync(join(root, '.gitignore'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

/** Adds the machine-local files to the home's .gitignore, keeping whatever else it says. */
export function ensureIgnore(root: string): void {
  const path = join(root, '.gitignore');
  const text = readIgnore(root) ?? '';
  const have = new Set(text.split(/\r?\n/).map((line) => line.trim()));
  const missing = ignored(root).filter((line) => !have.has(line));
  if (!missing.length) return;
  const lines = have.has(IGNORE_HEADER) ? missing : [IGNORE_HEADER, ...missing];
  writeFileAtomic(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`);
}

/** One value of the repository's git configuration (with the user's and the system's); undefined when unset. */
function configValue(git: Git, key: string): string | undefined {
  const result = git.try(['config', '--get', key]);
  if (result.status === 1) return undefined;
  if (result.status !== 0) throw git.failed(['config'], result);
  return result.stdout.toString('utf8').replace(/\n$/, '') || undefined;
}

/**
 * The remembered remote, read from .git/config as `git remote add` writes it, which saves every
 * sync a run of git; anything parley would not read as git does (an include, quoting, escapes)
 * is left to git.
 */
export function rememberedRemote(git: Git): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(git.root, '.git', 'config'), 'utf8');
  } catch {
    return configValue(git, 'remote.origin.url');
  }
  let inOrigin = false;
  let url: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      if (/^\[\s*include/i.test(line) || !line.endsWith(']')) return configValue(git, 'remote.origin.url');
      inOrigin = /^\[remote "origin"\]$/i.test(line);
      continue;
    }
    const value = inOrigin ? /^url\s*=\s*(.*)$/i.exec(line)?.[1] : undefined;
    if (value === undefined) continue;
    if (/["\\#;]/.test(value) || value.trim() === '') return configValue(git, 'remote.origin.url');
    url = value.trim();
  }
  return url;
}

/** The user's git identity, asked for only when parley is about to commit. */
export function gitIdentity(git: Git): { name?: string; email?: string } {
  return { name: configValue(git, 'user.name'), email: configValue(git, 'user.email') };
}

export function noRemote(): UserError {
  return new UserError('no remote to sync with', 'give one the first time: `parley sync <git URL or path to a bare repository>`; it is remembered');
}

/** Remembers the remote a sync reached, in place of the one it remembered before. */
export function rememberRemote(git: Git, known: string | undefined, url: string): void {
  if (url !== known) git.run(known === undefined ? ['remote', 'add', 'origin', url] : ['remote', 'set-url', 'origin', url]);
}

/** The branch the home's repository is on. */
export function currentBranch(git: Git): string {
  let head = '';
  try {
    head = readFileSync(join(git.root, '.git', 'HEAD'), 'utf8').trim().replace(/^ref: /, '');
  } catch {
    // .git is a link to a repository elsewhere: git knows where.
    head = git.try(['symbolic-ref', '-q', 'HEAD']).stdout.toString('utf8').trim();
  }
  const branch = /^refs\/heads\/(.+)$/.exec(head)?.[1];
  if (!branch) {
    throw new UserError(`the git repository in ${git.root} is on no branch`, `run \`git -C ${git.root} switch main\` (or the branch it syncs), then \`parley sync\` again`);
  }
  return branch;
}

/**
 * Stages this machine's changes to the shared files (into `index`, or the repository's own);
 * false when there are none.
 */
export function stage(git: Git, index?: string): boolean {
  const status = git.run(['status', '--porcelain', '-z', '--untracked-files=all', '--no-renames', '--', ...SHARED], { index });
  const paths = status.split('\0').filter(Boolean).map((entry) => entry.slice(3));
  if (!paths.length) return false;
  git.run(['add', '-A', '--', ...paths], { index });
  let torn = false;
  for (const path of paths) if (sharedKind(path) === 'journal' && stageWholeLines(git, path, index)) torn = true;
  // A torn last line alone is no change worth a commit.
  return !torn || git.try(['diff', '--cached', '--quiet'], { index }).status === 1;
}

/**
 * A journal whose last line a crash cut short is staged up to its last whole line: the next
 * write replaces the torn bytes, so committing them would make the journal's history one that
 * is not append-only.
 */
function stageWholeLines(git: Git, path: string, index: string | undefined): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(git.root, path));
  } catch {
    return false;
  }
  if (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return false;
  const whole = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  const blob = git.run(['hash-object', '-w', '--stdin'], { input: whole }).trim();
  git.run(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { index });
  return true;
}

/** Commits this machine's changes to the shared files, if any; whether it made a commit. */
export function commitLocal(git: Git, device: string): boolean {
  if (!stage(git)) return false;
  git.identify(() => gitIdentity(git), device);
  git.run(['commit', '--no-verify', '-q', '-m', `parley: reviews, decks and settings from ${device}`]);
  return true;
}

export function headCommit(git: Git): string | undefined {
  const result = git.try(['rev-parse', '-q', '--verify', 'HEAD^{commit}']);
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

export interface Refs {
  /** This home's branch; undefined before its first commit. */
  ours?: string;
  /** The remote's copy of that branch as last fetched; undefined when the remote has none. */
  theirs?: string;
  /** Every branch the remote has, by name. */
  remote: Map<string, string>;
}

/**
 * A ref read from the repository's files as git writes them (a loose ref, else packed-refs); null
 * when it is stored some other way (reftable, a symbolic ref), for git to read.
 */
export function refFile(gitDir: string, name: string): string | undefined | null {
  if (existsSync(join(gitDir, 'reftable'))) return null;
  try {
    const value = readFileSync(join(gitDir, ...name.split('/')), 'utf8').trim();
    return /^[0-9a-f]{40,64}$/.test(value) ? value : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
  }
  let packed = '';
  try {
    packed = readFileSync(join(gitDir, 'packed-refs'), 'utf8');
  } catch {
    return undefined;
  }
  for (const line of packed.split('\n')) {
    const [sha, ref] = line.trim().split(' ');
    if (ref === name && sha && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  }
  return undefined;
}

/**
 * This home's branch and the remote's copy of it, as files: two runs of git saved on every sync.
 * git lists the remote's branches when the remote has none of that name.
 */
export function readRefs(git: Git, branch: string): Refs {
  const gitDir = join(git.root, '.git');
  const ours = refFile(gitDir, `refs/heads/${branch}`);
  const theirs = refFile(gitDir, `refs/remotes/origin/${branch}`);
  if (ours !== null && typeof theirs === 'string') return { ours, theirs, remote: new Map([[branch, theirs]]) };
  const out = git.run(['for-each-ref', '--format=%(objectname) %(refname)', `refs/heads/${branch}`, 'refs/remotes/origin/']);
  const refs: Refs = { remote: new Map() };
  for (const line of out.split('\n')) {
    const [sha, name] = line.split(' ');
    if (!sha || !name) continue;
    if (name === `refs/heads/${branch}`) refs.ours = sha;
    else if (name.startsWith('refs/remotes/origin/') && name !== 'refs/remotes/origin/HEAD') refs.remote.set(name.slice(20), sha);
  }
  refs.theirs = refs.remote.get(branch);
  return refs;
}

export function mergeBase(git: Git, a: string, b: string): string | undefined {
  const result = git.try(['merge-base', a, b]);
  if (result.status === 1) return undefined;
  if (result.status !== 0) throw git.failed(['merge-base'], result);
  return result.stdout.toString('utf8').trim();
}

/** git's empty tree, for comparing with a side that has no commit. */
export function emptyTree(git: Git): string {
  return git.run(['hash-object', '-t', 'tree', '--stdin']).trim();
}
