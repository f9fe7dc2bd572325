import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { gitReason, type Git, type GitResult } from './git.js';

/** How parley talks to the remote: its address as remembered, a time limit, and git's progress for a terminal. */
export interface RemoteTalk {
  url: string;
  timeoutMs: number;
  progress?: (text: string) => void;
}

/**
 * The remote as git should be given it: a URL (`https://…`, `ssh://…`, `host:path`) as it is, a
 * path made absolute, so the remembered remote means the same from any directory. Anything that
 * git could take for an option is refused.
 */
export function remoteAddress(given: string, cwd: string): string {
  if (given.trim() === '' || given.startsWith('-')) {
    throw new UserError(`"${given}" is not a remote`, 'give a git URL or the path to a bare repository', 2);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given)) return given;
  // scp-like `user@host:path`, as git reads it; a Windows drive (`C:\…`) is a path.
  if (/^[^/\\]+:/.test(given) && !/^[a-z]:[\\/]/i.test(given)) return given;
  return resolve(cwd, given);
}

/** A remote as parley prints it: never the password or token a URL may carry (`https://me:token@host/…`). */
export const shownRemote = (url: string): string => url.replace(/^(https?:\/\/)[^/@]*@/i, '$1');

/** git's HTTP transfer gives up when slower than this many bytes a second for the whole time limit. */
const LOW_SPEED_BYTES = 1000;

function unreachable(talk: RemoteTalk, result: GitResult): UserError {
  const why = result.timedOut ? `no answer within ${Math.round(talk.timeoutMs / 1000)} s` : gitReason(result.stderr);
  return new UserError(`cannot reach ${shownRemote(talk.url)}: ${why}`, 'check the address and the network, then run `parley sync` again');
}

/**
 * Brings the remote's branches into refs/remotes/origin/, or says in one line why it could not.
 * The address is given, not the remembered remote's name: a remote is remembered only once it answered.
 */
export async function fetchRemote(git: Git, talk: RemoteTalk): Promise<void> {
  const args = [
    '-c', `http.lowSpeedLimit=${LOW_SPEED_BYTES}`, '-c', `http.lowSpeedTime=${Math.max(1, Math.round(talk.timeoutMs / 1000))}`,
    // Housekeeping waits for a commit, which runs it too: a sync with nothing new stays a fetch.
    '-c', 'maintenance.auto=false', '-c', 'gc.auto=0',
    'fetch', '--prune', '--no-tags', talk.progress ? '--progress' : '--quiet', '--', talk.url, '+refs/heads/*:refs/remotes/origin/*',
  ];
  talk.progress?.(`fetching from ${shownRemote(talk.url)}\n`);
  const result = await git.network(args, talk.timeoutMs, talk.progress);
  if (result.status !== 0) throw unreachable(talk, result);
}

/**
 * Why the remote may have refused a push because another push changed the branch first: it had
 * moved since the fetch (rejected), or moved during the push (its ref could not be updated or
 * locked). A refusal of any other kind is said at once.
 */
const RACED = /\t\[(rejected\] \((fetch first|non-fast-forward)|remote rejected\] \((failed to update ref|failed to lock))\)/;

export function refused(talk: RemoteTalk, why: string): UserError {
  // A push killed midway can leave the remote's ref locked; every later push then fails the same way.
  const todo = /failed to (lock|update ref)/.test(why)
    ? 'a push cut short there may have left a lock: if no machine is syncing now, remove the `refs/heads/*.lock` file in the remote repository, then run `parley sync` again'
    : 'make it accept pushes to that branch (a bare repository does), then run `parley sync` again';
  return new UserError(`${shownRemote(talk.url)} refused the push: ${why}`, todo);
}

/**
 * Pushes this home's branch. A string: the remote refused it in a way another machine's push
 * meanwhile explains (git's words), so there may be more to fetch and merge first.
 */
export async function pushBranch(git: Git, branch: string, talk: RemoteTalk): Promise<true | string> {
  const args = ['push', '--porcelain', talk.progress ? '--progress' : '--quiet', '--', talk.url, `HEAD:refs/heads/${branch}`];
  const result = await git.network(args, talk.timeoutMs, talk.progress);
  if (result.status === 0) return true;
  const line = result.stdout.toString('utf8').split('\n').find((l) => l.startsWith('!'));
  if (!line) throw unreachable(talk, result);
  const why = line.split('\t').slice(2).join(' ').replace(/[[\]]/g, '');
  if (RACED.test(line)) return why;
  throw refused(talk, why);
}
