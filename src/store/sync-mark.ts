import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import type { Git } from './git.js';
import { refFile, SHARED, type Refs } from './sync-repo.js';

/**
 * What the last sync that ended with nothing left to send saw: the remote, the branch, the commit
 * both sides were at, and the stamp of every shared file then. A sync that finds all of it unchanged
 * has nothing to do and runs no git at all: most syncs are of this kind (one at every sitting), and
 * git's fetch and status are most of their time.
 */
interface Mark {
  remote: string;
  branch: string;
  head: string;
  files: Record<string, string>;
}

const markPath = (git: Git) => join(git.root, '.git', 'parley-synced.json');

/**
 * Size, change and modification times (to the nanosecond) and inode: an append changes the size,
 * an atomic rewrite the inode, and any write the change time, which no tool can set back.
 */
function stamp(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return s.isFile() ? `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Every shared file's stamp by path; undefined when the shared files are not laid out as parley lays them (a folder within). */
function sharedStamps(root: string): Record<string, string> | undefined {
  const files: Record<string, string> = {};
  for (const name of SHARED) {
    const path = join(root, name);
    const own = stamp(path);
    if (own !== undefined) {
      files[name] = own;
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(path);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const inner = stamp(join(path, entry));
      if (inner === undefined) return undefined;
      files[`${name}/${entry}`] = inner;
    }
  }
  return files;
}

/**
 * The branch's commit in a remote that is a repository on this disk, read from its files as git
 * writes them; undefined for a remote elsewhere, or refs stored some other way, which only a fetch can answer.
 */
function localRemoteRef(url: string, branch: string): string | undefined {
  if (!isAbsolute(url)) return undefined;
  const gitDir = existsSync(join(url, 'HEAD')) ? url : join(url, '.git');
  if (!existsSync(join(gitDir, 'refs'))) return undefined;
  return refFile(gitDir, `refs/heads/${branch}`) ?? undefined;
}

function readMark(git: Git): Mark | undefined {
  try {
    const mark = JSON.parse(readFileSync(markPath(git), 'utf8')) as Mark;
    return typeof mark.head === 'string' && typeof mark.remote === 'string' && mark.files && typeof mark.files === 'object' ? mark : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a sync with `url` would find nothing to fetch, merge, commit or push, known without
 * running git: only for a remote on this disk, whose branch can be read as a fetch would.
 */
export function nothingNew(git: Git, url: string, branch: string): boolean {
  const mark = readMark(git);
  if (!mark || mark.remote !== url || mark.branch !== branch) return false;
  // The branch as its file says (a repository whose refs git keeps otherwise is asked by the slow way).
  if (refFile(join(git.root, '.git'), `refs/heads/${branch}`) !== mark.head || localRemoteRef(url, branch) !== mark.head) return false;
  const now = sharedStamps(git.root);
  if (!now) return false;
  const paths = Object.keys(now);
  return paths.length === Object.keys(mark.files).length && paths.every((path) => mark.files[path] === now[path]);
}

/**
 * After a sync, under the home lock (so no review appends between the look and the stamps): when
 * the shared files are as committed and the remote (on this disk) has the branch's commit, marks
 * it; otherwise takes any mark away, and the next sync asks git.
 */
export function markSynced(git: Git, url: string, branch: string, refs: Refs): void {
  // A push to an address leaves the remote-tracking ref where the fetch put it: the remote itself says where it is.
  const head = refs.ours;
  const clean = head !== undefined && head === localRemoteRef(url, branch)
    && git.run(['status', '--porcelain', '-z', '--untracked-files=all', '--no-renames', '--', ...SHARED]) === '';
  const files = clean ? sharedStamps(git.root) : undefined;
  if (!files || head === undefined) {
    rmSync(markPath(git), { force: true });
    return;
  }
  writeFileAtomic(markPath(git), `${JSON.stringify({ remote: url, branch, head, files } satisfies Mark)}\n`);
}
